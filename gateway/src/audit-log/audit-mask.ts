import type { ProcessDefinition } from '@unionflow/process-model';
import type { AuthUser } from '../auth';
import { sensitiveKeys } from '../cases/case-access';

/** What hides household data in one case's audit payloads. */
export interface AuditMask {
  keys: Set<string>;
  /** Comments too: free text on a household case describes the household. */
  comments: boolean;
}

const MASK = '***';

/**
 * The mask for a case's events, read by the caller. Only the roles the definition names as sensitive
 * viewers see household data, as on the case page; everyone else (admins and auditors included) sees
 * sensitive fields masked, and on a household process, where any comment may describe the household,
 * comments masked too.
 */
export function maskFor(
  def: Pick<ProcessDefinition, 'form' | 'nodes' | 'sensitiveDataKeys' | 'sensitiveViewerRoles'>,
  user: Pick<AuthUser, 'roles'>,
): AuditMask | null {
  const viewers = def.sensitiveViewerRoles ?? [];
  if (viewers.some((r) => user.roles.includes(r))) return null;
  const keys = sensitiveKeys(def);
  const comments = viewers.length > 0;
  return keys.size === 0 && !comments ? null : { keys, comments };
}

function maskValue(value: unknown, keys: Set<string>): unknown {
  if (Array.isArray(value)) return value.map((v) => maskValue(v, keys));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [
        k,
        keys.has(k) ? MASK : maskValue(v, keys),
      ]),
    );
  }
  return value;
}

/** The payload with sensitive keys (at any depth) and, where asked, the comment replaced by a mask. */
export function maskPayload(
  payload: Record<string, unknown>,
  mask: AuditMask | null,
): Record<string, unknown> {
  if (!mask) return payload;
  const masked = maskValue(payload, mask.keys) as Record<string, unknown>;
  if (mask.comments && typeof masked.comment === 'string' && masked.comment.length > 0) masked.comment = MASK;
  return masked;
}
