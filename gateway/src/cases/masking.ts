import type { ProcessDefinition } from '@unionflow/process-model';
import { MASKED_VALUE } from '@unionflow/process-model/display';
import { revealOnlyKeys, sensitiveKeys } from './sensitive-fields';

/**
 * What one reader may not see of a case: in its data, its timeline and its audit payloads. The case
 * page and the audit log build it the same way and apply it with the same function, so a value hidden
 * in one is never readable in the other.
 */
export interface DataMask {
  /** Keys whose values become `***` at any depth. */
  keys: Set<string>;
  /** Keys shown with only their first and last characters (an ID number) until revealed. */
  partial?: Set<string>;
  /** Comments too: free text on a household case describes the household. */
  comments: boolean;
}

type MaskedDefinition = Pick<
  ProcessDefinition,
  'form' | 'nodes' | 'sensitiveDataKeys' | 'sensitiveViewerRoles'
>;

/** The one marker of a masked value, which the pages also read (`formatResult`). */
export const MASK = MASKED_VALUE;
/** Characters kept at each end of a partly masked value: enough to tell two ID numbers apart. */
const KEPT = 4;

/** For readers cleared for household data: only reveal-only fields are hidden, and only partly. */
export function fullViewMask(def: MaskedDefinition): DataMask | null {
  const partial = revealOnlyKeys(def);
  return partial.size === 0 ? null : { keys: new Set(), partial, comments: false };
}

/**
 * For everyone else: sensitive fields masked, and on a household process (one naming sensitive
 * viewers), where any comment may describe the household, comments masked too.
 */
export function householdMask(def: MaskedDefinition): DataMask | null {
  const keys = sensitiveKeys(def);
  const comments = (def.sensitiveViewerRoles ?? []).length > 0;
  return keys.size === 0 && !comments ? null : { keys, comments };
}

/** `3201**********1234`: first and last characters kept; short or non-text values fully masked. */
export function partlyMasked(value: unknown): unknown {
  if (value === null || value === undefined || value === '') return value;
  const text = typeof value === 'string' ? value : null;
  if (!text || text.length < KEPT * 2 + 2) return MASK;
  return `${text.slice(0, KEPT)}${'*'.repeat(text.length - KEPT * 2)}${text.slice(-KEPT)}`;
}

function maskValue(value: unknown, mask: DataMask): unknown {
  if (Array.isArray(value)) return value.map((v) => maskValue(v, mask));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        mask.keys.has(k) ? MASK : mask.partial?.has(k) ? partlyMasked(v) : maskValue(v, mask),
      ]),
    );
  }
  return value;
}

/** A comment as the reader may see it. */
export function maskComment(comment: string | null, mask: DataMask | null): string | null {
  return mask?.comments && comment ? MASK : comment;
}

/** The data or payload with masked keys (at any depth) and, where asked, its `comment` replaced. */
export function maskPayload<T extends Record<string, unknown>>(payload: T, mask: DataMask | null): T {
  if (!mask) return payload;
  const masked = maskValue(payload, mask) as Record<string, unknown>;
  if (typeof masked.comment === 'string') masked.comment = maskComment(masked.comment, mask);
  return masked as T;
}
