import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';

/** Active (not disabled) users named by username or id: how a request's people become user ids. */
export async function activeUsersNamed(
  db: Kysely<Database>,
  names: string[],
): Promise<{ id: string; username: string }[]> {
  if (names.length === 0) return [];
  return db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('disabled', '=', false)
    .where((eb) => eb.or([eb('username', 'in', names), eb('id', 'in', names)]))
    .execute();
}
