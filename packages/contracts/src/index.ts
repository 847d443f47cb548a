import type { Static } from 'typebox';
import type { ApprovalForm, ApprovalFormQuery } from './approval-form';
import type { ChangePasswordRequest, LoginRequest, Me } from './auth';
import type {
  BoxEntry,
  BoxPage,
  CaseDetail,
  CaseEstimate,
  CaseList,
  CaseStatus,
  CaseSummary,
  CcReadRequest,
  CcReadResult,
  DecisionAction,
  DecisionRequest,
  InboxBox,
  InboxBoxCounts,
  InboxPage,
  PredictedStep,
  ProcessSummary,
  RevealRequest,
  RevealResult,
  StartCaseRequest,
  Task,
  TimelineEvent,
} from './cases';
import type { Problem, UserRef } from './common';

export type {
  DefinitionDocumentDto,
  DefinitionOverviewDto,
  DraftViewDto,
  ImpactedCaseDto,
  ImpactReportDto,
  MigrateBody,
  MigrateResultDto,
  PublishResultDto,
  RestoreBody,
  RetireBody,
  RetireResultDto,
  SaveDraftBody,
  SaveDraftResultDto,
  SimulateBody,
  SimulateResultDto,
  ValidationIssueDto,
  ValidationReportDto,
  VersionDocumentDto,
  VersionSummaryDto,
} from './admin';
export {
  DefinitionDocument,
  DefinitionOverview,
  DraftView,
  ImpactedCase,
  ImpactQuery,
  ImpactReport,
  ImpactStep,
  MigrateRequest,
  MigrateResult,
  ProcessKeyParam,
  PublishResult,
  RestoreRequest,
  RetireRequest,
  RetireResult,
  RunningCount,
  SaveDraftRequest,
  SaveDraftResult,
  SimulatedStep,
  SimulateRequest,
  SimulateResult,
  ValidateRequest,
  ValidationIssue,
  ValidationReport,
  VersionDocument,
  VersionSummary,
} from './admin';
export {
  ApprovalForm,
  ApprovalFormField,
  ApprovalFormLanguage,
  ApprovalFormQuery,
  ApprovalFormStep,
} from './approval-form';
export type { AuditEntryDto, AuditPageDto, AuditQueryParams } from './audit-log';
export { AuditEntry, AuditPage, AuditQuery } from './audit-log';
export { ChangePasswordRequest, LoginRequest, Me } from './auth';
export {
  BoxEntry,
  BoxPage,
  CaseDetail,
  CaseEstimate,
  CaseList,
  CaseStatus,
  CaseSummary,
  CcReadRequest,
  CcReadResult,
  DecisionAction,
  DecisionRequest,
  InboxBox,
  InboxBoxCounts,
  InboxPage,
  MyDecision,
  PredictedStep,
  ProcessSummary,
  RevealRequest,
  RevealResult,
  StartCaseRequest,
  Task,
  TaskStatus,
  TimelineEvent,
} from './cases';
export type { ChainPreviewBody, ChainPreviewDto, ChainStepDto } from './chain-preview';
export { ChainPreview, ChainPreviewRequest, ChainStep } from './chain-preview';
export { LocalText, oneOf, PageQuery, Problem, Timestamp, UserRef } from './common';
export { INBOX_BOX_NAMES, type InboxBoxName } from './inbox-boxes';
export type { NoticeItemDto, NoticeListDto, ObjectionBody, ObjectionReceiptDto } from './notices';
export { NoticeField, NoticeItem, NoticeList, ObjectionReceipt, ObjectionRequest } from './notices';
export type {
  AdminUserDto,
  CreateOrgUnitBody,
  CreateUserBody,
  OrgLevelValue,
  OrgTreeDto,
  OrgUnitDto,
  RoleInfoDto,
  UpdateOrgUnitBody,
  UpdateUserBody,
  UserListParams,
  UserPageDto,
  UserStatusResultDto,
} from './org-admin';
export {
  AdminUser,
  CreateOrgUnitRequest,
  CreateUserRequest,
  NewUsername,
  OrgLevel,
  OrgTree,
  OrgUnit,
  OrgUnitId,
  RoleInfo,
  RoleKey,
  UpdateOrgUnitRequest,
  UpdateUserRequest,
  UserListQuery,
  UserPage,
  UserStatusRequest,
  UserStatusResult,
} from './org-admin';
export type {
  RecheckCampaignDto,
  RecheckCampaignListDto,
  RecheckCampaignSummaryDto,
  RecheckHouseholdDto,
  RecheckHouseholdStateName,
  RecheckOutcomesDto,
  RecheckUnitProgressDto,
  StartRecheckCampaignBody,
} from './recheck-campaigns';
export {
  RecheckCampaign,
  RecheckCampaignList,
  RecheckCampaignSummary,
  RecheckHousehold,
  RecheckHouseholdState,
  RecheckOutcomes,
  RecheckUnitProgress,
  StartRecheckCampaignRequest,
} from './recheck-campaigns';

export type LoginRequestBody = Static<typeof LoginRequest>;
export type MeDto = Static<typeof Me>;
export type ChangePasswordBody = Static<typeof ChangePasswordRequest>;
export type ProblemDto = Static<typeof Problem>;
export type UserRefDto = Static<typeof UserRef>;
export type ProcessSummaryDto = Static<typeof ProcessSummary>;
export type CaseStatusValue = Static<typeof CaseStatus>;
export type TaskDto = Static<typeof Task>;
export type TimelineEventDto = Static<typeof TimelineEvent>;
export type CaseSummaryDto = Static<typeof CaseSummary>;
export type CaseDetailDto = Static<typeof CaseDetail>;
export type RevealRequestDto = Static<typeof RevealRequest>;
export type RevealResultDto = Static<typeof RevealResult>;
export type PredictedStepDto = Static<typeof PredictedStep>;
export type CaseEstimateDto = Static<typeof CaseEstimate>;
export type StartCaseBody = Static<typeof StartCaseRequest>;
export type DecisionActionValue = Static<typeof DecisionAction>;
export type DecisionBody = Static<typeof DecisionRequest>;
export type CaseListDto = Static<typeof CaseList>;
export type InboxPageDto = Static<typeof InboxPage>;
export type InboxBoxValue = Static<typeof InboxBox>;
export type InboxBoxCountsDto = Static<typeof InboxBoxCounts>;
export type BoxEntryDto = Static<typeof BoxEntry>;
export type BoxPageDto = Static<typeof BoxPage>;
export type CcReadBody = Static<typeof CcReadRequest>;
export type CcReadResultDto = Static<typeof CcReadResult>;
export type ApprovalFormDto = Static<typeof ApprovalForm>;
export type ApprovalFormQueryParams = Static<typeof ApprovalFormQuery>;
export type {
  AnalyticsOverviewDto,
  AnalyticsQueryDto,
  DisputeAnalyticsDto,
  HardshipAnalyticsDto,
  InnovationAnalyticsDto,
  ProcessAnalyticsDto,
} from './analytics';
export {
  AnalyticsOverview,
  AnalyticsQuery,
  DisputeAnalytics,
  HardshipAnalytics,
  InnovationAnalytics,
  ProcessAnalytics,
} from './analytics';
export { ADMIN_AUDIT_EVENTS, AUDIT_FIELD_KINDS, AUDIT_FIELDS, AUDIT_VALUES } from './audit-vocabulary';
export {
  DEPARTMENT_STAFF_ROLES,
  HARDSHIP_ANALYTICS_ROLES,
  mayAnalyse,
  mayAnalyseAny,
  staffDepartments,
} from './department-access';
