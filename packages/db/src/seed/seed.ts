import { hash } from '@node-rs/argon2';
import type { ProcessDefinition } from '@unionflow/process-model';
import { type Kysely, sql } from 'kysely';
import { rootOrgId } from '../definitions';
import type { Database } from '../schema';
import { seedDefinitions } from './definitions';
import { DEMO_PASSWORD, demoOrgs, demoPairings, demoUsers } from './demo-organisation';

/** argon2id with OWASP's minimum parameters (19 MiB, 2 passes). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
}

function orgPath(id: string): string {
  const parts: string[] = [];
  let current: string | null = id;
  while (current) {
    parts.unshift(current);
    current = demoOrgs.find((o) => o.id === current)?.parent_id ?? null;
  }
  return `/${parts.join('/')}/`;
}

/** A user to insert directly (the seed, tests): no superior yet, Beijing time, Chinese first. */
export interface NewUser {
  id: string;
  username: string;
  display_name: string;
  org_id: string;
  roles: readonly string[];
}

/** Inserts users and their roles, all with one password hash. */
export async function insertUsers(
  db: Kysely<Database>,
  users: readonly NewUser[],
  passwordHash: string,
): Promise<void> {
  await db
    .insertInto('users')
    .values(
      users.map((u) => ({
        id: u.id,
        username: u.username,
        display_name: u.display_name,
        org_id: u.org_id,
        superior_id: null,
        password_hash: passwordHash,
        locale: 'zh-CN',
        time_zone: 'Asia/Shanghai',
        disabled: false,
      })),
    )
    .execute();
  await db
    .insertInto('user_roles')
    .values(users.flatMap((u) => u.roles.map((role) => ({ user_id: u.id, role }))))
    .execute();
}

/**
 * Seeds the demo organisation, users and published definitions into an empty database.
 * Returns false (and writes nothing) when any user already exists.
 */
export async function seedDemoOrganisation(db: Kysely<Database>): Promise<boolean> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    // Several processes may start on one empty database at once; one seeds, the others see its work.
    await sql`SELECT pg_advisory_xact_lock(hashtext('unionflow.seed'))`.execute(trx);
    const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
    if (existing) return false;
    await trx
      .insertInto('orgs')
      .values(demoOrgs.map((o) => ({ ...o, path: orgPath(o.id) })))
      .execute();
    // Superiors reference other users: insert without them, then link.
    await insertUsers(trx, demoUsers, passwordHash);
    for (const u of demoUsers) {
      if (u.superior_id)
        await trx.updateTable('users').set({ superior_id: u.superior_id }).where('id', '=', u.id).execute();
    }
    await trx
      .insertInto('pairings')
      .values([...demoPairings])
      .execute();
    await insertSeedDefinitions(trx, seedDefinitions, 'u-admin');
    return true;
  });
}

/**
 * Publishes every shipped definition whose key has no published version yet, so an existing install
 * gains processes added in a new release. Definitions an admin already published are left alone.
 */
export async function publishMissingSeedDefinitions(db: Kysely<Database>): Promise<string[]> {
  const published = new Set(
    (await db.selectFrom('process_versions').select('key').distinct().execute()).map((r) => r.key),
  );
  const missing = seedDefinitions.filter((d) => !published.has(d.key));
  await insertSeedDefinitions(db, missing, null);
  return missing.map((d) => d.key);
}

/**
 * Publishes shipped definitions as their first version, each with the same document as its draft.
 * Keys that already exist are left alone, so a re-run or a race with another instance is harmless.
 */
async function insertSeedDefinitions(
  db: Kysely<Database>,
  definitions: readonly ProcessDefinition[],
  by: string | null,
): Promise<void> {
  const now = new Date();
  // Shipped processes are federation-wide: the root org owns them.
  const owner = await rootOrgId(db);
  for (const def of definitions) {
    const document = JSON.stringify(def) as never;
    await db
      .insertInto('process_versions')
      .values({ key: def.key, version: def.version, document, published_at: now, published_by: by })
      .onConflict((oc) => oc.columns(['key', 'version']).doNothing())
      .execute();
    await db
      .insertInto('process_drafts')
      .values({ key: def.key, document, updated_at: now, updated_by: by })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    if (owner) {
      await db
        .insertInto('process_owners')
        .values({ key: def.key, owner_org_id: owner })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    }
  }
}
