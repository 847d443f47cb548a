import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import { escapeLike } from '../sql-text';

function baseQuery(db: Kysely<Database>, viewerId: string) {
  return db
    .selectFrom('library_entries as l')
    .innerJoin('users as u', 'u.id', 'l.author_id')
    .leftJoin('orgs as o', 'o.id', 'l.org_id')
    .select([
      'l.case_id',
      'l.case_number',
      'l.process_key',
      'l.title',
      'l.kind',
      'l.tier',
      'l.summary',
      'l.award_fen',
      'l.published_at',
      'u.id as author_id',
      'u.username',
      'u.display_name',
      'o.name as org_name',
      sql<number>`(SELECT count(*) FROM library_reuses r WHERE r.case_id = l.case_id)::int`.as('reuses'),
      sql<boolean>`EXISTS (SELECT 1 FROM library_reuses r WHERE r.case_id = l.case_id AND r.user_id = ${viewerId})`.as(
        'reused_by_me',
      ),
    ]);
}

/** One library entry with its author and org. */
export type LibraryRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

/** `%`, `_` and `\` are literal in a member's search words. */
function likePattern(words: string): string {
  return `%${escapeLike(words)}%`;
}

export interface LibrarySearch {
  /** Each word must appear in the title or the summary. */
  words: string[];
  tier?: string;
  kind?: string;
  /** Keyset cursor: published-at time and case id of the last entry already shown. */
  after?: string[] | null;
  limit: number;
}

/** Published entries matching the search, newest first. */
export async function searchLibrary(
  db: Kysely<Database>,
  viewerId: string,
  search: LibrarySearch,
): Promise<LibraryRow[]> {
  let query = baseQuery(db, viewerId);
  for (const word of search.words) {
    const pattern = likePattern(word);
    query = query.where((eb) => eb.or([eb('l.title', 'ilike', pattern), eb('l.summary', 'ilike', pattern)]));
  }
  if (search.tier) query = query.where('l.tier', '=', search.tier);
  if (search.kind) query = query.where('l.kind', '=', search.kind);
  const after = search.after;
  if (after)
    query = query.where(sql<boolean>`(l.published_at, l.case_id) < (${after[0]}::timestamptz, ${after[1]})`);
  return query.orderBy('l.published_at', 'desc').orderBy('l.case_id', 'desc').limit(search.limit).execute();
}

/** One published entry by its case id. */
export async function libraryEntry(
  db: Kysely<Database>,
  viewerId: string,
  caseId: string,
): Promise<LibraryRow | undefined> {
  return baseQuery(db, viewerId).where('l.case_id', '=', caseId).executeTakeFirst();
}

/** Records that `user` reused the entry; false when they already had (a repeat or a race lost). */
export async function recordReuse(
  db: Kysely<Database>,
  reuse: { caseId: string; userId: string; orgId: string; note: string | null; at: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('library_reuses')
    .values({
      case_id: reuse.caseId,
      user_id: reuse.userId,
      org_id: reuse.orgId,
      note: reuse.note,
      reused_at: reuse.at,
    })
    .onConflict((oc) => oc.columns(['case_id', 'user_id']).doNothing())
    .returning('case_id')
    .executeTakeFirst();
  return inserted !== undefined;
}
