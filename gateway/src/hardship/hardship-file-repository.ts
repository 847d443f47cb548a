import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import type { AuthUser } from '../auth';
import { pathInScope } from '../org/org-scope';

/** A household in the hardship file (解困脱困档案) as the assistance centre lists it. */
export interface HardshipFileRow {
  case_id: string;
  case_number: string;
  household: string;
  org_name: string;
  level: string;
  cadre_name: string | null;
  card_number: string | null;
  opened_at: Date;
  last_verified_at: Date | null;
}

/**
 * One keyset page of the households in the file in the caller's org subtree, newest first. Household
 * data: the route lets only the assistance centre ask.
 */
export async function hardshipFilePage(
  db: Kysely<Database>,
  user: AuthUser,
  limit: number,
  after: string[] | null,
): Promise<{ items: HardshipFileRow[]; next: string[] | null }> {
  let q = db
    .selectFrom('hardship_files as f')
    .innerJoin('cases as c', 'c.id', 'f.case_id')
    .innerJoin('orgs as o', 'o.id', 'f.org_id')
    .innerJoin('users as a', 'a.id', 'f.applicant_id')
    .leftJoin('users as k', 'k.id', 'f.cadre_id')
    .select([
      'f.case_id',
      'c.number as case_number',
      'a.display_name as household',
      'o.name as org_name',
      'f.level',
      'k.display_name as cadre_name',
      'f.card_number',
      'f.opened_at',
      'f.last_verified_at',
    ])
    .where('f.status', '=', 'in-file')
    .where((eb) => pathInScope(eb.ref('o.path'), user));
  if (after) q = q.where(sql<boolean>`(f.opened_at, f.case_id) < (${after[0]}::timestamptz, ${after[1]})`);
  const rows = await q
    .orderBy('f.opened_at', 'desc')
    .orderBy('f.case_id', 'desc')
    .limit(limit + 1)
    .execute();
  const items = rows.slice(0, limit) as HardshipFileRow[];
  const last = items[items.length - 1];
  return {
    items,
    next: rows.length > limit && last ? [new Date(last.opened_at).toISOString(), last.case_id] : null,
  };
}
