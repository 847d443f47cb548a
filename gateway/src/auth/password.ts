import { hash, verify } from '@node-rs/argon2';
import { type Database, hashPassword } from '@unionflow/db';
import type { Kysely } from 'kysely';
import { unprocessable } from '../errors';
import { assertNewPassword } from './password-policy';

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

async function matches(stored: string | undefined, password: string): Promise<boolean> {
  try {
    return await verify(stored ?? (await getDummyHash()), password);
  } catch {
    return false;
  }
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
  const ok = await matches(user?.password_hash, password);
  return ok && user && !user.disabled ? user.id : null;
}

/**
 * Replaces a user's password after checking the current one. Returns false (nothing written) when the
 * current password is wrong; throws 422 when the new one breaks the password rules.
 */
export async function changePassword(
  db: Kysely<Database>,
  userId: string,
  current: string,
  next: string,
): Promise<boolean> {
  const user = await db
    .selectFrom('users')
    .select(['username', 'password_hash'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  if (!(await matches(user.password_hash, current))) return false;
  assertNewPassword(next, user.username);
  if (next === current) {
    throw unprocessable('新密码不能与当前密码相同 / the new password must differ from the current one');
  }
  const passwordHash = await hashPassword(next);
  const now = new Date();
  await db
    .updateTable('users')
    .set({
      password_hash: passwordHash,
      must_change_password: false,
      password_changed_at: now,
      updated_at: now,
    })
    .where('id', '=', userId)
    .execute();
  return true;
}
