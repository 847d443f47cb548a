export {
  type AssignmentContext,
  ancestry,
  DEFAULT_EMPTY_ASSIGNEE_POLICY,
  resolveAssignees,
  resolveAssigneeUsers,
} from './assignment';
export {
  type ActionSpec,
  type ActionTarget,
  APPLICANT_ACTION_NAMES,
  APPLICANT_ACTIONS,
  APPROVAL_MODE_NAMES,
  APPROVAL_MODES,
  type ApplicantAction,
  CASE_STATUS_NAMES,
  CASE_STATUSES,
  type CaseStatus,
  EMPTY_ASSIGNEE_POLICIES,
  EMPTY_ASSIGNEE_POLICY_NAMES,
  FIELD_PERMISSION_NAMES,
  FIELD_PERMISSIONS,
  FIELD_TYPE_NAMES,
  FIELD_TYPES,
  type FieldTypeSpec,
  isCalendarDate,
  type Label,
  labelsIn,
  NODE_KIND_NAMES,
  NODE_KINDS,
  REVIEWER_ACTION_NAMES,
  REVIEWER_ACTIONS,
  type ReviewerAction,
  TASK_KIND_NAMES,
  TASK_KINDS,
  TASK_STATUS_NAMES,
  TASK_STATUSES,
  type TaskKind,
  type TaskStatus,
  targetsUser,
} from './catalog';
export { allCollectableFields, collectedFieldsBefore, producedFields } from './collected-fields';
export {
  DURATION_UNITS,
  DurationError,
  type DurationUnit,
  describeDuration,
  formatDuration,
  isDuration,
  parseDuration,
  tryParseDuration,
} from './duration';
export { exampleApplicant, exampleOrg } from './example-org';
export {
  exampleProcessKeys,
  exampleServiceActions,
  richExampleDefinition,
  walkingSkeletonDefinition,
} from './examples';
export {
  type ConditionContext,
  ConditionError,
  checkCondition,
  evaluateCondition,
  knownOperators,
  variablesOf,
} from './expressions';
export {
  editsOtherFields,
  fieldPermission,
  formWithPermissions,
  hiddenFieldKeys,
  permissionFields,
} from './field-permissions';
export { chooseBranch, earlierHumanSteps, firstHumanStepAfter, humanSteps, reachableFrom } from './graph';
export {
  namedUsernames,
  numberedStepLabel,
  readableIssues,
  stepNumbers,
  unknownPeopleIssues,
} from './issue-text';
export { type IssueCode, stepLabel, type ValidationIssue, type ValidationResult } from './issues';
export { CONDITION_LIMITS, DEFINITION_LIMITS } from './limits';
export {
  type DefinitionGraph,
  forwardSuccessors,
  type HumanNode,
  isHumanNode,
  nodeById,
  successors,
} from './nodes';
export {
  analyzeParallelScopes,
  parallelScopes,
  parseScopeId,
  type ScopeAnalysis,
  type ScopeConflict,
  scopeId,
} from './parallel-scopes';
export {
  AssigneeRuleSchema,
  ConditionSchema,
  DefinitionShellSchema,
  FormFieldSchema,
  NodeSchemas,
  OrgScopeSchema,
  ProcessDefinitionSchema,
  ProcessNodeSchema,
  type SchemaMatchesTypes,
  TextSchema,
} from './schema';
export {
  type Separation,
  type SeparationOutcome,
  type SeparationStep,
  separateApplicant,
} from './segregation';
export {
  type SimulatedAssignee,
  type SimulatedStep,
  type SimulateOptions,
  simulate,
  simulatedOutcome,
} from './simulate';
export { renderCaseTitle, titleMayShow, titlePlaceholders, titleTemplateIssues } from './title-template';
export type {
  Applicant,
  ApplicantIsApproverPolicy,
  ApplicantTaskNode,
  ApprovalMode,
  ApprovalNode,
  AssigneeRule,
  CcNode,
  Condition,
  Deadline,
  DurationText,
  EmptyAssigneePolicy,
  EndNode,
  ExclusiveGatewayNode,
  FieldPermission,
  FieldType,
  FormField,
  JoinNode,
  NodeKind,
  NoticeNode,
  OrgDirectory,
  OrgScope,
  ParallelSplitNode,
  ProcessDefinition,
  ProcessNode,
  ServiceNode,
  SubProcessNode,
  Text,
  TimerNode,
} from './types';
export { validateDefinition } from './validate';
export type { ValidateOptions } from './validate-nodes';
