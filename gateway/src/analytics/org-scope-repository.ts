import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';
import { pathInScope, type Scope } from '../org/org-scope';

/** The units a board counts: the caller's org and its subtree, by id with their names. */
export async function unitsInScope(
  db: Kysely<Database>,
  scope: Pick<Scope, 'orgPath'>,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('orgs as o')
    .select(['o.id', 'o.name'])
    .where((eb) => pathInScope(eb.ref('o.path'), scope))
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
