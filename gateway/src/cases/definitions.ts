import type { Database } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import type { Kysely } from 'kysely';

/** The newest published version of every process. */
export async function latestDefinitions(db: Kysely<Database>): Promise<ProcessDefinition[]> {
  const rows = await db
    .selectFrom('process_versions as v')
    .select(['v.document'])
    .where(({ eb, selectFrom }) =>
      eb(
        'v.version',
        '=',
        selectFrom('process_versions as w')
          .select(({ fn }) => fn.max('w.version').as('m'))
          .whereRef('w.key', '=', 'v.key'),
      ),
    )
    .orderBy('v.key')
    .execute();
  return rows.map((r) => r.document as unknown as ProcessDefinition);
}

export async function latestDefinition(db: Kysely<Database>, key: string): Promise<ProcessDefinition | null> {
  const row = await db
    .selectFrom('process_versions')
    .select('document')
    .where('key', '=', key)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? (row.document as unknown as ProcessDefinition) : null;
}

export async function definitionVersion(
  db: Kysely<Database>,
  key: string,
  version: number,
): Promise<ProcessDefinition | null> {
  const row = await db
    .selectFrom('process_versions')
    .select('document')
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  return row ? (row.document as unknown as ProcessDefinition) : null;
}

/** Whether a user may start cases of a definition. */
export function canStart(def: ProcessDefinition, roles: string[]): boolean {
  return (
    !def.starterRoles || def.starterRoles.length === 0 || def.starterRoles.some((r) => roles.includes(r))
  );
}
