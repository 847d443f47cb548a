import type { AuditPageDto, AuditQueryParams } from '@unionflow/contracts';
import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import type { AuthUser } from '../auth';
import { decodeCursor, encodeCursor } from '../cases/cursor';
import { definitionVersion } from '../cases/definitions';
import { type AuditMask, maskFor, maskPayload } from './audit-mask';

type Db = Kysely<Database>;

/** The case a filter names, by id or by its number (people know case numbers). */
async function caseIdFor(db: Db, idOrNumber: string): Promise<string | null> {
  const row = await db
    .selectFrom('cases')
    .select('id')
    .where((eb) => eb.or([eb('id', '=', idOrNumber), eb('number', '=', idOrNumber)]))
    .executeTakeFirst();
  return row?.id ?? null;
}

/**
 * The audit log of the caller's org subtree, newest first, keyset paged on the chain order. An event
 * belongs to the org of its case; without a case, to the org its payload names (admin changes), else
 * to its actor's org. Events that belong to no org (the engine acting alone) are shown to admins of
 * a top-level unit only.
 */
export async function listAuditEvents(
  db: Db,
  user: AuthUser,
  query: AuditQueryParams,
): Promise<AuditPageDto> {
  const limit = query.limit ?? 50;
  const before = decodeCursor(query.cursor, ['serial'])?.[0] ?? null;
  const topLevel = user.orgPath.split('/').filter(Boolean).length === 1;
  const owner = sql<string | null>`coalesce(co.path, po.path, ao.path)`;

  let q = db
    .selectFrom('audit_events as a')
    .leftJoin('cases as c', 'c.id', 'a.case_id')
    .leftJoin('orgs as co', 'co.id', 'c.org_id')
    .leftJoin('users as au', 'au.id', 'a.actor_id')
    .leftJoin('orgs as ao', 'ao.id', 'au.org_id')
    .leftJoin('orgs as po', (join) => join.on(sql<boolean>`po.id = a.payload->>'orgId'`))
    .select([
      'a.id',
      'a.at',
      'a.type',
      'a.case_id',
      'a.actor_id',
      'a.payload',
      'a.hash',
      'c.number as case_number',
      'c.process_key',
      'c.process_version',
      'au.username as actor_username',
      'au.display_name as actor_name',
    ])
    .where(
      topLevel
        ? sql<boolean>`(${owner} IS NULL OR starts_with(${owner}, ${user.orgPath}))`
        : sql<boolean>`starts_with(${owner}, ${user.orgPath})`,
    );
  if (query.caseId) {
    const caseId = await caseIdFor(db, query.caseId);
    if (!caseId) return { items: [], nextCursor: null };
    q = q.where('a.case_id', '=', caseId);
  }
  if (query.actor) q = q.where('au.username', '=', query.actor.trim().toLowerCase());
  if (query.type) q = q.where('a.type', '=', query.type);
  if (query.from) q = q.where('a.at', '>=', new Date(query.from));
  if (query.to) q = q.where('a.at', '<', new Date(query.to));
  if (before !== null) {
    q = q.where(sql<boolean>`a.id < ${before}::bigint`);
  }
  const rows = await q
    .orderBy('a.id', 'desc')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);

  const masks = new Map<string, AuditMask | null>();
  const versions = [
    ...new Set(
      page.filter((r) => r.process_key !== null).map((r) => `${r.process_key}\u0000${r.process_version}`),
    ),
  ];
  // Published versions are cached per process: most pages read no definition at all.
  await Promise.all(
    versions.map(async (v) => {
      const [key, version] = v.split('\u0000') as [string, string];
      const def = await definitionVersion(db, key, Number(version));
      if (def) masks.set(v, maskFor(def, user));
    }),
  );

  const last = page[page.length - 1];
  return {
    items: page.map((r) => {
      const payload = r.payload as Record<string, unknown>;
      const key = `${r.process_key}\u0000${r.process_version}`;
      // A case event whose definition cannot be found is masked as a household one, to be safe.
      const mask =
        r.process_key === null
          ? null
          : masks.has(key)
            ? (masks.get(key) ?? null)
            : { keys: new Set<string>(), comments: true };
      return {
        id: String(r.id),
        at: new Date(r.at).toISOString(),
        type: r.type,
        caseId: r.case_id,
        caseNumber: r.case_number,
        actor: r.actor_id
          ? {
              id: r.actor_id,
              username: r.actor_username ?? r.actor_id,
              displayName: r.actor_name ?? r.actor_id,
            }
          : null,
        payload: maskPayload(payload, mask),
        hash: r.hash,
      };
    }),
    nextCursor: rows.length > limit && last ? encodeCursor([String(last.id)]) : null,
  };
}
