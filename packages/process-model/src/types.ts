/**
 * The process definition format: a versioned JSON document that one generic workflow interprets.
 * A definition is a directed graph of nodes; `next` pointers are the edges. Parallel blocks are a
 * `parallel` split whose branches all meet at one `join`.
 *
 * These types are the single source of truth; `schema.ts` mirrors them as JSON Schema.
 */

/** A duration written as a number and a unit: `30s`, `15m`, `4h`, `7d`, `1y` (365 days). */
export type DurationText = string;

/** A JSON Logic expression evaluated against `{ data, applicant }` (never `eval`). */
export type Condition = Record<string, unknown> | boolean;

/** Localised text: Chinese first, English optional. */
export interface Text {
  zh: string;
  en?: string;
}

export type FieldType =
  | 'text'
  | 'textarea'
  | 'number'
  | 'money'
  | 'date'
  | 'select'
  | 'boolean'
  | 'user'
  | 'file';

/** One form field collected by the start form, an applicant task or a reviewer. */
export interface FormField {
  key: string;
  label: Text;
  type: FieldType;
  required?: boolean;
  /** For `select`. */
  options?: { value: string; label: Text }[];
  /**
   * For `select`: options read from the case data when the step opens, e.g. the proposals an earlier
   * service step collected. `path` names a list in the data (`candidates.proposals`); each item gives
   * the option's value (`value` key) and label (the `label` keys joined with " · ").
   */
  optionsFrom?: { path: string; value: string; label: string[] };
  /** For `select` and `user`: the value is a list (several options, several people). */
  multiple?: boolean;
  /** For `number` / `money` (money in integer fen). A string names another data field holding the bound. */
  min?: number | string;
  max?: number | string;
  /** Masked for viewers without the definition's `sensitiveViewerRoles` (household data). */
  sensitive?: boolean;
  /**
   * Shown partly masked even to those who see household data (an ID number); the whole value only on an
   * explicit, audited reveal. Implies `sensitive`.
   */
  revealOnly?: boolean;
  /** A line under the input that says how the value is used ("攻关项目由市总工会创新委员会核定"). */
  hint?: Text;
}

/**
 * What a step's people may do with a field collected before the step (DingTalk's 字段权限): not see it,
 * see it, change it, or change it and leave it filled. A field a step does not mention is read-only.
 */
export type FieldPermission = 'hidden' | 'read' | 'edit' | 'required';

/** Who is asked at a human step. */
export type AssigneeRule =
  /** Users holding a role in an org scope relative to the applicant's org. */
  | { kind: 'role'; role: string; scope: OrgScope }
  /** A named user. */
  | { kind: 'user'; username: string }
  /**
   * Named users, in the order written: a sequential (依次) step asks them in this order, an `all`
   * (会签) step asks them together. Usernames, like `user`, so a definition reads the same on any server.
   */
  | { kind: 'users'; usernames: string[] }
  /** The cadre paired with the applicant (解困脱困联系卡). */
  | { kind: 'paired-cadre' }
  /** The superior of whoever decided the previous human step. */
  | { kind: 'superior-of-previous' }
  /** A username (or list of usernames) held in a case-data field. */
  | { kind: 'field'; field: string };

/**
 * `applicant-org`: the applicant's own org only. `parent-org`: exactly one level up.
 * `nearest`: the applicant's org, then each ancestor in turn, until one has a holder of the role.
 * `root`: the top of the org tree.
 */
export type OrgScope = 'applicant-org' | 'parent-org' | 'nearest' | 'root';

/** What to do when an assignee rule finds nobody. */
export type EmptyAssigneePolicy = 'auto-approve' | 'scope-admin' | 'admin-queue';

/**
 * What a step does when the applicant is among its approvers (segregation of duties, ADR 011).
 * `skip`: the applicant's share passes automatically, recorded on the timeline. `superior`: the
 * applicant's superior decides in their place. `department-head`: the holder of the step's role one
 * org level above the applicant decides. `self`: the applicant may decide, recorded as self-approval.
 * Absent means never self: the applicant is removed and the empty-assignee policy applies.
 */
export type ApplicantIsApproverPolicy = 'skip' | 'superior' | 'department-head' | 'self';

export type ApprovalMode =
  /** One decision; several candidates form a group task that one claims. */
  | 'single'
  /** 依次: candidates decide one after another. */
  | 'sequential'
  /** 会签: every candidate must approve. */
  | 'all'
  /** 或签: the first approval decides. */
  | 'any'
  /** N of M approvals decide. */
  | 'quorum';

export interface Deadline {
  /** Due this long after the task opens. */
  due: DurationText;
  /** Remind the assignees this long before the due time. */
  remindBefore?: DurationText;
  /** What happens when the due time passes. */
  onOverdue?: 'remind' | 'escalate-to-superior' | 'auto-approve' | 'auto-reject';
}

interface NodeBase {
  id: string;
  name: Text;
}

