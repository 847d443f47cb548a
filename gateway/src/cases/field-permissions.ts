import type { Database } from '@unionflow/db';
import {
  FIELD_PERMISSIONS,
  type FormField,
  fieldPermission,
  hiddenFieldKeys,
  type ProcessDefinition,
  permissionFields,
} from '@unionflow/process-model';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth';
import { type FieldError, unprocessable } from '../errors';

/**
 * Refuses (422, one error per field) data a decision may not carry: a field outside the task's form,
 * which holds the step's own fields and those its permissions (字段权限) let its people change. Each
 * field is named by its label and what the step allows for it, so the reviewer reads why.
 */
export function requireChangeableFields(
  def: ProcessDefinition,
  task: { node_id: string; form: unknown[] },
  data: Record<string, unknown>,
): void {
  const allowed = new Set((task.form as FormField[]).map((f) => f.key));
  const node = def.nodes.find((n) => n.id === task.node_id);
  const known = new Map((node ? permissionFields(def, node) : def.form).map((f) => [f.key, f]));
  const problems: FieldError[] = Object.keys(data)
    .filter((key) => !allowed.has(key))
    .map((key) => {
      const field = known.get(key);
      if (!field)
        return {
          path: `/data/${key}`,
          message: `此步骤没有字段 ${key} / this step has no field "${key}"`,
        };
      const permission = FIELD_PERMISSIONS[fieldPermission(node, key)];
      const en = field.label.en ?? field.label.zh;
      return {
        path: `/data/${key}`,
        message: `「${field.label.zh}」在此步骤为${permission.zh}，不能修改 / "${en}" is ${permission.en.toLowerCase()} at this step and cannot be changed`,
      };
    });
  if (problems.length > 0) throw unprocessable(problems.map((p) => p.message).join(' '), problems);
}

/**
 * The fields this viewer may not see because every step they hold or held a task at hides them from
 * its people (ADR 032). The applicant and admins see everything, and so does anyone whose right to the
 * case is not a task of a hiding step (department staff, people copied, a reviewer of another step).
 */
export async function hiddenFieldsFor(
  db: Kysely<Database>,
  viewer: Pick<AuthUser, 'id' | 'roles'>,
  row: { id: string; applicant_id: string },
  def: Pick<ProcessDefinition, 'nodes'>,
): Promise<Set<string>> {
  const none = new Set<string>();
  if (!def.nodes.some((n) => hiddenFieldKeys(n).length > 0)) return none;
  if (row.applicant_id === viewer.id || viewer.roles.includes('admin')) return none;
  const held = await db
    .selectFrom('tasks as t')
    .select('t.node_id')
    .distinct()
    .where('t.case_id', '=', row.id)
    .where((eb) =>
      eb.or([
        eb('t.assignee_id', '=', viewer.id),
        eb.exists(
          eb
            .selectFrom('task_candidates as tc')
            .select('tc.user_id')
            .whereRef('tc.task_id', '=', 't.id')
            .where('tc.user_id', '=', viewer.id),
        ),
      ]),
    )
    .execute();
  if (held.length === 0) return none;
  const sets = held.map((h) => new Set(hiddenFieldKeys(def.nodes.find((n) => n.id === h.node_id))));
  const [first, ...rest] = sets;
  return new Set([...(first ?? [])].filter((key) => rest.every((s) => s.has(key))));
}

/** A value with the given keys taken out at any depth (case data, a timeline event's before → after). */
export function withoutKeys<T>(value: T, keys: Set<string>): T {
  if (keys.size === 0) return value;
  if (Array.isArray(value)) return value.map((v) => withoutKeys(v, keys)) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !keys.has(k))
        .map(([k, v]) => [k, withoutKeys(v, keys)]),
    ) as T;
  return value;
}
