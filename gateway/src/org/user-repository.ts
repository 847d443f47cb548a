import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import { pathInScope, type Scope } from './org-scope';

/**
 * Active users of any of the given org scopes whose username starts with, or whose name contains,
 * the already LIKE-escaped `term`; an exact username match `q` first.
 */
export async function findUsersInScopes(
  db: Kysely<Database>,
  scopes: Pick<Scope, 'orgPath'>[],
  q: string,
  term: string,
  limit: number,
) {
  return db
    .selectFrom('users')
    .innerJoin('orgs', 'orgs.id', 'users.org_id')
    .select(['users.id', 'users.username', 'users.display_name', 'orgs.name as org_name'])
    .where('users.disabled', '=', false)
    .where((eb) => eb.or(scopes.map((scope) => pathInScope(eb.ref('orgs.path'), scope))))
    .where((eb) =>
      eb.or([eb('users.username', 'ilike', `${term}%`), eb('users.display_name', 'like', `%${term}%`)]),
    )
    .orderBy(sql`users.username = ${q}`, 'desc')
    .orderBy('users.username')
    .limit(limit)
    .execute();
}
