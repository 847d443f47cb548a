import type {
  ApprovalFormDto,
  BoxPageDto,
  CaseDetailDto,
  CaseListDto,
  CcReadResultDto,
  ChainPreviewDto,
  ChangePasswordBody,
  DecisionBody,
  InboxPageDto,
  LoginRequestBody,
  MeDto,
  ProcessSummaryDto,
  RevealResultDto,
  StartCaseBody,
} from '@unionflow/contracts';
import { apiBaseUrl, apiRequest, setCsrfToken } from './client';

/** A federated app the gateway serves: its name and manifest URL; `roles` may narrow who sees it. */
export interface RemoteEntry {
  name: string;
  entry: string;
  roles?: string[];
}

/** Which cases a list shows. */
export type CaseScope = 'mine' | 'department';

/** Filters every inbox box takes: process, Beijing days (`YYYY-MM-DD`, both ends kept), words, overdue. */
export interface BoxFilters {
  process?: string;
  from?: string;
  to?: string;
  q?: string;
  overdue?: boolean;
}

/** Inbox filters (`GET /api/inbox`, the to-do box). */
export interface InboxFilters extends BoxFilters {
  department?: string;
  due?: 'overdue' | 'soon';
  claimed?: 'me';
  delegated?: boolean;
}

/** What the applicant (or, for `object`, anyone who sees the case) can do to a running case. */
export type ApplicantAction = 'withdraw' | 'urge' | 'supplement' | 'object';

/** One notification of the signed-in user. */
export interface NotificationDto {
  id: string;
  caseId: string | null;
  type: string;
  message: { zh: string; en?: string };
  createdAt: string;
  readAt: string | null;
}

/** A page of notifications, newest first, with the unread count. */
export interface NotificationPageDto {
  items: NotificationDto[];
  nextCursor: string | null;
  unread: number;
}

/** A start form saved before submitting (随时提报: capture now, finish later). */
export interface CaseDraftDto {
  id: string;
  processKey: string;
  processName: { zh: string; en?: string };
  data: Record<string, unknown>;
  /** Required fields still empty. */
  missing: string[];
  createdAt: string;
  updatedAt: string;
}

/** One approved result in the shared library (借鉴共享). */
export interface LibraryEntryDto {
  caseId: string;
  caseNumber: string;
  processKey: string;
  title: string;
  kind: string | null;
  tier: string | null;
  /** The tier's name in both languages; null for a code the vocabulary does not know. */
  tierName: { zh: string; en: string } | null;
  summary: string;
  author: { id: string; username: string; displayName: string };
  orgName: string;
  awardFen: number | null;
  publishedAt: string;
  /** Members who recorded that their team reused it. */
  reuses: number;
  reusedByMe: boolean;
}

/** A standing delegation: while active, new tasks of `from` go to `to`. */
export interface DelegationDto {
  id: string;
  from: { id: string; username: string; displayName: string };
  to: { id: string; username: string; displayName: string };
  startsAt: string;
  endsAt: string | null;
  reason: string;
  createdAt: string;
  active: boolean;
}

/** A person found by the user search, for pickers. */
export interface UserMatchDto {
  id: string;
  username: string;
  displayName: string;
  orgName: string;
}

/** Cursor paging shared by every list. */
export interface PageParams {
  cursor?: string | null;
  limit?: number;
}

