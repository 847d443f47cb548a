import type { OrgDirectory } from '@unionflow/process-model';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/**
 * Loads the org directory assignment rules resolve against. The directory is cached and reloaded when
 * the `org_directory_version` row moves (a trigger bumps it in every transaction that changes orgs,
 * users, roles or pairings), so an admin's change counts for the very next assignment. Checking
 * costs one primary-key read per call.
 */
export function createOrgDirectoryLoader(
  db: Kysely<Database>,
): (knownVersion?: string) => Promise<OrgDirectory> {
  let cached: { version: string; value: Promise<OrgDirectory> } | null = null;
  // A caller that read the version in its own statement passes it, saving a round trip.
  return async (knownVersion?: string) => {
    const version = knownVersion ?? (await currentVersion(db));
    if (!cached || cached.version !== version) {
      const entry = { version, value: load(db) };
      cached = entry;
      entry.value.catch(() => {
        if (cached === entry) cached = null;
      });
    }
    return cached.value;
  };
}

async function currentVersion(db: Kysely<Database>): Promise<string> {
  const row = await db.selectFrom('org_directory_version').select('version').executeTakeFirst();
  return String(row?.version ?? '0');
}

async function load(db: Kysely<Database>): Promise<OrgDirectory> {
  const [orgs, users, roles, pairings] = await Promise.all([
    db.selectFrom('orgs').select(['id', 'parent_id', 'name']).execute(),
    db
      .selectFrom('users')
      .select(['id', 'username', 'display_name', 'org_id', 'superior_id'])
      .where('disabled', '=', false)
      .execute(),
    db.selectFrom('user_roles').select(['user_id', 'role']).execute(),
    db.selectFrom('pairings').select(['applicant_id', 'cadre_id']).execute(),
  ]);
  const rolesByUser = new Map<string, string[]>();
  for (const r of roles) rolesByUser.set(r.user_id, [...(rolesByUser.get(r.user_id) ?? []), r.role]);
  return {
    orgs: orgs.map((o) => ({ id: o.id, parentId: o.parent_id, name: o.name })),
    users: users.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      orgId: u.org_id,
      roles: rolesByUser.get(u.id) ?? [],
      superiorId: u.superior_id,
    })),
    pairings: Object.fromEntries(pairings.map((p) => [p.applicant_id, p.cadre_id])),
  };
}
