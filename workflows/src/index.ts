export type { CaseActivities, ServiceCall } from './activities';
export {
  CASE_TASK_QUEUE,
  caseWorkflowId,
  ENGINE_ERRORS,
  ENGINE_REVISION,
  SEARCH_ATTRIBUTES,
} from './constants';
export {
  type AssignAndProjectInput,
  type AssignAndProjectResult,
  fillAssignment,
  type PendingStep,
} from './engine/fold';
export { checkFormData } from './engine/form-data';
export type {
  CaseRegistration,
  NotificationRecord,
  Projection,
  TaskRecord,
  TimelineRecord,
} from './engine/records';
export { APPLICANT_STEP } from './engine/runtime';
export {
  type ApplicantActionInput,
  type AttentionInput,
  type AttentionView,
  applicantActionUpdate,
  attentionUpdate,
  type CaseInput,
  type CaseView,
  type ClaimInput,
  claimUpdate,
  type DecisionInput,
  decideUpdate,
  type EndWaitInput,
  endWaitUpdate,
  type MigrationInput,
  migrateUpdate,
  type ReassignInput,
  type RetryServiceInput,
  readyUpdate,
  reassignUpdate,
  retryServiceUpdate,
  viewQuery,
} from './messages';
