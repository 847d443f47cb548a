import type { Database } from '@unionflow/db';
import type { Kysely, Selectable } from 'kysely';

export type DraftRow = Selectable<Database['case_drafts']>;

/** The user's draft by id; undefined for another user's draft as for an unknown one. */
export async function findOwnDraft(
  db: Kysely<Database>,
  userId: string,
  id: string,
): Promise<DraftRow | undefined> {
  return db
    .selectFrom('case_drafts')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** The user's most recently edited drafts, up to `limit`. */
export async function listOwnDrafts(
  db: Kysely<Database>,
  userId: string,
  limit: number,
): Promise<DraftRow[]> {
  return db
    .selectFrom('case_drafts')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}

/** Stores a new draft of the process with the given form data. */
export async function insertDraft(
  db: Kysely<Database>,
  draft: { id: string; userId: string; processKey: string; data: Record<string, unknown>; at: Date },
): Promise<DraftRow> {
  return db
    .insertInto('case_drafts')
    .values({
      id: draft.id,
      user_id: draft.userId,
      process_key: draft.processKey,
      data: JSON.stringify(draft.data) as never,
      created_at: draft.at,
      updated_at: draft.at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Replaces a draft's form data. */
export async function updateDraftData(
  db: Kysely<Database>,
  id: string,
  data: Record<string, unknown>,
): Promise<DraftRow> {
  return db
    .updateTable('case_drafts')
    .set({ data: JSON.stringify(data) as never, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteDraft(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('case_drafts').where('id', '=', id).execute();
}
