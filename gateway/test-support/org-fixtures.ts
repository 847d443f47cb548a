import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';

/** Adds `org-other`, a grassroots union beside the demo steel company's: another branch of the org tree. */
export async function addOtherOrg(db: Kysely<Database>): Promise<string> {
  await db
    .insertInto('orgs')
    .values({
      id: 'org-other',
      parent_id: 'org-district',
      name: '另一家企业工会',
      level: 'grassroots',
      path: '/org-city/org-district/org-other/',
    })
    .execute();
  return 'org-other';
}

/** Adds an active user who signs in with the demo password, holding `roles` in `orgId`. */
export async function addUser(
  db: Kysely<Database>,
  user: { username: string; orgId: string; roles: string[] },
): Promise<string> {
  const { password_hash } = await db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', 'zhangwei')
    .executeTakeFirstOrThrow();
  const id = `u-${user.username}`;
  await db
    .insertInto('users')
    .values({
      id,
      username: user.username,
      display_name: user.username,
      password_hash,
      org_id: user.orgId,
      superior_id: null,
      locale: 'zh-CN',
      time_zone: 'Asia/Shanghai',
      disabled: false,
    })
    .execute();
  if (user.roles.length > 0)
    await db
      .insertInto('user_roles')
      .values(user.roles.map((role) => ({ user_id: id, role })))
      .execute();
  return id;
}
