import { ApplicationFailure } from '@temporalio/activity';
import type { Database } from '@unionflow/db';
import type { ServiceCall } from '@unionflow/workflows';
import type { Kysely } from 'kysely';

/** A param as a string, or the fallback. */
export function stringParam(call: ServiceCall, name: string, fallback: string): string {
  const value = call.params[name];
  return typeof value === 'string' && value.length > 0 ? value : fallback;
}

/** A param as a finite number, or the fallback. */
export function numberParam(call: ServiceCall, name: string, fallback: number): number {
  const value = call.params[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** A comma/space separated list typed by a reviewer (中文逗号 included). */
export function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  if (typeof value !== 'string') return [];
  return [
    ...new Set(
      value
        .split(/[,，、;；\s]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** The user a field names (a username or a user id), or null. */
export async function userByName(
  db: Kysely<Database>,
  nameOrId: unknown,
): Promise<{ id: string; username: string; org_id: string } | null> {
  if (typeof nameOrId !== 'string' || !nameOrId) return null;
  const row = await db
    .selectFrom('users')
    .select(['id', 'username', 'org_id'])
    .where((eb) => eb.or([eb('username', '=', nameOrId), eb('id', '=', nameOrId)]))
    .executeTakeFirst();
  return row ?? null;
}

/** Inserts a notification once per (user, case, type): a retried step does not notify twice. */
export async function notifyOnce(
  db: Kysely<Database>,
  userIds: string[],
  caseId: string,
  type: string,
  message: { zh: string; en?: string },
): Promise<void> {
  for (const userId of [...new Set(userIds)]) {
    const existing = await db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', userId)
      .where('case_id', '=', caseId)
      .where('type', '=', type)
      .executeTakeFirst();
    if (existing) continue;
    await db
      .insertInto('notifications')
      .values({
        user_id: userId,
        case_id: caseId,
        type,
        message: JSON.stringify(message) as never,
        created_at: new Date(),
        read_at: null,
      })
      .execute();
  }
}

/** Users holding a role anywhere (mediators, the assistance centre…). */
export async function usersWithRole(db: Kysely<Database>, role: string): Promise<string[]> {
  const rows = await db
    .selectFrom('user_roles')
    .innerJoin('users', 'users.id', 'user_roles.user_id')
    .select('users.id')
    .where('user_roles.role', '=', role)
    .where('users.disabled', '=', false)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * A refusal no retry can fix (the definition or the case data is wrong): the step fails at once and
 * the case timeline shows why, instead of retrying for minutes.
 */
export function refuse(message: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(message, 'ServiceRefused');
}
