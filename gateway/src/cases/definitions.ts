import type { Database } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import { type Kysely, type SqlBool, sql } from 'kysely';
import type { AuthUser } from '../auth';

/** Rows of the newest published version of every process, as `v`. */
function latestVersions(db: Kysely<Database>) {
  return db
    .selectFrom('process_versions as v')
    .where(({ eb, selectFrom }) =>
      eb(
        'v.version',
        '=',
        selectFrom('process_versions as w')
          .select(({ fn }) => fn.max('w.version').as('m'))
          .whereRef('w.key', '=', 'v.key'),
      ),
    )
    .orderBy('v.key');
}

/** The newest published version of every process. */
export async function latestDefinitions(db: Kysely<Database>): Promise<ProcessDefinition[]> {
  const rows = await latestVersions(db).select(['v.document']).execute();
  return rows.map((r) => r.document as unknown as ProcessDefinition);
}

/**
 * The newest published version of every process the user may start: not retired, owned by an org
 * whose subtree holds the user (no owner: federation-wide), and open to one of their roles.
 */
export async function startableDefinitions(
  db: Kysely<Database>,
  user: Pick<AuthUser, 'orgPath' | 'roles'>,
): Promise<ProcessDefinition[]> {
  const rows = await latestVersions(db)
    .leftJoin('process_owners as p', 'p.key', 'v.key')
    .leftJoin('orgs as o', 'o.id', 'p.owner_org_id')
    .select(['v.document'])
    .where('p.retired_at', 'is', null)
    .where((eb) => eb.or([eb('o.path', 'is', null), sql<SqlBool>`starts_with(${user.orgPath}, o.path)`]))
    .execute();
  return rows
    .map((r) => r.document as unknown as ProcessDefinition)
    .filter((def) => canStart(def, user.roles));
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

/**
 * Published versions never change (a change is a new version), so each is read once per process and
 * kept; a bounded map, since only the versions of cases people open are ever asked for.
 */
const versions = new WeakMap<Kysely<Database>, Map<string, Promise<ProcessDefinition | null>>>();
const KEPT_VERSIONS = 500;

/** One published version, or null when there is none; read once per process. */
export function definitionVersion(
  db: Kysely<Database>,
  key: string,
  version: number,
): Promise<ProcessDefinition | null> {
  let cache = versions.get(db);
  if (!cache) {
    cache = new Map();
    versions.set(db, cache);
  }
  const id = `${version}:${key}`;
  const known = cache.get(id);
  if (known) return known;
  const loading = db
    .selectFrom('process_versions')
    .select('document')
    .where('key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst()
    .then((row) => (row ? (row.document as unknown as ProcessDefinition) : null));
  if (cache.size >= KEPT_VERSIONS) cache.delete(cache.keys().next().value as string);
  cache.set(id, loading);
  // Neither a failed read nor a missing version is remembered: the next caller asks again.
  const forget = () => cache.delete(id);
  loading.then((def) => def ?? forget(), forget);
  return loading;
}

/** Whether a user may start cases of a definition. */
export function canStart(def: ProcessDefinition, roles: string[]): boolean {
  return (
    !def.starterRoles || def.starterRoles.length === 0 || def.starterRoles.some((r) => roles.includes(r))
  );
}
