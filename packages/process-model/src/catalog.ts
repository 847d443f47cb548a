/**
 * Every vocabulary the platform speaks, declared once: reviewer and applicant actions, case and task
 * statuses, form field types and node kinds, each with its zh/en label. The engine's message types,
 * the HTTP contracts, the gateway's input checks, the UI's menus and the i18n keys are derived from
 * these tables, so adding a word here is where adding it starts. Pure data, safe inside workflows.
 */
import type { ApprovalMode, EmptyAssigneePolicy, FieldPermission, FieldType, NodeKind } from './types';

/** A table's names, typed as its keys. */
const namesOf = <K extends string>(table: Record<K, unknown>) => Object.keys(table) as K[];

/** A label in both languages (both required here, unlike definition text). */
export interface Label {
  zh: string;
  en: string;
}

/** What an action is aimed at: a person, an earlier step, or nothing. */
export type ActionTarget = 'user' | 'step' | 'none';

export interface ActionSpec {
  label: Label;
  target: ActionTarget;
  /** add-signer: the new signer goes before or after the one who adds them. */
  positioned: boolean;
  /** `required`: the API refuses it without a comment; `expected`: the UI asks for one. */
  comment: 'required' | 'expected' | 'optional';
  /** Whether the step form's data travels with it (and lands on the timeline event). */
  carriesData: boolean;
  /** Who may use it: a reviewer on an approval task, or the applicant on their own case. */
  usedBy: 'reviewer' | 'applicant';
}

const reviewer = (
  label: Label,
  target: ActionTarget,
  extra: Partial<Omit<ActionSpec, 'label' | 'target' | 'usedBy'>> = {},
): ActionSpec => ({
  label,
  target,
  positioned: false,
  comment: 'optional',
  carriesData: false,
  usedBy: 'reviewer',
  ...extra,
});

/** Decisions a reviewer takes on an approval task (the `decide` Update, `POST /api/tasks/:id/decisions`). */
export const REVIEWER_ACTIONS = {
  approve: reviewer({ zh: '同意', en: 'Approve' }, 'none', { carriesData: true }),
  reject: reviewer({ zh: '驳回', en: 'Reject' }, 'none', { comment: 'expected' }),
  return: reviewer({ zh: '退回', en: 'Return' }, 'step', { comment: 'expected' }),
  transfer: reviewer({ zh: '转办', en: 'Transfer' }, 'user'),
  'add-signer': reviewer({ zh: '加签', en: 'Add signer' }, 'user', { positioned: true, carriesData: true }),
  'remove-signer': reviewer({ zh: '减签', en: 'Remove signer' }, 'user'),
  delegate: reviewer({ zh: '委托', en: 'Delegate' }, 'user'),
  comment: reviewer({ zh: '评论', en: 'Comment' }, 'none', { comment: 'required' }),
} as const satisfies Record<string, ActionSpec>;

export type ReviewerAction = keyof typeof REVIEWER_ACTIONS;
export const REVIEWER_ACTION_NAMES = namesOf(REVIEWER_ACTIONS);

const applicant = (label: Label, extra: Partial<ActionSpec> = {}): ActionSpec => ({
  label,
  target: 'none',
  positioned: false,
  comment: 'optional',
  carriesData: false,
  usedBy: 'applicant',
  ...extra,
});

/** What an applicant does on their own case (the `applicantAction` Update). */
export const APPLICANT_ACTIONS = {
  withdraw: applicant({ zh: '撤回', en: 'Withdraw' }),
  urge: applicant({ zh: '催办', en: 'Urge' }),
  supplement: applicant({ zh: '补充材料', en: 'Supplement' }, { carriesData: true }),
  object: applicant({ zh: '提出异议', en: 'Object' }, { comment: 'required' }),
} as const satisfies Record<string, ActionSpec>;

export type ApplicantAction = keyof typeof APPLICANT_ACTIONS;
export const APPLICANT_ACTION_NAMES = namesOf(APPLICANT_ACTIONS);

/** Reviewer actions aimed at a person: the gateway resolves their `to` from a username to a user id. */
export function targetsUser(action: ReviewerAction): boolean {
  return REVIEWER_ACTIONS[action].target === 'user';
}

/**
 * Statuses: where a case is in its life, and where a task is (`open` and `claimed` wait for someone);
 * and the kinds of human task.
 */
export const STATUSES = {
  case: {
    running: { zh: '办理中', en: 'In progress' },
    completed: { zh: '已办结', en: 'Completed' },
    rejected: { zh: '未通过', en: 'Rejected' },
    withdrawn: { zh: '已撤回', en: 'Withdrawn' },
    terminated: { zh: '已终止', en: 'Terminated' },
  },
  task: {
    open: { zh: '待处理', en: 'Open' },
    claimed: { zh: '已认领', en: 'Claimed' },
    completed: { zh: '已完成', en: 'Done' },
    cancelled: { zh: '已取消', en: 'Cancelled' },
  },
  taskKind: {
    approval: { zh: '审批', en: 'Approval' },
    'applicant-task': { zh: '申请人办理', en: 'Applicant task' },
  },
} as const satisfies Record<string, Record<string, Label>>;

