import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth';
import { notFound } from '../errors';
import { pathInScope } from '../org/org-scope';

/**
 * A case an admin acts on (migrate, retry): only one of the admin's org subtree. Another org's case
 * answers the same 404 as an unknown id, so an admin elsewhere learns nothing about it.
 */
export async function adminCase(db: Kysely<Database>, user: Pick<AuthUser, 'orgPath'>, id: string) {
  const row = await db
    .selectFrom('cases as c')
    .innerJoin('orgs as o', 'o.id', 'c.org_id')
    .select(['c.id', 'c.process_key', 'c.process_version', 'c.status'])
    .where('c.id', '=', id)
    .where((eb) => pathInScope(eb.ref('o.path'), user))
    .executeTakeFirst();
  if (!row) throw notFound(`找不到案件 ${id} / no case ${id}`);
  return row;
}
