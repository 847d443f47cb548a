import type { AdminUserDto } from '@unionflow/contracts';
import type { Database } from '@unionflow/db';
import { type Kysely, sql, type Transaction } from 'kysely';

/** Users with their unit and roles, as every admin user query selects them. */
export function adminUserQuery(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('users as u')
    .innerJoin('orgs as o', 'o.id', 'u.org_id')
    .leftJoin('users as s', 's.id', 'u.superior_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      'u.disabled',
      'u.version',
      'u.created_at',
      'u.updated_at',
      'u.org_id',
      'o.name as org_name',
      'o.path as org_path',
      's.id as superior_id',
      's.username as superior_username',
      's.display_name as superior_name',
      sql<string[]>`array(select r.role from user_roles r where r.user_id = u.id order by r.role)`.as(
        'roles',
      ),
    ]);
}

/** One row of {@link adminUserQuery}. */
export type AdminUserRow = Awaited<ReturnType<ReturnType<typeof adminUserQuery>['executeTakeFirstOrThrow']>>;

/** The one mapping from a user row to the admin API's shape. */
export function toAdminUser(row: AdminUserRow): AdminUserDto {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    org: { id: row.org_id, name: row.org_name },
    roles: row.roles,
    superior:
      row.superior_id && row.superior_username && row.superior_name
        ? { id: row.superior_id, username: row.superior_username, displayName: row.superior_name }
        : null,
    active: !row.disabled,
    version: row.version,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
