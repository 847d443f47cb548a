import { REVIEWER_ACTION_NAMES, type ReviewerAction, type TaskKind } from '@unionflow/contracts/vocabulary';

/** The two decisions with buttons of their own on every approval task. */
export const DECISION_BUTTONS = ['approve', 'reject'] as const;

/** Every other reviewer action in the catalog, asked for in the decision dialog (in the catalog's order). */
export type TargetedAction = Exclude<ReviewerAction, (typeof DECISION_BUTTONS)[number]>;
export const DIALOG_ACTIONS = REVIEWER_ACTION_NAMES.filter(
  (a): a is TargetedAction => !(DECISION_BUTTONS as readonly string[]).includes(a),
);

/**
 * The dialog actions a task's menu offers. The engine takes reviewer actions on approval tasks only
 * (the applicant completes their own task by supplementing), so an applicant task offers none.
 */
export function menuActions(task: { kind: TaskKind }): readonly TargetedAction[] {
  return REVIEWER_ACTIONS_BY_KIND[task.kind];
}

const REVIEWER_ACTIONS_BY_KIND: Record<TaskKind, readonly TargetedAction[]> = {
  approval: DIALOG_ACTIONS,
  'applicant-task': [],
};
