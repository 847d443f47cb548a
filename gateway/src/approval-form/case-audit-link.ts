import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';

/** Where a case stands in the audit hash chain: its last event's hash and how many events it has. */
export interface CaseAuditLink {
  hash: string | null;
  events: number;
}

/**
 * The hash of the case's newest audit event. Every later link of the chain depends on it, so an
 * auditor holding the paper can check with `GET /api/audit/verify` that nothing before it changed.
 */
export async function caseAuditLink(db: Kysely<Database>, caseId: string): Promise<CaseAuditLink> {
  const row = await db
    .selectFrom('audit_events')
    .select([
      sql<string | null>`(array_agg(hash order by id desc))[1]`.as('hash'),
      sql<string>`count(*)`.as('events'),
    ])
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  return { hash: row?.hash ?? null, events: Number(row?.events ?? 0) };
}
