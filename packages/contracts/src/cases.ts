import {
  CASE_STATUS_NAMES,
  REVIEWER_ACTION_NAMES,
  TASK_KIND_NAMES,
  TASK_STATUS_NAMES,
} from '@unionflow/process-model/catalog';
import { Type } from 'typebox';
import { LocalText, oneOf, Timestamp, UserRef } from './common';
import { INBOX_BOX_NAMES } from './inbox-boxes';

/** A published process the caller may start, with its start form. */
export const ProcessSummary = Type.Object({
  key: Type.String(),
  version: Type.Integer(),
  name: LocalText,
  department: Type.String(),
  form: Type.Array(Type.Any()),
});

/** Case statuses, from the catalog. */
export const CaseStatus = oneOf(CASE_STATUS_NAMES);

/** Task statuses, from the catalog. */
export const TaskStatus = oneOf(TASK_STATUS_NAMES);

/** A human task: one assignee's (or a group's) share of a step. */
export const Task = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  caseNumber: Type.String(),
  caseTitle: Type.String(),
  processKey: Type.String(),
  processName: LocalText,
  department: Type.String(),
  /** Who applied: the inbox card reads "张伟提交的创新提案". */
  applicant: UserRef,
  nodeId: Type.String(),
  stepName: LocalText,
  kind: oneOf(TASK_KIND_NAMES),
  status: TaskStatus,
  candidates: Type.Array(UserRef),
  assignee: Type.Union([UserRef, Type.Null()]),
  form: Type.Array(Type.Any()),
  createdAt: Timestamp,
  dueAt: Type.Union([Timestamp, Type.Null()]),
});

export const TimelineEvent = Type.Object({
  id: Type.String(),
  at: Timestamp,
  type: Type.String(),
  actor: Type.Union([UserRef, Type.Null()]),
  /** Set when someone acted for another (standing delegation). */
  onBehalfOf: Type.Union([UserRef, Type.Null()]),
  nodeId: Type.Union([Type.String(), Type.Null()]),
  stepName: Type.Union([LocalText, Type.Null()]),
  comment: Type.Union([Type.String(), Type.Null()]),
  data: Type.Any(),
});

