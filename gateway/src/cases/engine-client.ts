import { createHash, randomUUID } from 'node:crypto';
import {
  WithStartWorkflowOperation,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure, defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import type { Applicant, ProcessDefinition } from '@unionflow/process-model';
import {
  type ApplicantActionInput,
  type AttentionInput,
  applicantActionUpdate,
  attentionUpdate,
  type CaseInput,
  type CaseView,
  type ClaimInput,
  caseWorkflowId,
  claimUpdate,
  type DecisionInput,
  decideUpdate,
  ENGINE_ERRORS,
  ENGINE_REVISION,
  type EndWaitInput,
  endWaitUpdate,
  type MigrationInput,
  migrateUpdate,
  type ReassignInput,
  type RetryServiceInput,
  readyUpdate,
  reassignUpdate,
  retryServiceUpdate,
  SEARCH_ATTRIBUTES,
} from '@unionflow/workflows';
import { AppError, conflict, forbidden, notFound, unprocessable } from '../errors';
import { timeUpdate } from '../observability';
import type { TemporalContext } from '../plugins/temporal';

const searchKeys = {
  processKey: defineSearchAttributeKey(SEARCH_ATTRIBUTES.processKey, SearchAttributeType.KEYWORD),
  department: defineSearchAttributeKey(SEARCH_ATTRIBUTES.department, SearchAttributeType.KEYWORD),
  caseNumber: defineSearchAttributeKey(SEARCH_ATTRIBUTES.caseNumber, SearchAttributeType.KEYWORD),
};

/** 503 while Temporal cannot be reached; the client retries after a few seconds. */
export function engineUnavailable(): AppError {
  return new AppError(
    503,
    'engine-unavailable',
    '流程引擎暂不可用，请稍后重试 / the process engine is unavailable, try again shortly',
    {
      headers: { 'Retry-After': '5' },
    },
  );
}

/** Turns a refusal from the workflow into the HTTP error the caller should see. */
export function toHttpError(err: unknown): unknown {
  if (err instanceof WorkflowUpdateFailedError) {
    const cause = err.cause;
    if (cause instanceof ApplicationFailure) {
      const message = cause.message;
      if (cause.type === 'Conflict') return conflict(message);
      if (cause.type === 'Forbidden') return forbidden(message);
      if (cause.type === 'NotFound') return notFound(message);
      if (cause.type === 'Invalid') return unprocessable(message);
      // Parked for an administrator (ADR 013): a state of the case, not an outage.
      if (cause.type === ENGINE_ERRORS.needsAttention) return new AppError(409, 'needs-attention', message);
    }
    return conflict(cause?.message ?? err.message);
  }
  if (err instanceof WorkflowNotFoundError) return conflict('此案件已结束 / This case has already ended.');
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return engineUnavailable();
  const message = err instanceof Error ? err.message : String(err);
  if (/already completed|workflow execution already finished/i.test(message))
    return conflict('此案件已结束 / This case has already ended.');
  if (/UNAVAILABLE|ECONNREFUSED|DEADLINE_EXCEEDED|Connection refused/i.test(message))
    return engineUnavailable();
  return err;
}

/** Case ids for idempotent starts: the same user and Idempotency-Key always name the same case. */
export function caseIdFor(userId: string, idempotencyKey: string | undefined): string {
  if (!idempotencyKey) return randomUUID();
  const h = createHash('sha256').update(`${userId}\n${idempotencyKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function engine(temporal: TemporalContext | null): TemporalContext {
  if (!temporal) throw engineUnavailable();
  return temporal;
}

/**
 * Starts a case workflow and waits until its first steps are in the read model. With `caseNumber`
 * (allocated by the caller), the workflow registers the case in its first projection and the search
 * attributes are complete from the start: no upserts, one local activity fewer.
 */
export async function startCase(
  temporal: TemporalContext | null,
  input: {
    caseId: string;
    caseNumber?: string;
    title: string;
    definition: ProcessDefinition;
    applicant: Applicant;
    data: Record<string, unknown>;
  },
): Promise<CaseView> {
  const t = engine(temporal);
  // Workers know this revision before any gateway sends it (ADR 035): it replaces per-case patch markers.
  const args: CaseInput = { ...input, engineRevision: ENGINE_REVISION };
  const startWorkflowOperation = new WithStartWorkflowOperation('caseWorkflow', {
    workflowId: caseWorkflowId(input.caseId),
    taskQueue: t.taskQueue,
    args: [args],
    workflowIdConflictPolicy: 'USE_EXISTING',
    typedSearchAttributes: [
      { key: searchKeys.processKey, value: input.definition.key },
      { key: searchKeys.department, value: input.definition.department },
      // No `CaseStatus`: a case on revision 1 never updates it, and the read model has the status.
      ...(input.caseNumber ? [{ key: searchKeys.caseNumber, value: input.caseNumber }] : []),
    ],
  });
  try {
    return await timeUpdate(readyUpdate.name, () =>
      t.client.workflow.executeUpdateWithStart(readyUpdate, {
        startWorkflowOperation,
        updateId: `ready-${input.caseId}`,
      }),
    );
  } catch (err) {
    // A case that ends in its very first step closes before the ready update is delivered; its
    // projection is written by then, and the workflow's result is the final view.
    if (err instanceof WorkflowNotFoundError && /closing workflow/.test(err.message)) {
      return (await startWorkflowOperation.workflowHandle()).result() as Promise<CaseView>;
    }
    throw toHttpError(err);
  }
}

async function update<A>(
  temporal: TemporalContext | null,
  caseId: string,
  def:
    | typeof decideUpdate
    | typeof claimUpdate
    | typeof applicantActionUpdate
    | typeof migrateUpdate
    | typeof retryServiceUpdate
    | typeof reassignUpdate
    | typeof attentionUpdate
    | typeof endWaitUpdate,
  arg: A,
  updateId: string | undefined,
): Promise<CaseView> {
  const handle = engine(temporal).client.workflow.getHandle(caseWorkflowId(caseId));
  try {
    return await timeUpdate(def.name, () =>
      // biome-ignore lint/suspicious/noExplicitAny: the update definitions share one call shape
      handle.executeUpdate(def as any, { args: [arg], updateId: updateId ?? randomUUID() }),
    );
  } catch (err) {
    throw toHttpError(err);
  }
}

export const sendDecision = (
  t: TemporalContext | null,
  caseId: string,
  input: DecisionInput,
  updateId?: string,
) => update(t, caseId, decideUpdate, input, updateId);
export const sendClaim = (t: TemporalContext | null, caseId: string, input: ClaimInput, updateId?: string) =>
  update(t, caseId, claimUpdate, input, updateId);
export const sendApplicantAction = (
  t: TemporalContext | null,
  caseId: string,
  input: ApplicantActionInput,
  updateId?: string,
) => update(t, caseId, applicantActionUpdate, input, updateId);
export const sendMigration = (
  t: TemporalContext | null,
  caseId: string,
  input: MigrationInput,
  updateId?: string,
) => update(t, caseId, migrateUpdate, input, updateId);
export const sendServiceRetry = (
  t: TemporalContext | null,
  caseId: string,
  input: RetryServiceInput,
  updateId?: string,
) => update(t, caseId, retryServiceUpdate, input, updateId);
export const sendReassign = (
  t: TemporalContext | null,
  caseId: string,
  input: ReassignInput,
  updateId?: string,
) => update(t, caseId, reassignUpdate, input, updateId);
export const sendAttention = (
  t: TemporalContext | null,
  caseId: string,
  input: AttentionInput,
  updateId?: string,
) => update(t, caseId, attentionUpdate, input, updateId);
/** Ends a case's wait at a timer node now (a re-check campaign reaching it, ADR 024). */
export const sendEndWait = (
  t: TemporalContext | null,
  caseId: string,
  input: EndWaitInput,
  updateId?: string,
) => update(t, caseId, endWaitUpdate, input, updateId);
