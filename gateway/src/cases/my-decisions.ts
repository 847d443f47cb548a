import { REVIEWER_ACTIONS, type ReviewerAction } from '@unionflow/process-model/catalog';

/**
 * The timeline event each reviewer decision leaves, read back as the catalog's action so that 已处理
 * shows the decision under the one label the action menu used. A comment is not a decision: the task
 * still waits, so it does not put a case into the done box. The migration's partial index
 * `timeline_events_decider_idx` lists the same event types.
 */
export const DECISION_EVENTS = {
  approved: 'approve',
  rejected: 'reject',
  returned: 'return',
  transferred: 'transfer',
  delegated: 'delegate',
  'signer-added': 'add-signer',
  'signer-removed': 'remove-signer',
} as const satisfies Record<string, ReviewerAction>;

export const DECISION_EVENT_TYPES = Object.keys(DECISION_EVENTS) as (keyof typeof DECISION_EVENTS)[];

/** The catalog's action and label for a decision event. */
export function decisionOf(eventType: string): { action: ReviewerAction; label: { zh: string; en: string } } {
  const action = DECISION_EVENTS[eventType as keyof typeof DECISION_EVENTS];
  if (!action) throw new Error(`"${eventType}" is not a decision event`);
  return { action, label: REVIEWER_ACTIONS[action].label };
}
