import { hash, verify } from '@node-rs/argon2';
import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';

let dummyHash: Promise<string> | undefined;

/** A hash to verify against when the user does not exist, so timing does not reveal usernames. */
function getDummyHash(): Promise<string> {
  dummyHash ??= hash('unionflow-no-such-user', {
    algorithm: 2,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  return dummyHash;
}

/** Checks a username/password pair; returns the user id or null (disabled users never pass). */
export async function verifyCredentials(
  db: Kysely<Database>,
  username: string,
  password: string,
): Promise<string | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled'])
    .where('username', '=', username)
    .executeTakeFirst();
  const stored = user?.password_hash ?? (await getDummyHash());
  let ok = false;
  try {
    ok = await verify(stored, password);
  } catch {
    ok = false;
  }
  return ok && user && !user.disabled ? user.id : null;
}
