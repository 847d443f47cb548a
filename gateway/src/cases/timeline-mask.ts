import type { TimelineEventDto } from '@unionflow/contracts';
import type { ProcessDefinition } from '@unionflow/process-model';
import type { CaseVisibility } from './case-access';
import { type DataMask, fullViewMask, householdMask, maskComment, maskPayload } from './masking';

/**
 * The mask for a reader of the case page, by their visibility: full viewers see everything but the
 * reveal-only fields, masked viewers see what the audit log shows them (no household data, and no
 * comments on a household process).
 */
export function caseViewMask(
  def: Pick<ProcessDefinition, 'form' | 'nodes' | 'sensitiveDataKeys' | 'sensitiveViewerRoles'>,
  visibility: Exclude<CaseVisibility, 'none'>,
): DataMask | null {
  return visibility === 'full' ? fullViewMask(def) : householdMask(def);
}

/**
 * A timeline event with its comment and step data masked like the case data. The reader's own
 * comment stays readable to them: they wrote it, so it tells them nothing they may not know.
 */
export function maskTimelineEvent(
  event: TimelineEventDto,
  mask: DataMask | null,
  viewerId: string,
): TimelineEventDto {
  if (!mask) return event;
  return {
    ...event,
    comment: event.actor?.id === viewerId ? event.comment : maskComment(event.comment, mask),
    data: event.data && typeof event.data === 'object' ? maskPayload(event.data, mask) : event.data,
  };
}
