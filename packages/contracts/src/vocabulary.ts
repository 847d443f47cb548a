/**
 * The catalog's vocabularies, for the apps: which reviewer actions exist, what each is aimed at, and
 * the zh/en labels of actions, statuses and field types. Declared once in
 * `@unionflow/process-model/catalog`; re-exported here so apps depend only on the contracts.
 */
export {
  type ActionSpec,
  type ActionTarget,
  APPLICANT_ACTION_NAMES,
  APPLICANT_ACTIONS,
  type ApplicantAction,
  CASE_STATUSES,
  FIELD_TYPE_NAMES,
  FIELD_TYPES,
  type Label,
  labelsIn,
  NODE_KINDS,
  REVIEWER_ACTION_NAMES,
  REVIEWER_ACTIONS,
  type ReviewerAction,
  TASK_STATUSES,
} from '@unionflow/process-model/catalog';
export type { FieldType } from '@unionflow/process-model/runtime';
