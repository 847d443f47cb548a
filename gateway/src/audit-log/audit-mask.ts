import type { ProcessDefinition } from '@unionflow/process-model';
import type { AuthUser } from '../auth';
import { type DataMask, fullViewMask, householdMask, maskPayload } from '../cases/masking';

/** What hides household data in one case's audit payloads (the case page's mask). */
export type AuditMask = DataMask;

export { maskPayload };

/**
 * The mask for a case's events, read by the caller. Only the roles the definition names as sensitive
 * viewers see household data, as on the case page, and even they see reveal-only fields (ID numbers)
 * partly masked; everyone else (admins and auditors included) sees sensitive fields masked, and on a
 * household process comments masked too.
 */
export function maskFor(
  def: Pick<ProcessDefinition, 'form' | 'nodes' | 'sensitiveDataKeys' | 'sensitiveViewerRoles'>,
  user: Pick<AuthUser, 'roles'>,
): AuditMask | null {
  const viewers = def.sensitiveViewerRoles ?? [];
  return viewers.some((r) => user.roles.includes(r)) ? fullViewMask(def) : householdMask(def);
}
