import type { Database } from '@unionflow/db';
import { FIELD_TYPES, type FormField } from '@unionflow/process-model';
import type { Kysely } from 'kysely';
import { type FieldError, unprocessable } from '../errors';
import { activeUsersNamed } from '../org/active-users';
import { moneyBoundProblems } from './money-bounds';

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
const given = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Dates that are not real `YYYY-MM-DD` dates, by the catalog's validator for `date` fields. */
function dateProblems(form: FormField[], data: Record<string, unknown>): FieldError[] {
  return form
    .filter((f) => f.type === 'date' && given(data[f.key]))
    .flatMap((f) => {
      const wrong = listOf(data[f.key]).find((v) => FIELD_TYPES.date.check(v) !== null);
      if (wrong === undefined) return [];
      const expected = FIELD_TYPES.date.check(wrong);
      return [
        {
          path: `/data/${f.key}`,
          message: `“${f.label.zh}”${expected?.zh}，如 2026-03-01 / "${f.label.en ?? f.label.zh}" ${expected?.en}, e.g. 2026-03-01`,
        },
      ];
    });
}

/**
 * People named in `user` fields who are not active users. The engine would silently drop them when a
 * step opens (a countersign would then need fewer signatures than named), so they are refused here.
 */
async function unknownUsers(
  db: Kysely<Database>,
  form: FormField[],
  data: Record<string, unknown>,
): Promise<FieldError[]> {
  const named = form
    .filter((f) => f.type === 'user' && given(data[f.key]))
    .map((f) => ({ field: f, names: listOf(data[f.key]).filter((v): v is string => typeof v === 'string') }));
  const all = [...new Set(named.flatMap((n) => n.names))];
  if (all.length === 0) return [];
  const found = await activeUsersNamed(db, all);
  const known = new Set(found.flatMap((u) => [u.id, u.username]));
  return named.flatMap(({ field, names }) => {
    const missing = names.filter((n) => !known.has(n));
    if (missing.length === 0) return [];
    const list = missing.join(', ');
    return [
      {
        path: `/data/${field.key}`,
        message: `“${field.label.zh}”中没有这些在职用户：${list} / "${field.label.en ?? field.label.zh}" names no active user: ${list}`,
      },
    ];
  });
}

/**
 * Refuses (422, naming each problem) data whose dates are not real dates, whose `user` fields name
 * unknown or disabled users, or whose amounts fall outside their range (a range may come from the
 * case data: an award band): checks that need the calendar, the user directory or the case.
 */
export async function requireKnownFieldValues(
  db: Kysely<Database>,
  form: FormField[],
  data: Record<string, unknown>,
  caseData: Record<string, unknown> = {},
): Promise<void> {
  const problems = [
    ...moneyBoundProblems(form, data, caseData),
    ...dateProblems(form, data),
    ...(await unknownUsers(db, form, data)),
  ];
  if (problems.length > 0) throw unprocessable(problems.map((p) => p.message).join(' '), problems);
}
