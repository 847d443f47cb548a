import { SERVICE_ACTIONS, type ServiceActionName } from '@unionflow/domain';
import type { ProcessDefinition } from '@unionflow/process-model';
import type { ResultFieldSpec, ResultSchema } from '@unionflow/process-model/display';

/** A data key a service step fills: labelled by the step, read through its action's result schema. */
export interface ResultDataField {
  key: string;
  label: ProcessDefinition['name'];
  type: 'result';
  action: string;
  result: ResultSchema | null;
}

/** The display schema of a service action, or null for a name the manifest does not know. */
export function resultSchemaOf(action: string): ResultSchema | null {
  return Object.hasOwn(SERVICE_ACTIONS, action) ? SERVICE_ACTIONS[action as ServiceActionName].result : null;
}

/** Two schemas written to one key (steps of different actions sharing it): every field of both. */
function merged(a: ResultSchema | null, b: ResultSchema | null): ResultSchema | null {
  if (!a || !b) return a ?? b;
  const bands = [
    ...(a.bands ?? []),
    ...(b.bands ?? []).filter((x) => !a.bands?.some((y) => y.min === x.min)),
  ];
  return { fields: { ...b.fields, ...a.fields }, ...(bands.length ? { bands } : {}) };
}

/**
 * The data key of every service step that stores its result, with the schema it reads by; when steps
 * of different actions share a key, the first step labels it and the schemas merge.
 */
export function resultFieldsOf(def: Pick<ProcessDefinition, 'nodes'>): ResultDataField[] {
  const byKey = new Map<string, ResultDataField>();
  for (const node of def.nodes) {
    if (node.kind !== 'service' || !node.resultKey) continue;
    const result = resultSchemaOf(node.action);
    const seen = byKey.get(node.resultKey);
    if (seen) seen.result = merged(seen.result, result);
    else
      byKey.set(node.resultKey, {
        key: node.resultKey,
        label: node.name,
        type: 'result',
        action: node.action,
        result,
      });
  }
  return [...byKey.values()];
}

function withoutHidden(fields: Record<string, ResultFieldSpec>, value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !fields[k]?.hidden)
      .map(([k, v]) => {
        const spec = fields[k];
        if (spec?.type !== 'list' || spec.of.type !== 'record' || !Array.isArray(v)) return [k, v];
        const of = spec.of;
        return [k, v.map((item) => withoutHidden(of.fields, item))];
      }),
  );
}

/**
 * The case data without the internal keys of service results (payment, user and case ids): the
 * schema hides them from people, so they do not leave the server for the case page either.
 */
export function withoutHiddenResultKeys<T extends Record<string, unknown>>(
  data: T,
  fields: ResultDataField[],
): T {
  const out: Record<string, unknown> = { ...data };
  for (const field of fields) {
    if (field.result && field.key in out) out[field.key] = withoutHidden(field.result.fields, out[field.key]);
  }
  return out as T;
}
