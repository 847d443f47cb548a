import type { OrgDirectory } from '@unionflow/process-model';
import type { Kysely } from 'kysely';
import type { Database } from './schema';

/** Loads the org directory assignment rules resolve against; cached briefly since it changes rarely. */
export function createOrgDirectoryLoader(db: Kysely<Database>, ttlMs = 5_000): () => Promise<OrgDirectory> {
  let cached: { at: number; value: Promise<OrgDirectory> } | null = null;
  return () => {
    const now = Date.now();
    if (!cached || now - cached.at > ttlMs) {
      cached = { at: now, value: load(db) };
      cached.value.catch(() => {
        cached = null;
      });
    }
    return cached.value;
  };
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
