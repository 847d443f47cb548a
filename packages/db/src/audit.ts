import { createHash } from 'node:crypto';
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { AuditEventsTable, Database } from './schema';

/** The hash the first audit event links to. */
export const AUDIT_GENESIS = '0'.repeat(64);

export interface AuditEventInput {
  /** Unique per logical event, so a retried write appends nothing twice. */
  eventKey: string;
  caseId: string | null;
  at: string;
  actorId: string | null;
  type: string;
  payload: Record<string, unknown>;
}

/** JSON with object keys sorted, so a jsonb round trip hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function auditHash(prevHash: string, e: Omit<AuditEventInput, 'at'> & { at: string }): string {
  const body = canonicalJson({
    eventKey: e.eventKey,
    caseId: e.caseId,
    at: new Date(e.at).toISOString(),
    actorId: e.actorId,
    type: e.type,
    payload: e.payload,
  });
  return createHash('sha256').update(prevHash).update(body).digest('hex');
}

/**
 * The audit key of a projection's `idx`-th timeline event: written by the worker's projection, read by
 * the gateway to find where a case change sits in the live-event stream. One format, here.
 */
export function caseEventKey(caseId: string, seq: number, idx: number): string {
  return `${caseId}:${seq}:${idx}`;
}

/** The parts of a projection's audit key (see {@link caseEventKey}), or null for any other key. */
export function parseCaseEventKey(key: string): { caseId: string; seq: number; idx: number } | null {
  const m = /^(.+):(\d+):(\d+)$/.exec(key);
  return m ? { caseId: m[1] as string, seq: Number(m[2]), idx: Number(m[3]) } : null;
}

/** A NOTIFY sent by the statement that appends the events, carrying the audit id of the first one. */
export interface AuditNotice {
  channel: string;
  /** The message; `id` (the first appended event's audit id, as a string) is added to it. */
  payload: Record<string, unknown>;
}

/**
 * Appends events to the chain inside the caller's transaction. A transaction-scoped advisory lock
 * serialises appenders so every row links to the one before it; it is held until the caller commits,
 * so callers append last and commit right after. Three statements however many events.
 */
export async function appendAuditEvents(
  trx: Transaction<Database>,
  events: AuditEventInput[],
  notice?: AuditNotice,
): Promise<void> {
  if (events.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(hashtext('unionflow.audit_chain'))`.execute(trx);
  // A statement of its own after the lock: its snapshot must include the last appender's commit.
  const { rows } = await sql<{ last: string | null; known: string[] }>`
    SELECT (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1) AS last,
      ARRAY(SELECT event_key FROM audit_events WHERE event_key = ANY(${events.map((e) => e.eventKey)}::text[])) AS known`.execute(
    trx,
  );
  const skip = new Set(rows[0]?.known ?? []);
  let prev = rows[0]?.last ?? AUDIT_GENESIS;
  const values: Insertable<AuditEventsTable>[] = [];
  for (const e of events) {
    if (skip.has(e.eventKey)) continue;
    const hash = auditHash(prev, e);
    values.push({
      event_key: e.eventKey,
      case_id: e.caseId,
      at: new Date(e.at),
      actor_id: e.actorId,
      type: e.type,
      payload: JSON.stringify(e.payload) as never,
      prev_hash: prev,
      hash,
    });
    prev = hash;
  }
  // One multi-row insert: rows take their ids in list order, which is the chain's order.
  if (values.length === 0) return;
  if (!notice) {
    await trx.insertInto('audit_events').values(values).execute();
    return;
  }
  // The same statement notifies, with the id it just handed out: listeners need not look it up.
  // (NOTIFY is delivered at commit, so nobody hears of rows they cannot read yet.)
  await trx
    .with('ins', (db) => db.insertInto('audit_events').values(values).returning('id'))
    .selectNoFrom(
      sql<string>`pg_notify(${notice.channel}, (${JSON.stringify(notice.payload)}::jsonb || jsonb_build_object('id', (SELECT min(id)::text FROM ins)))::text)`.as(
        'notified',
      ),
    )
    .execute();
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first event whose link or content does not match, when the chain is broken. */
  firstBroken: { id: string; eventKey: string; reason: string } | null;
}

/** Walks the whole chain in id order and reports the first broken link. */
export async function verifyAuditChain(db: Kysely<Database>, batchSize = 1000): Promise<AuditVerification> {
  let prev = AUDIT_GENESIS;
  let checked = 0;
  let afterId = '0';
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where(sql<boolean>`id > ${afterId}::bigint`)
      .orderBy('id')
      .limit(batchSize)
      .execute();
    if (rows.length === 0) return { ok: true, checked, firstBroken: null };
    for (const row of rows) {
      const broken = (reason: string) => ({
        ok: false,
        checked,
        firstBroken: { id: String(row.id), eventKey: row.event_key, reason },
      });
      if (row.prev_hash !== prev) return broken('its link to the previous event does not match');
      const expected = auditHash(prev, {
        eventKey: row.event_key,
        caseId: row.case_id,
        at: row.at.toISOString(),
        actorId: row.actor_id,
        type: row.type,
        payload: row.payload as Record<string, unknown>,
      });
      if (row.hash !== expected) return broken('its content was changed after it was written');
      prev = row.hash;
      checked += 1;
      afterId = String(row.id);
    }
  }
}
