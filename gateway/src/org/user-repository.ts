import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import { pathInScope, pathOnLine, type Scope } from './org-scope';

/**
 * Active users of any of the given org subtrees (`scopes`) or org lines (`lines`: an org, its
 * ancestors and its subtree) whose username starts with, or whose name contains, the already
 * LIKE-escaped `term`; an exact username match `q` first.
 */
export async function findUsersInScopes(
  db: Kysely<Database>,
  scopes: Pick<Scope, 'orgPath'>[],
  lines: string[],
  q: string,
  term: string,
  limit: number,
) {
  return db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select(['users.id', 'users.username', 'users.display_name', 'orgs.name as org_name'])
    .where('users.disabled', '=', false)
    .where((eb) =>
      eb.or([
        ...scopes.map((scope) => pathInScope(eb.ref('orgs.path'), scope)),
        ...lines.map((line) => pathOnLine(eb.ref('orgs.path'), line)),
      ]),
    )
    .where((eb) =>
      eb.or([eb('users.username', 'ilike', `${term}%`), eb('users.display_name', 'like', `%${term}%`)]),
    )
    .orderBy(sql`users.username = ${q}`, 'desc')
    .orderBy('users.username')
    .limit(limit)
    .execute();
}