export const CASE_STATUSES = STATUSES.case;
export type CaseStatus = keyof typeof CASE_STATUSES;
export const CASE_STATUS_NAMES = namesOf(CASE_STATUSES);
export const TASK_STATUSES = STATUSES.task;
export type TaskStatus = keyof typeof TASK_STATUSES;
export const TASK_STATUS_NAMES = namesOf(TASK_STATUSES);
/** The task statuses that still wait on someone: the task sits in an inbox (待处理 or 已认领). */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['open', 'claimed'];
/** Whether a task still waits on someone. */
export const isOpenTask = (task: { status: string }): boolean =>
  (OPEN_TASK_STATUSES as readonly string[]).includes(task.status);
export const TASK_KINDS = STATUSES.taskKind;
export type TaskKind = keyof typeof TASK_KINDS;
export const TASK_KIND_NAMES = namesOf(TASK_KINDS);

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date written `YYYY-MM-DD` that exists (no 30 February). */
export function isCalendarDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export interface FieldTypeSpec {
  label: Label;
  /**
   * Checks one (non-empty, single) value's shape; returns what is expected when it does not fit.
   * Lists, options, bounds and whether a user exists are checked where the data to check them is.
   */
  check: (value: unknown) => Label | null;
}

const text = (value: unknown): Label | null =>
  typeof value === 'string' ? null : { zh: '应为文字', en: 'must be text' };
const number = (value: unknown): Label | null =>
  typeof value === 'number' && Number.isFinite(value) ? null : { zh: '应为数字', en: 'must be a number' };

/** The kinds of form field a definition may declare, with the shape of their values. */
export const FIELD_TYPES = {
  text: { label: { zh: '单行文字', en: 'Text' }, check: text },
  textarea: { label: { zh: '多行文字', en: 'Long text' }, check: text },
  number: { label: { zh: '数字', en: 'Number' }, check: number },
  money: {
    label: { zh: '金额', en: 'Money' },
    check: (v) =>
      typeof v === 'number' && Number.isInteger(v) ? null : { zh: '应为整数（分）', en: 'must be whole fen' },
  },
  date: {
    label: { zh: '日期', en: 'Date' },
    check: (v) =>
      isCalendarDate(v)
        ? null
        : { zh: '应为真实日期，格式 YYYY-MM-DD', en: 'must be a real date written YYYY-MM-DD' },
  },
  select: { label: { zh: '选项', en: 'Choice' }, check: text },
  boolean: {
    label: { zh: '是/否', en: 'Yes / no' },
    check: (v) => (typeof v === 'boolean' ? null : { zh: '应为是或否', en: 'must be true or false' }),
  },
  user: { label: { zh: '人员', en: 'Person' }, check: text },
  file: {
    label: { zh: '附件', en: 'File' },
    check: (v) =>
      typeof v === 'string' || Array.isArray(v) ? null : { zh: '应为附件', en: 'must be a file reference' },
  },
} as const satisfies Record<FieldType, FieldTypeSpec>;

export const FIELD_TYPE_NAMES = namesOf(FIELD_TYPES);

/**
 * What a step's people may do with a field collected before the step (DingTalk's 字段权限), in the
 * order the designer offers them; `read` is what a step that says nothing gets.
 */
export const FIELD_PERMISSIONS = {
  hidden: { zh: '隐藏', en: 'Hidden' },
  read: { zh: '只读', en: 'Read-only' },
  edit: { zh: '可编辑', en: 'Editable' },
  required: { zh: '必填', en: 'Required' },
} as const satisfies Record<FieldPermission, Label>;

export const FIELD_PERMISSION_NAMES = namesOf(FIELD_PERMISSIONS);

/** The kinds of node a definition is built from; `satisfies` proves every kind has an entry. */
export const NODE_KINDS = {
  approval: { zh: '审批人', en: 'Approver' },
  'applicant-task': { zh: '申请人办理', en: 'Applicant task' },
  cc: { zh: '抄送', en: 'CC' },
  exclusive: { zh: '条件分支', en: 'Condition' },
  parallel: { zh: '并行分支', en: 'Parallel' },
  join: { zh: '汇合', en: 'Join' },
  notice: { zh: '公示', en: 'Public notice' },
  timer: { zh: '等待', en: 'Wait' },
  service: { zh: '系统处理', en: 'Service' },
  subprocess: { zh: '子流程', en: 'Sub-process' },
  end: { zh: '结束', en: 'End' },
} as const satisfies Record<NodeKind, Label>;

export const NODE_KIND_NAMES = namesOf(NODE_KINDS);

/** A kind of timeline event: its label, and whether it is the system's own bookkeeping. */
export interface TimelineEventSpec {
  label: Label;
  /**
   * Steps the system takes by itself (a step opening, a branch taken, a service finishing): the case
   * page folds a run of them into one line, so people's decisions stand out.
   */
  system?: true;
}

