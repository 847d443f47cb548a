import { type Static, Type } from 'typebox';
import { LocalText, Timestamp, UserRef } from './common';

/** A process key as it appears in admin URLs. */
export const ProcessKeyParam = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' });

/**
 * A process definition document. Drafts may be incomplete or invalid, so the API treats it as an opaque
 * object; the validator (`POST .../validate`) says what is wrong with it.
 */
export const DefinitionDocument = Type.Record(Type.String(), Type.Unknown());

/** One problem the validator found, worded for the admin. */
export const ValidationIssue = Type.Object({
  /** The node the problem is on, when it is on one (the designer highlights it). */
  nodeId: Type.Optional(Type.String()),
  code: Type.String(),
  message: Type.Object({ zh: Type.String(), en: Type.String() }),
  /** JSON pointer into the document, for shape errors. */
  path: Type.Optional(Type.String()),
});

/** The validator's answer: `ok` exactly when `errors` is empty. */
export const ValidationReport = Type.Object({ ok: Type.Boolean(), errors: Type.Array(ValidationIssue) });

/** How many running cases a published version has. */
export const RunningCount = Type.Object({ version: Type.Integer(), count: Type.Integer() });

/** One process in the admin's list: its latest version, its draft state and where its running cases are. */
export const DefinitionOverview = Type.Object({
  key: Type.String(),
  name: LocalText,
  department: Type.String(),
  /** Null when the process has only a draft. */
  latestVersion: Type.Union([Type.Integer(), Type.Null()]),
  publishedAt: Type.Union([Timestamp, Type.Null()]),
  hasDraft: Type.Boolean(),
  /** The draft differs from the latest published document (version number aside). */
  draftChanged: Type.Boolean(),
  runningCases: Type.Array(RunningCount),
  /** The org that owns the process: its admins edit it, its subtree may start it. */
  owner: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
  /** When the process was retired (nobody may start it; running cases go on); null while in use. */
  retiredAt: Type.Union([Timestamp, Type.Null()]),
});

/** A draft: the stored one, or the latest version's document when nobody has edited it yet. */
export const DraftView = Type.Object({
  key: Type.String(),
  document: DefinitionDocument,
  /** Send back as `baseUpdatedAt` when saving, so a concurrent edit is detected. */
  updatedAt: Timestamp,
  /** Username of the last editor (or publisher, for `source: 'version'`). */
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.Literal('draft'), Type.Literal('version')]),
});

export const SaveDraftRequest = Type.Object({
  document: DefinitionDocument,
  /** The `updatedAt` the edit started from; when it no longer matches, the save is refused with 409. */
  baseUpdatedAt: Type.Optional(Timestamp),
  /**
   * For a new process only: the org in the caller's subtree that will own it (default the caller's
   * org). An existing process keeps its owner.
   */
  ownerOrgId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  /**
   * Creating a new process (the designer's 新建流程): refused with 409, and nothing saved, when the
   * key already has a draft or a version, so a new process never overwrites another.
   */
  create: Type.Optional(Type.Boolean()),
});

/** A saved draft is validated but saved even when invalid. */
export const SaveDraftResult = Type.Object({ updatedAt: Timestamp, validation: ValidationReport });

/** Validate the given document, or the stored draft when none is given. */
export const ValidateRequest = Type.Object({ document: Type.Optional(DefinitionDocument) });

export const SimulateRequest = Type.Object({
  data: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  /** Username of the applicant to simulate for (default: a member of the demo organisation). */
  applicant: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  /** Simulate this document instead of the stored draft. */
  document: Type.Optional(DefinitionDocument),
});

/** One predicted step of a simulation. */
export const SimulatedStep = Type.Object({
  nodeId: Type.String(),
  kind: Type.String(),
  name: LocalText,
  assignees: Type.Array(UserRef),
  /** Set when nobody matches the assignee rule: the policy the engine would apply. */
  emptyPolicyApplied: Type.Optional(Type.String()),
  due: Type.Optional(Type.String()),
  outcome: Type.Optional(Type.String()),
});

export const SimulateResult = Type.Object({
  applicant: UserRef,
  steps: Type.Array(SimulatedStep),
  /** The outcome the path ends with, or null when it loops or runs into a broken reference. */
  outcome: Type.Union([Type.String(), Type.Null()]),
  validation: ValidationReport,
});

