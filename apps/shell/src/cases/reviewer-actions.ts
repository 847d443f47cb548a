import { REVIEWER_ACTION_NAMES, type ReviewerAction } from '@unionflow/contracts/vocabulary';

/** The two decisions with buttons of their own on every approval task. */
export const DECISION_BUTTONS = ['approve', 'reject'] as const;

/** Every other reviewer action in the catalog, asked for in the decision dialog (in the catalog's order). */
export type TargetedAction = Exclude<ReviewerAction, (typeof DECISION_BUTTONS)[number]>;
export const DIALOG_ACTIONS = REVIEWER_ACTION_NAMES.filter(
  (a): a is TargetedAction => !(DECISION_BUTTONS as readonly string[]).includes(a),
);
