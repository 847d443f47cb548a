import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';

/** Parked cases (ADR 013) with what is known of the case, oldest first. */
function attentionQuery(db: Kysely<Database>) {
  return db
    .selectFrom('case_attention as a')
    .leftJoin('cases as c', 'c.id', 'a.case_id')
    .select(['a.case_id', 'a.message', 'a.since', 'a.updated_at', 'c.number', 'c.title', 'c.process_key'])
    .orderBy('a.since')
    .orderBy('a.case_id');
}

export type AttentionRow = Awaited<ReturnType<ReturnType<typeof attentionQuery>['executeTakeFirstOrThrow']>>;

/** Up to `limit` parked cases, oldest first. */
export async function attentionItems(db: Kysely<Database>, limit: number): Promise<AttentionRow[]> {
  return attentionQuery(db).limit(limit).execute();
}

/** One parked case, or undefined when it is not parked. */
export async function attentionItem(db: Kysely<Database>, caseId: string): Promise<AttentionRow | undefined> {
  return attentionQuery(db).where('a.case_id', '=', caseId).executeTakeFirst();
}

/**
 * Whether the case is parked or has a case row at all: a case parked before its first record was
 * written has only the former.
 */
export async function parkedOrKnownCase(db: Kysely<Database>, id: string): Promise<boolean> {
  const known = await db
    .selectFrom('case_attention')
    .select('case_id')
    .where('case_id', '=', id)
    .union(db.selectFrom('cases').select('id as case_id').where('id', '=', id))
    .executeTakeFirst();
  return known !== undefined;
}
