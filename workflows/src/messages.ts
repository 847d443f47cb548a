import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type {
  Applicant,
  ApplicantAction,
  CaseStatus,
  ProcessDefinition,
  ReviewerAction,
  Text,
} from '@unionflow/process-model/runtime';

/** What starts a case: the definition snapshot it will run on for its whole life. */
export interface CaseInput {
  caseId: string;
  title: string;
  definition: ProcessDefinition;
  applicant: Applicant;
  data: Record<string, unknown>;
  /** Set for a sub-process: the case that started this one. */
  parentCaseId?: string;
  /**
   * The case number, when the starter allocated it (the gateway does): the case row is then written by
   * the first projection instead of a registration activity of its own.
   */
  caseNumber?: string;
  /**
   * The interpreter revision the starter asks for (`ENGINE_REVISION`, ADR 035); absent on cases started
   * before it existed, which choose their paths with `patched()` as they always did.
   */
  engineRevision?: number;
  /** Set when the workflow continues as new: the state to resume from. */
  resume?: unknown;
}

/** A reviewer's decision on a task. */
export interface DecisionInput {
  taskId: string;
  actorId: string;
  /** One of the catalog's reviewer actions (`REVIEWER_ACTIONS`). */
  action: ReviewerAction;
  comment?: string;
  data?: Record<string, unknown>;
  /** transfer / delegate / add-signer / remove-signer: a user id; return: a node id or "applicant". */
  to?: string;
  /** add-signer: before (the new signer decides first) or after (default). */
  position?: 'before' | 'after';
}

export interface ClaimInput {
  taskId: string;
  actorId: string;
  release?: boolean;
}

/** An applicant's action on their own case. */
export interface ApplicantActionInput {
  actorId: string;
  action: ApplicantAction;
  comment?: string;
  data?: Record<string, unknown>;
  /** An objection from the notice board that names nobody: recorded without an actor. */
  anonymous?: boolean;
}

/** An admin hands a user's share of an open task to another user. */
export interface ReassignInput {
  taskId: string;
  fromUserId: string;
  toUserId: string;
  actorId: string;
  reason?: string;
}

/** An admin runs a failed service step again (after fixing what made it fail). */
export interface RetryServiceInput {
  actorId: string;
}

/** An admin moves a running case to another published version of its definition. */
export interface MigrationInput {
  actorId: string;
  definition: ProcessDefinition;
}

/**
 * Ends a waiting timer now, as if it had fired (a yearly re-check campaign, ADR 024). Refused with
 * Conflict when the case is not waiting at a timer node `nodeId`.
 */
export interface EndWaitInput {
  actorId: string;
  /** The timer node the case must be waiting at (e.g. `yearly-wait`). */
  nodeId: string;
  /** Shown on the timeline, e.g. "2026 年度清理复核启动". */
  reason: string;
  /** The campaign that ended the wait, recorded with the event. */
  campaignId?: string;
}

/** An admin resolves a parked case (ADR 013): write the held projection again, or end the case. */
export interface AttentionInput {
  action: 'retry' | 'terminate';
  actorId: string;
  reason?: string;
}

/** Why a case is parked: its projection was refused for good; set only while parked. */
export interface AttentionView {
  message: string;
  since: string;
}

/** The case as the workflow sees it; returned by every update once the projection is written. */
export interface CaseView {
  caseId: string;
  caseNumber: string;
  status: CaseStatus;
  outcome: string | null;
  activeNodeIds: string[];
  currentStep: Text | null;
  seq: number;
  /** Present only while the case is parked (ADR 013). */
  attention?: AttentionView;
}

/** Waits until the case is registered and its first steps are projected. */
export const readyUpdate = defineUpdate<CaseView, []>('ready');
export const decideUpdate = defineUpdate<CaseView, [DecisionInput]>('decide');
export const claimUpdate = defineUpdate<CaseView, [ClaimInput]>('claim');
export const applicantActionUpdate = defineUpdate<CaseView, [ApplicantActionInput]>('applicantAction');
export const migrateUpdate = defineUpdate<CaseView, [MigrationInput]>('migrate');
export const reassignUpdate = defineUpdate<CaseView, [ReassignInput]>('reassign');
export const retryServiceUpdate = defineUpdate<CaseView, [RetryServiceInput]>('retryService');
export const endWaitUpdate = defineUpdate<CaseView, [EndWaitInput]>('endWait');
export const attentionUpdate = defineUpdate<CaseView, [AttentionInput]>('resolveAttention');
export const viewQuery = defineQuery<CaseView>('view');