export const PublishResult = Type.Object({
  key: Type.String(),
  version: Type.Integer(),
  publishedAt: Timestamp,
});

/** Retire a process: nobody may start it any more; running cases go on. */
export const RetireRequest = Type.Object({
  /** Why, for the audit log. */
  reason: Type.Optional(Type.String({ maxLength: 500 })),
});

/** A retired process and how many of its cases are still running. */
export const RetireResult = Type.Object({
  key: Type.String(),
  retiredAt: Timestamp,
  runningCases: Type.Integer(),
});

/** One published version of a process. */
export const VersionSummary = Type.Object({
  version: Type.Integer(),
  publishedAt: Timestamp,
  /** Username of the publisher (null for system seeds without one). */
  publishedBy: Type.Union([Type.String(), Type.Null()]),
  /** The publisher's name as people know them (null when `publishedBy` is). */
  publishedByName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  runningCases: Type.Integer(),
  /** 当前生效: the version new cases start on (the latest, unless the process is retired). */
  current: Type.Optional(Type.Boolean()),
  /** Set when this version republished an older one (restore): that version's number. */
  restoredFrom: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
});

/** Restore: publish an older version again as the next version. */
export const RestoreRequest = Type.Object({
  /** The latest version the admin saw; 409 when another was published since. */
  baseVersion: Type.Integer({ minimum: 1 }),
});

export const VersionDocument = Type.Intersect([
  VersionSummary,
  Type.Object({ key: Type.String(), document: DefinitionDocument }),
]);

/** A running case's current step as the impact report sees it. */
export const ImpactStep = Type.Object({
  nodeId: Type.String(),
  /** The step's name in the case's own version (the applicant's step is named too). */
  name: Type.Optional(LocalText),
  kind: Type.String(),
  /** The step exists in the target with the same kind. */
  matches: Type.Boolean(),
});

/** A running case on another version, and whether it could move to the target now. */
export const ImpactedCase = Type.Object({
  caseId: Type.String(),
  number: Type.String(),
  title: Type.String(),
  version: Type.Integer(),
  currentSteps: Type.Array(ImpactStep),
  /** Steps already done that a return could go back to, missing (or of another kind) in the target. */
  missingDoneSteps: Type.Array(Type.String()),
  canMove: Type.Boolean(),
});

/** Which running cases a version (or the draft, as the next version) would affect, and how. */
export const ImpactReport = Type.Object({
  key: Type.String(),
  targetVersion: Type.Integer(),
  target: Type.Union([Type.Literal('draft'), Type.Literal('version')]),
  cases: Type.Array(ImpactedCase),
});

export const ImpactQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) });

export const MigrateRequest = Type.Object({ version: Type.Integer({ minimum: 1 }) });

export const MigrateResult = Type.Object({
  caseId: Type.String(),
  fromVersion: Type.Integer(),
  toVersion: Type.Integer(),
  status: Type.String(),
  activeNodeIds: Type.Array(Type.String()),
});

export type DefinitionDocumentDto = Static<typeof DefinitionDocument>;
export type ValidationIssueDto = Static<typeof ValidationIssue>;
export type ValidationReportDto = Static<typeof ValidationReport>;
export type DefinitionOverviewDto = Static<typeof DefinitionOverview>;
export type DraftViewDto = Static<typeof DraftView>;
export type SaveDraftBody = Static<typeof SaveDraftRequest>;
export type SaveDraftResultDto = Static<typeof SaveDraftResult>;
export type SimulateBody = Static<typeof SimulateRequest>;
export type SimulateResultDto = Static<typeof SimulateResult>;
export type PublishResultDto = Static<typeof PublishResult>;
export type RetireBody = Static<typeof RetireRequest>;
export type RetireResultDto = Static<typeof RetireResult>;
export type VersionSummaryDto = Static<typeof VersionSummary>;
export type RestoreBody = Static<typeof RestoreRequest>;
export type VersionDocumentDto = Static<typeof VersionDocument>;
export type ImpactReportDto = Static<typeof ImpactReport>;
export type ImpactedCaseDto = Static<typeof ImpactedCase>;
export type MigrateBody = Static<typeof MigrateRequest>;
export type MigrateResultDto = Static<typeof MigrateResult>;