export const CaseSummary = Type.Object({
  id: Type.String(),
  number: Type.String(),
  title: Type.String(),
  processKey: Type.String(),
  processVersion: Type.Integer(),
  processName: LocalText,
  department: Type.String(),
  status: CaseStatus,
  /** The outcome's code, as the definition's end step sets it (for filters and tests, not for people). */
  outcome: Type.Union([Type.String(), Type.Null()]),
  /**
   * The outcome as people read it: the name of the end step that set it ("移送劳动仲裁"); null when
   * no end step did (a withdrawal, a termination: the status says it).
   */
  outcomeName: Type.Optional(Type.Union([LocalText, Type.Null()])),
  applicant: UserRef,
  currentStep: Type.Union([LocalText, Type.Null()]),
  /**
   * Where a running case is, as node ids of its definition: the steps with an open task, else the
   * node it last entered (a timer, a public notice, a service). Stable when an admin renames steps.
   */
  currentNodeIds: Type.Array(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const PredictedStep = Type.Object({
  nodeId: Type.String(),
  kind: Type.String(),
  name: LocalText,
  assignees: Type.Array(UserRef),
  due: Type.Optional(Type.String()),
});

/**
 * 预计办结 (ADR 025): the Beijing day a running case should finish, from measured step durations once a
 * step has history, else the definition's time limits; or, when it cannot say, why.
 */
export const CaseEstimate = Type.Object({
  /** YYYY-MM-DD in Beijing, or null when there is no estimate. */
  finishDay: Type.Union([Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }), Type.Null()]),
  /** What the day rests on: time limits only, or measured durations of past cases too. */
  basis: Type.Optional(Type.Union([Type.Literal('deadlines'), Type.Literal('history')])),
  /** No estimate because the case waits on this timer or notice until then. */
  waiting: Type.Optional(Type.Object({ step: Type.Union([LocalText, Type.Null()]), until: Timestamp })),
  /** No estimate because this step has neither a time limit nor enough history. */
  unknownStep: Type.Optional(LocalText),
  /** An open step already past its expected end: the day counts its remaining steps from today. */
  lateStep: Type.Optional(LocalText),
});

export const CaseDetail = Type.Intersect([
  CaseSummary,
  Type.Object({
    data: Type.Record(Type.String(), Type.Any()),
    tasks: Type.Array(Task),
    timeline: Type.Array(TimelineEvent),
    predictedPath: Type.Array(PredictedStep),
    estimate: CaseEstimate,
    /**
     * How to show each data key: the definition's form fields (start form first, then steps' forms)
     * and, for what a service step stored, `{ key, label: the step's name, type: 'result', action,
     * result }` where `result` is the action's display schema (`ResultSchema`, ADR 020): labels,
     * types and option labels of each key it returns; keys it hides are not in `data`.
     */
    dataFields: Type.Array(Type.Any()),
    /** Reveal-only keys (an ID number, shown partly masked) the caller may reveal with `POST …/reveal`. */
    revealable: Type.Array(Type.String()),
    /** Present while the case waits for an administrator: a write of its records failed for good. */
    attention: Type.Optional(Type.Object({ since: Type.String({ format: 'date-time' }) })),
    /**
     * The projection this view reflects; a live `case` event with a `seq` at or below it brings
     * nothing new (the client's own decision echoed back), so the client need not refetch.
     */
    seq: Type.Optional(Type.Integer()),
  }),
]);

export const StartCaseRequest = Type.Object({
  processKey: Type.String({ minLength: 1, maxLength: 100 }),
  data: Type.Record(Type.String(), Type.Any()),
});

/** `POST /api/cases/:id/reveal`: the whole value of a reveal-only field (an ID number), audited. */
export const RevealRequest = Type.Object({
  field: Type.String({ minLength: 1, maxLength: 100 }),
});

export const RevealResult = Type.Object({
  field: Type.String(),
  value: Type.Union([Type.String(), Type.Number(), Type.Null()]),
  revealedAt: Timestamp,
});

/** Reviewer actions, from the catalog (`REVIEWER_ACTIONS`). */
export const DecisionAction = oneOf(REVIEWER_ACTION_NAMES);

export const DecisionRequest = Type.Object({
  action: DecisionAction,
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
  data: Type.Optional(Type.Record(Type.String(), Type.Any())),
  /**
   * Target: a username for actions aimed at a person (transfer, add-signer, remove-signer, delegate),
   * a node id (or "applicant") for return.
   */
  to: Type.Optional(Type.String({ maxLength: 100 })),
  /** add-signer: the new signer decides right before you (前加签) or right after you (default). */
  position: Type.Optional(Type.Union([Type.Literal('before'), Type.Literal('after')])),
});

export const CaseList = Type.Object({
  items: Type.Array(CaseSummary),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** Which box of the inbox a page lists (names in `inbox-boxes.ts`). */
export const InboxBox = oneOf(INBOX_BOX_NAMES);

/** How many entries each box holds (whatever the filters), and how many copies are unread. */
export const InboxBoxCounts = Type.Object({
  todo: Type.Integer(),
  done: Type.Integer(),
  started: Type.Integer(),
  cc: Type.Integer(),
  ccUnread: Type.Integer(),
});

/** The to-do box (`box=todo`, the default): open tasks, soonest due first. */
export const InboxPage = Type.Object({
  box: Type.Literal('todo'),
  items: Type.Array(Task),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  counts: Type.Record(Type.String(), Type.Integer()),
  boxes: InboxBoxCounts,
});

/** A reviewer's own decision on a case, named by the catalog's action. */
export const MyDecision = Type.Object({
  action: oneOf(REVIEWER_ACTION_NAMES),
  label: LocalText,
  stepName: Type.Union([LocalText, Type.Null()]),
  at: Timestamp,
});

/**
 * One case in the done, started or cc box: the case as a list shows it, where it stands, and what the
 * box adds (my decision, the copy's unread mark). `at` is the box's own time: when I decided, applied
 * or was copied; entries are newest first by it.
 */
export const BoxEntry = Type.Object({
  /** Unique within the box (a decision event, a case). */
  key: Type.String(),
  caseId: Type.String(),
  caseNumber: Type.String(),
  caseTitle: Type.String(),
  processKey: Type.String(),
  processName: LocalText,
  department: Type.String(),
  applicant: UserRef,
  status: CaseStatus,
  outcome: Type.Union([Type.String(), Type.Null()]),
  currentStep: Type.Union([LocalText, Type.Null()]),
  /** The earliest due time of the case's open tasks, if any. */
  dueAt: Type.Union([Timestamp, Type.Null()]),
  at: Timestamp,
  myDecision: Type.Union([MyDecision, Type.Null()]),
  /** cc box: the copy is unread; null in the other boxes. */
  unread: Type.Union([Type.Boolean(), Type.Null()]),
});

/** The done, started and cc boxes: cases, newest first. */
export const BoxPage = Type.Object({
  box: Type.Union([Type.Literal('done'), Type.Literal('started'), Type.Literal('cc')]),
  items: Type.Array(BoxEntry),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  boxes: InboxBoxCounts,
});

/** Marks the copies of the given cases read (`POST /api/inbox/cc/read`). */
export const CcReadRequest = Type.Object(
  { caseIds: Type.Array(Type.String({ maxLength: 100 }), { minItems: 1, maxItems: 100 }) },
  { additionalProperties: false },
);
export const CcReadResult = Type.Object({ updated: Type.Integer(), ccUnread: Type.Integer() });
