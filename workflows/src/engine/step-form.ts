import {
  editsOtherFields,
  type FormField,
  formWithPermissions,
  type ProcessNode,
} from '@unionflow/process-model/runtime';
import type { Effects } from './effects';
import type { EngineContext } from './runtime';

/** The patch marking cases whose steps may let their people change fields beyond their own form (ADR 032). */
export const FIELD_PERMISSIONS_PATCH = 'field-permissions';

/**
 * The form a human step's task carries: its own fields, plus the fields its permissions (字段权限) let
 * its people change. The patch is asked only by a step that lets them change something, which no case
 * recorded before it has; without it the step collects its own form, as before.
 */
export function stepForm(ctx: EngineContext, fx: Effects, node: ProcessNode): FormField[] {
  const own = 'form' in node ? (node.form ?? []) : [];
  if (!editsOtherFields(node) || !(fx.patched?.(FIELD_PERMISSIONS_PATCH) ?? true)) return own;
  return formWithPermissions(ctx.state.definition, node);
}

/** A field's label wherever the definition collects it (start form first), for messages. */
export function fieldLabel(ctx: EngineContext, key: string): { zh: string; en: string } {
  const def = ctx.state.definition;
  const forms = [def.form, ...def.nodes.map((n) => ('form' in n ? (n.form ?? []) : []))];
  for (const form of forms) {
    const field = form.find((f) => f.key === key);
    if (field) return { zh: field.label.zh, en: field.label.en ?? field.label.zh };
  }
  return { zh: key, en: key };
}

/**
 * What a decision changes beyond the step's own form: each field that held a different value before,
 * as before → after (null where it was empty). Recorded on the timeline so the change is visible.
 */
export function editsOf(
  ctx: EngineContext,
  node: ProcessNode,
  values: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } | null {
  const own = new Set(('form' in node ? (node.form ?? []) : []).map((f) => f.key));
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (own.has(key) || value === undefined) continue;
    const old = ctx.state.data[key];
    if (JSON.stringify(old ?? null) === JSON.stringify(value)) continue;
    before[key] = old ?? null;
    after[key] = value;
  }
  return Object.keys(after).length > 0 ? { before, after } : null;
}
