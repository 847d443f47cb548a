import type { CaseStatus, TaskKind, TaskStatus } from '@unionflow/process-model/catalog';
import type { ColumnType, Generated, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T extends object | null = object> = JSONColumnType<T, T, T>;

/** Org tree: federation → district → grassroots union. `path` is `/root-id/.../own-id/` for subtree queries. */
export interface OrgsTable {
  id: string;
  parent_id: string | null;
  name: string;
  level: string;
  path: string;
  /** Bumped by every admin edit; an edit based on an older version is refused. */
  version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  org_id: string;
  superior_id: string | null;
  locale: string;
  time_zone: string;
  disabled: boolean;
  /** Defaults to now() (Timestamp already lets inserts leave it out). */
  created_at: Timestamp;
  /** Bumped by every admin edit; an edit based on an older version is refused. */
  version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
  /** Set for users an admin created: every route but me/logout/change-password refuses them until changed. */
  must_change_password: ColumnType<boolean, boolean | undefined, boolean>;
  password_changed_at: Timestamp | null;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

/** One row; its version moves (by trigger) in every transaction that changes orgs, users, roles or pairings. */
export interface OrgDirectoryVersionTable {
  id: Generated<boolean>;
  /** bigint: read back as a string by pg. */
  version: ColumnType<string, number, number>;
}

/** Applicant ↔ paired cadre (解困脱困联系卡). */
export interface PairingsTable {
  applicant_id: string;
  cadre_id: string;
}

export interface SessionsTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

/** Failed sign-ins per (username, source address); `retry_at` is when that pair may try again. */
export interface LoginThrottleTable {
  username: string;
  source: string;
  failures: number;
  retry_at: Timestamp | null;
  updated_at: Timestamp;
}

export interface ProcessDraftsTable {
  key: string;
  document: Json<Record<string, unknown>>;
  updated_at: Timestamp;
  updated_by: string | null;
}

export interface ProcessVersionsTable {
  key: string;
  version: number;
  document: Json<Record<string, unknown>>;
  published_at: Timestamp;
  published_by: string | null;
}

/** Who owns a process key (edits, publishes and may start it: that org's subtree) and whether it is retired. */
export interface ProcessOwnersTable {
  key: string;
  owner_org_id: string;
  retired_at: Timestamp | null;
  retired_by: string | null;
}

export interface CasesTable {
  id: string;
  number: string;
  title: string;
  process_key: string;
  process_version: number;
  department: string;
  applicant_id: string;
  org_id: string;
  /** One of the catalog's case statuses. */
  status: CaseStatus;
  outcome: string | null;
  current_step: Json<{ zh: string; en?: string } | null>;
  data: Json<Record<string, unknown>>;
  /** Highest projection sequence applied; projections at or below it are replays and skipped. */
  last_seq: number;
  /** The case that started this one as a sub-process. */
  parent_case_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TasksTable {
  id: string;
  case_id: string;
  node_id: string;
  step_name: Json<{ zh: string; en?: string }>;
  /** Kind and status from the catalog. */
  kind: TaskKind;
  status: TaskStatus;
  assignee_id: string | null;
  form: Json<unknown[]>;
  created_at: Timestamp;
  due_at: Timestamp | null;
  completed_at: Timestamp | null;
  decision: string | null;
}

/** Who may act on a task; one row per candidate, so the inbox is one index range scan per user. */
export interface TaskCandidatesTable {
  task_id: string;
  user_id: string;
  open: boolean;
  due_at: Timestamp | null;
  created_at: Timestamp;
  /** Set when the candidate holds the task for someone else (standing delegation). */
  on_behalf_of: string | null;
}

/** Everyone who holds or held a task of a case (they keep read access after handing it on). */
export interface TaskHoldersTable {
  case_id: string;
  user_id: string;
}

export interface TimelineEventsTable {
  id: Generated<string>;
  case_id: string;
  seq: number;
  idx: number;
  at: Timestamp;
  type: string;
  actor_id: string | null;
  on_behalf_of_id: string | null;
  node_id: string | null;
  step_name: Json<{ zh: string; en?: string } | null>;
  comment: string | null;
  data: Json<Record<string, unknown>>;
}

/** Append-only, hash-chained: each row carries the SHA-256 of the previous row. */
export interface AuditEventsTable {
  id: Generated<string>;
  event_key: string;
  case_id: string | null;
  at: Timestamp;
  actor_id: string | null;
  type: string;
  payload: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  method: string;
  path: string;
  status_code: number;
  response: Json<object>;
  created_at: Timestamp;
  /** SHA-256 of the request body; null on rows stored before it was recorded. */
  request_hash: string | null;
  /** Set when the answer was a case: a replay re-reads it for the caller instead of replaying `response`. */
  case_id: string | null;
  expires_at: Timestamp;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  case_id: string | null;
  type: string;
  message: Json<{ zh: string; en?: string }>;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

export interface DelegationsTable {
  id: string;
  from_user_id: string;
  to_user_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp | null;
  reason: string;
  created_at: Timestamp;
}

/** Money moved by a case step; `id` is the step's idempotency key. Amounts in fen. */
export interface PaymentsTable {
  id: string;
  case_id: string;
  node_id: string;
  payee_id: string;
  kind: string;
  /** bigint: read back as a string by pg. */
  amount_fen: ColumnType<string, number, number>;
  status: 'paid' | 'reclaimed';
  paid_at: Timestamp;
  reclaimed_at: Timestamp | null;
}

/** 借鉴共享: published results every member can search. */
export interface LibraryEntriesTable {
  case_id: string;
  case_number: string;
  process_key: string;
  title: string;
  kind: string | null;
  tier: string | null;
  summary: string;
  author_id: string;
  org_id: string;
  award_fen: ColumnType<string | null, number | null, number | null>;
  published_at: Timestamp;
}

/** 借鉴共享: a member's record that their team put a published result to use (ADR 033). */
export interface LibraryReusesTable {
  case_id: string;
  user_id: string;
  /** The member's unit when they recorded it. */
  org_id: string;
  note: string | null;
  reused_at: Timestamp;
}

/** A start form saved half-way (随时提报). */
export interface CaseDraftsTable {
  id: string;
  user_id: string;
  process_key: string;
  data: Json<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** 导师带徒 registrations. */
export interface MentorshipsTable {
  apprentice_id: string;
  mentor_id: string;
  registered_at: Timestamp;
  ended_at: Timestamp | null;
}

/** Quarterly and yearly selections (优秀提案, 改善标兵, 名人堂). */
export interface SelectionAwardsTable {
  id: string;
  selection_case_id: string;
  period: string;
  category: 'excellent-proposal' | 'pacesetter' | 'hall-of-fame';
  user_id: string;
  source_case_id: string | null;
  amount_fen: ColumnType<string, number, number>;
  created_at: Timestamp;
}

export interface MediationSessionsTable {
  case_id: string;
  session_no: number;
  session_date: string;
  minutes: string;
  result: string;
  recorded_at: Timestamp;
}

/** Open letters queued for the chairman's reception day. */
export interface ReceptionQueueTable {
  case_id: string;
  applicant_id: string;
  reception_date: string;
  queued_at: Timestamp;
}

/** The hardship file: level, status and pairing, kept current by the case's service steps. */
export interface HardshipFilesTable {
  case_id: string;
  applicant_id: string;
  org_id: string;
  level: string;
  status: 'in-file' | 'exited';
  cadre_id: string | null;
  card_number: string | null;
  opened_at: Timestamp;
  last_verified_at: Timestamp | null;
  archived_at: Timestamp | null;
  updated_at: Timestamp;
}

/** One period a household spent in the hardship file at one level (ADR 033); open while `ended_at` is null. */
export interface HardshipFileHistoryTable {
  id: Generated<string>;
  case_id: string;
  applicant_id: string;
  org_id: string;
  level: string;
  started_at: Timestamp;
  start_reason: 'admitted' | 'readmitted' | 'level-changed';
  ended_at: Timestamp | null;
  end_reason: 'exited' | 'level-changed' | null;
}

/** Uploaded attachments. */
export interface FilesTable {
  id: string;
  owner_id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  content: Buffer;
  created_at: Timestamp;
}

/** The one Database interface every query goes through. */
/** A case whose projection PostgreSQL refused for good: parked until an admin retries or terminates it. */
export interface CaseAttentionTable {
  case_id: string;
  /** Why the projection failed (the database's message, control characters removed). */
  message: string;
  since: Timestamp;
  updated_at: Timestamp;
}

/** A yearly re-check campaign (年度清理复核) of one org scope's hardship files (ADR 024). */
export interface RecheckCampaignsTable {
  id: string;
  /** The scope: the starter's org; the campaign covers files in its subtree. */
  org_id: string;
  year: number;
  /** Recorded on each case's timeline, e.g. "2026 年度清理复核启动". */
  reason: string;
  started_by: string;
  started_at: Timestamp;
  /** Set once every covered case has been reached (started or skipped). */
  finished_at: Timestamp | null;
}

/** What the campaign did with one household file. */
export type RecheckCaseState = 'pending' | 'started' | 'skipped' | 'failed';

export interface RecheckCampaignCasesTable {
  campaign_id: string;
  case_id: string;
  /** The household's unit (the case's org), for progress by unit. */
  org_id: string;
  state: RecheckCaseState;
  /** Why a case was skipped or failed (bilingual, from the engine's refusal). */
  detail: string | null;
  updated_at: Timestamp;
}

export interface Database {
  orgs: OrgsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  org_directory_version: OrgDirectoryVersionTable;
  pairings: PairingsTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  process_drafts: ProcessDraftsTable;
  process_versions: ProcessVersionsTable;
  process_owners: ProcessOwnersTable;
  cases: CasesTable;
  tasks: TasksTable;
  task_candidates: TaskCandidatesTable;
  task_holders: TaskHoldersTable;
  timeline_events: TimelineEventsTable;
  audit_events: AuditEventsTable;
  idempotency_keys: IdempotencyKeysTable;
  notifications: NotificationsTable;
  delegations: DelegationsTable;
  payments: PaymentsTable;
  library_entries: LibraryEntriesTable;
  library_reuses: LibraryReusesTable;
  case_drafts: CaseDraftsTable;
  mentorships: MentorshipsTable;
  selection_awards: SelectionAwardsTable;
  mediation_sessions: MediationSessionsTable;
  reception_queue: ReceptionQueueTable;
  hardship_files: HardshipFilesTable;
  hardship_file_history: HardshipFileHistoryTable;
  files: FilesTable;
  case_attention: CaseAttentionTable;
  recheck_campaigns: RecheckCampaignsTable;
  recheck_campaign_cases: RecheckCampaignCasesTable;
}