const sys = (zh: string, en: string): TimelineEventSpec => ({ label: { zh, en }, system: true });
const event = (zh: string, en: string): TimelineEventSpec => ({ label: { zh, en } });

/** Everything the engine records on a case's timeline; the engine's `record` only takes these. */
export const TIMELINE_EVENTS = {
  'case-started': event('提交申请', 'Submitted'),
  'case-ended': event('办结', 'Closed'),
  'step-opened': sys('转入环节', 'Step opened'),
  'step-completed': sys('环节完成', 'Step completed'),
  approved: event('同意', 'Approved'),
  rejected: event('不同意', 'Rejected'),
  returned: event('退回', 'Returned'),
  claimed: event('认领', 'Claimed'),
  released: event('放弃认领', 'Released'),
  reassigned: event('转交', 'Handed over'),
  transferred: event('转办', 'Transferred'),
  delegated: event('委托办理', 'Delegated'),
  'signer-added': event('加签', 'Signer added'),
  'signer-removed': event('减签', 'Signer removed'),
  'delegation-applied': sys('委托代办', 'Standing delegation applied'),
  'auto-approved': event('自动通过', 'Approved automatically'),
  'assignee-empty': event('无人可办', 'Nobody to assign'),
  'duplicate-approver-skipped': sys('重复审批人跳过', 'Repeated approver skipped'),
  'applicant-is-approver': event('申请人即审批人', 'Applicant is the approver'),
  'self-approval': event('本人审批', 'Self-approval'),
  'branch-taken': sys('条件分支', 'Branch taken'),
  cc: event('抄送', 'Copied'),
  'fields-edited': event('修改表单', 'Fields changed'),
  commented: event('评论', 'Comment'),
  compensated: event('撤销已办事项', 'Undone'),
  escalated: event('超时上报', 'Escalated'),
  overdue: event('已超时', 'Overdue'),
  reminded: sys('到期提醒', 'Due-soon reminder'),
  urged: event('申请人催办', 'Applicant urged'),
  supplemented: event('补充材料', 'Supplemented'),
  withdrawn: event('撤回', 'Withdrawn'),
  objection: event('公示异议', 'Objection'),
  'notice-published': event('公示', 'Public notice'),
  'notice-ended': event('公示结束', 'Notice ended'),
  'timer-started': sys('等待', 'Waiting'),
  'timer-fired': sys('等待结束', 'Wait over'),
  'wait-ended-early': event('提前结束等待', 'Wait ended early'),
  'service-completed': sys('系统处理完成', 'Service done'),
  'service-failed': event('系统处理失败', 'Service failed'),
  'service-retried': event('重试系统处理', 'Service retried'),
  'subprocess-started': sys('启动子流程', 'Sub-process started'),
  'subprocess-completed': sys('子流程完成', 'Sub-process done'),
  migrated: event('迁移到新版本', 'Moved to a new version'),
} as const satisfies Record<string, TimelineEventSpec>;

export type TimelineEventType = keyof typeof TIMELINE_EVENTS;
export const TIMELINE_EVENT_NAMES = namesOf(TIMELINE_EVENTS);

/** Whether a timeline event is the system's own step (unknown types, from older data, count as people's). */
export function isSystemEvent(type: string): boolean {
  return (TIMELINE_EVENTS as Record<string, TimelineEventSpec>)[type]?.system === true;
}
/** How an approval step's people decide, as an applicant reads it (DingTalk's 审批方式). */
export const APPROVAL_MODES = {
  single: { zh: '一人审批', en: 'One approver' },
  sequential: { zh: '依次审批', en: 'In turn' },
  all: { zh: '会签', en: 'All must approve' },
  any: { zh: '或签', en: 'Any one approves' },
  quorum: { zh: '按人数通过', en: 'Enough approvals' },
} as const satisfies Record<ApprovalMode, Label>;

export const APPROVAL_MODE_NAMES = namesOf(APPROVAL_MODES);

/** What happens when nobody fits an approval step, in words for the applicant. */
export const EMPTY_ASSIGNEE_POLICIES = {
  'auto-approve': { zh: '无人审批时自动通过', en: 'Passes automatically when nobody can approve' },
  'scope-admin': {
    zh: '无人审批时交组织管理员',
    en: "Goes to the org's administrator when nobody can approve",
  },
  'admin-queue': {
    zh: '无人审批时交平台管理员',
    en: 'Goes to the platform administrator when nobody can approve',
  },
} as const satisfies Record<EmptyAssigneePolicy, Label>;

export const EMPTY_ASSIGNEE_POLICY_NAMES = namesOf(EMPTY_ASSIGNEE_POLICIES);

/** One language's labels of a table, keyed like the table (for i18n resources). */
export function labelsIn<K extends string>(
  table: Record<K, Label | { label: Label }>,
  lang: keyof Label,
): Record<K, string> {
  return Object.fromEntries(
    Object.entries<Label | { label: Label }>(table).map(([k, v]) => [
      k,
      'label' in v ? v.label[lang] : v[lang],
    ]),
  ) as Record<K, string>;
}