/** Typed calls for every endpoint the apps use. */
export const api = {
  async me(): Promise<MeDto> {
    const me = await apiRequest<MeDto>('/api/me');
    setCsrfToken(me.csrfToken);
    return me;
  },
  async login(body: LoginRequestBody): Promise<MeDto> {
    const me = await apiRequest<MeDto>('/api/auth/login', { method: 'POST', body });
    setCsrfToken(me.csrfToken);
    return me;
  },
  /** Replaces my password; other sessions are signed out, this one stays. */
  changePassword: (body: ChangePasswordBody) =>
    apiRequest<MeDto>('/api/auth/password', { method: 'POST', body }),
  async logout(): Promise<void> {
    try {
      await apiRequest<void>('/api/auth/logout', { method: 'POST', body: {} });
    } finally {
      setCsrfToken(null);
    }
  },
  remotes: () => apiRequest<RemoteEntry[]>('/api/federation/remotes'),
  /**
   * People for a picker: the caller's org subtree; with `caseId`, the case's org line too (transfer,
   * add signer); for a delegation, the caller's own org line (a superior at the federation).
   */
  findUsers: (q: string, limit = 10, caseId?: string, purpose?: 'delegation') =>
    apiRequest<UserMatchDto[]>('/api/users', { query: { q, limit, caseId, purpose } }),
  processes: () => apiRequest<ProcessSummaryDto[]>('/api/processes'),
  /** The approval chain a new case would take for me and the data typed so far (审批流程预览). */
  previewChain: (key: string, data: Record<string, unknown>, signal?: AbortSignal) =>
    apiRequest<ChainPreviewDto>(`/api/processes/${encodeURIComponent(key)}/preview`, {
      method: 'POST',
      body: { data },
      ...(signal ? { signal } : {}),
    }),
  startCase: (body: StartCaseBody, idempotencyKey: string) =>
    apiRequest<CaseDetailDto>('/api/cases', { method: 'POST', body, idempotencyKey }),
  cases: (scope: CaseScope, page: PageParams = {}) =>
    apiRequest<CaseListDto>('/api/cases', { query: { scope, cursor: page.cursor, limit: page.limit } }),
  case: (id: string) => apiRequest<CaseDetailDto>(`/api/cases/${encodeURIComponent(id)}`),
  inbox: (page: PageParams = {}, filters: InboxFilters = {}) =>
    apiRequest<InboxPageDto>('/api/inbox', {
      query: { cursor: page.cursor, limit: page.limit, ...filters },
    }),
  /** The done (已处理), started (我发起的) or cc (抄送我的) box. */
  inboxBox: (box: BoxPageDto['box'], page: PageParams = {}, filters: BoxFilters = {}) =>
    apiRequest<BoxPageDto>('/api/inbox', {
      query: { box, cursor: page.cursor, limit: page.limit, ...filters },
    }),
  markCopiesRead: (caseIds: string[], idempotencyKey: string) =>
    apiRequest<CcReadResultDto>('/api/inbox/cc/read', { method: 'POST', body: { caseIds }, idempotencyKey }),
  claim: (taskId: string, idempotencyKey: string) =>
    apiRequest<CaseDetailDto>(`/api/tasks/${encodeURIComponent(taskId)}/claim`, {
      method: 'POST',
      body: {},
      idempotencyKey,
    }),
  release: (taskId: string, idempotencyKey: string) =>
    apiRequest<CaseDetailDto>(`/api/tasks/${encodeURIComponent(taskId)}/release`, {
      method: 'POST',
      body: {},
      idempotencyKey,
    }),
  applicantAction: (
    caseId: string,
    action: ApplicantAction,
    body: { comment?: string; data?: Record<string, unknown> },
    idempotencyKey: string,
  ) =>
    apiRequest<CaseDetailDto>(`/api/cases/${encodeURIComponent(caseId)}/${action}`, {
      method: 'POST',
      body,
      idempotencyKey,
    }),
  drafts: () => apiRequest<{ items: CaseDraftDto[] }>('/api/drafts'),
  draft: (id: string) => apiRequest<CaseDraftDto>(`/api/drafts/${encodeURIComponent(id)}`),
  createDraft: (body: { processKey: string; data: Record<string, unknown> }, idempotencyKey: string) =>
    apiRequest<CaseDraftDto>('/api/drafts', { method: 'POST', body, idempotencyKey }),
  saveDraft: (id: string, data: Record<string, unknown>) =>
    apiRequest<CaseDraftDto>(`/api/drafts/${encodeURIComponent(id)}`, { method: 'PUT', body: { data } }),
  deleteDraft: (id: string) =>
    apiRequest<void>(`/api/drafts/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  submitDraft: (id: string, idempotencyKey: string) =>
    apiRequest<CaseDetailDto>(`/api/drafts/${encodeURIComponent(id)}/submit`, {
      method: 'POST',
      body: {},
      idempotencyKey,
    }),
  library: (
    query: { q?: string; tier?: string; kind?: string; cursor?: string | null; limit?: number } = {},
  ) => apiRequest<{ items: LibraryEntryDto[]; nextCursor: string | null }>('/api/library', { query }),
  /** 借鉴共享: records that my team put a published result to use (once per member and result). */
  recordReuse: (caseId: string, body: { note?: string }, idempotencyKey: string) =>
    apiRequest<LibraryEntryDto>(`/api/library/${encodeURIComponent(caseId)}/reuses`, {
      method: 'POST',
      body,
      idempotencyKey,
    }),
  delegations: () => apiRequest<{ given: DelegationDto[]; received: DelegationDto[] }>('/api/me/delegations'),
  createDelegation: (
    body: { to: string; reason: string; startsAt?: string; endsAt?: string | null },
    idempotencyKey: string,
  ) => apiRequest<DelegationDto>('/api/me/delegations', { method: 'POST', body, idempotencyKey }),
  endDelegation: (id: string) =>
    apiRequest<void>(`/api/me/delegations/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  handOver: (username: string, body: { to: string; reason: string }, idempotencyKey: string) =>
    apiRequest<{
      delegation: DelegationDto;
      moved: number;
      failed: number;
      tasks: { taskId: string; caseId: string; ok: boolean; detail?: string }[];
    }>(`/api/admin/users/${encodeURIComponent(username)}/hand-over`, {
      method: 'POST',
      body,
      idempotencyKey,
    }),
  notifications: (page: PageParams = {}) =>
    apiRequest<NotificationPageDto>('/api/notifications', {
      query: { cursor: page.cursor, limit: page.limit },
    }),
  markNotificationsRead: (body: { ids: string[] } | { all: true }, idempotencyKey: string) =>
    apiRequest<{ updated: number; unread: number }>('/api/notifications/read', {
      method: 'POST',
      body,
      idempotencyKey,
    }),
  /** The printable approval form (审批单) of a case, written in `lang`, masked as the caller sees the case. */
  approvalForm: (caseId: string, lang: 'zh' | 'en') =>
    apiRequest<ApprovalFormDto>(`/api/cases/${encodeURIComponent(caseId)}/approval-form`, {
      query: { lang },
    }),
  /** The gateway's PDF of the same approval form. */
  approvalFormPdfUrl: (caseId: string, lang: 'zh' | 'en') =>
    `${apiBaseUrl()}/api/cases/${encodeURIComponent(caseId)}/approval-form.pdf?lang=${lang}`,
  /** The whole value of a reveal-only field (an ID number); the gateway records the reveal. */
  revealField: (caseId: string, field: string) =>
    apiRequest<RevealResultDto>(`/api/cases/${encodeURIComponent(caseId)}/reveal`, {
      method: 'POST',
      body: { field },
    }),
  decide: (taskId: string, body: DecisionBody, idempotencyKey: string) =>
    apiRequest<CaseDetailDto>(`/api/tasks/${encodeURIComponent(taskId)}/decisions`, {
      method: 'POST',
      body,
      idempotencyKey,
    }),
};