export interface ApprovalNode extends NodeBase {
  kind: 'approval';
  assignee: AssigneeRule;
  mode: ApprovalMode;
  /** For `quorum`. */
  quorum?: number;
  emptyAssignee?: EmptyAssigneePolicy;
  /** When the applicant is among the approvers; absent means never self (ADR 011). */
  applicantIsApprover?: ApplicantIsApproverPolicy;
  /** Fields the reviewer fills in when deciding (e.g. the award amount). */
  form?: FormField[];
  /**
   * By field key, what the reviewers may do with a start-form field or one an earlier step collected
   * (not this step's own `form`); a field not named is read-only.
   */
  fieldPermissions?: Record<string, FieldPermission>;
  deadline?: Deadline;
  /** Copied read-only (抄送) when the step opens. */
  cc?: AssigneeRule[];
  /** Where a rejection leads; default ends the case as `rejected`. */
  onReject?: string;
  next: string;
}

/** The applicant supplies information (also where a return to the applicant lands). */
export interface ApplicantTaskNode extends NodeBase {
  kind: 'applicant-task';
  form: FormField[];
  /** As on an approval step, except that the applicant always sees their own case (no `hidden`). */
  fieldPermissions?: Record<string, FieldPermission>;
  deadline?: Deadline;
  next: string;
}

/**
 * 抄送 as a step of its own (DingTalk's 抄送人 node): when the case reaches it, the recipients are
 * copied (notified, and may read the case, never its household data), and the case continues at once.
 */
export interface CcNode extends NodeBase {
  kind: 'cc';
  /** Who is copied: the same rules as an approval step's assignee or `cc`. */
  recipients: AssigneeRule[];
  next: string;
}

export interface TimerNode extends NodeBase {
  kind: 'timer';
  /** Wait this long. */
  duration: DurationText;
  next: string;
}

/** 公示: published for a period; an objection sends the case to `onObjection`. */
export interface NoticeNode extends NodeBase {
  kind: 'notice';
  duration: DurationText;
  /**
   * Case data keys shown on the notice board to members of the applicant's unit, beside the masked
   * name, the unit and the end date; nothing else of the case is shown (ADR 019).
   */
  publicFields?: string[];
  onObjection: string;
  next: string;
}

/** Calls a named activity from the service registry; `compensation` undoes it when the case is returned or withdrawn past it. */
export interface ServiceNode extends NodeBase {
  kind: 'service';
  action: string;
  compensation?: string;
  /** Static parameters passed to the action alongside the case data. */
  params?: Record<string, unknown>;
  /** The action's result is stored under this data key. */
  resultKey?: string;
  next: string;
}

export interface ExclusiveGatewayNode extends NodeBase {
  kind: 'exclusive';
  branches: { condition: Condition; next: string; label?: Text }[];
  /** Taken when no branch condition holds. */
  default: string;
}

export interface ParallelSplitNode extends NodeBase {
  kind: 'parallel';
  branches: string[];
  /** The join where every branch meets. */
  join: string;
}

export interface JoinNode extends NodeBase {
  kind: 'join';
  next: string;
}

/** Runs another published process as a child case and waits for its outcome. */
export interface SubProcessNode extends NodeBase {
  kind: 'subprocess';
  processKey: string;
  /** Child data key ← parent data key. */
  inputs?: Record<string, string>;
  /** The child's outcome is stored under this data key. */
  resultKey?: string;
  next: string;
}

export interface EndNode extends NodeBase {
  kind: 'end';
  outcome: string;
}

export type ProcessNode =
  | ApprovalNode
  | ApplicantTaskNode
  | CcNode
  | TimerNode
  | NoticeNode
  | ServiceNode
  | ExclusiveGatewayNode
  | ParallelSplitNode
  | JoinNode
  | SubProcessNode
  | EndNode;

export type NodeKind = ProcessNode['kind'];

export interface ProcessDefinition {
  key: string;
  version: number;
  name: Text;
  /** The department app that owns it: innovation, assistance, rights, admin. */
  department: string;
  /** Roles allowed to start a case; empty means any signed-in member. */
  starterRoles?: string[];
  /** Roles that see `sensitive` fields unmasked (besides the applicant). */
  sensitiveViewerRoles?: string[];
  /** Further case-data keys to mask (results written by service steps), besides `sensitive` form fields. */
  sensitiveDataKeys?: string[];
  /** The start form. */
  form: FormField[];
  /**
   * How a new case is titled when the applicant gives no title: `{applicant}`, `{process}` and start-form
   * field keys, e.g. "{applicant}·{disputeType}·{employer}" (title-template.ts).
   */
  titleTemplate?: string;
  /** Id of the first node. */
  start: string;
  nodes: ProcessNode[];
  settings?: {
    /** Skip a human step whose sole assignee just decided the previous step. */
    skipDuplicateApprover?: boolean;
    /** Continue-as-new after this many history events (default 2000). */
    continueAsNewAfterEvents?: number;
  };
}

/** The org directory `simulate` and assignment resolve against. */
export interface OrgDirectory {
  orgs: { id: string; parentId: string | null; name: string }[];
  users: {
    id: string;
    username: string;
    displayName: string;
    orgId: string;
    roles: string[];
    superiorId: string | null;
  }[];
  /** Applicant user id → paired cadre user id. */
  pairings?: Record<string, string>;
}

/** The applicant as the engine sees them. */
export interface Applicant {
  userId: string;
  orgId: string;
}
