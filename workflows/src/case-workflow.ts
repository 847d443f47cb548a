import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import {
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  currentUpdateInfo,
  executeChild,
  log,
  ParentClosePolicy,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  type AssigneeRule,
  ConditionError,
  evaluateCondition,
  type SeparationStep,
} from '@unionflow/process-model/runtime';
import type { CaseActivities } from './activities';
import { caseWorkflowId, ENGINE_ERRORS, SEARCH_ATTRIBUTES } from './constants';
import { advance } from './engine/advance';
import { applicantAction } from './engine/applicant-actions';
import { claim, decide, handOver } from './engine/decisions';
import type { Effects } from './engine/effects';
import { endWait } from './engine/end-wait';
import { handleEvent } from './engine/events';
import {
  answeredEffects,
  fillAssignment,
  PENDING_ASSIGNEE,
  type PendingStep,
  probeEffects,
} from './engine/fold';
import { migrate, retryServices } from './engine/migrate';
import type { CaseRegistration, Projection } from './engine/records';
import { EngineContext, EngineError, type EngineEvent } from './engine/runtime';
import { handOverRefusal, ownCaseRefusal } from './engine/segregation';
import { type EngineState, initialState } from './engine/state';
import {
  type ApplicantActionInput,
  type AttentionInput,
  applicantActionUpdate,
  attentionUpdate,
  type CaseInput,
  type CaseView,
  type ClaimInput,
  claimUpdate,
  type DecisionInput,
  decideUpdate,
  type EndWaitInput,
  endWaitUpdate,
  type MigrationInput,
  migrateUpdate,
  type ReassignInput,
  type RetryServiceInput,
  readyUpdate,
  reassignUpdate,
  retryServiceUpdate,
  viewQuery,
} from './messages';
import { PARK_PATCH, PARKED_MESSAGE, parkedFailure, projectionRejected } from './parking';

// Short: these are single-transaction writes and lookups, and a crashed worker's attempt is retried
// only once this timeout has passed.
const remoteActivities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '10 seconds' },
});
/**
 * The same database work as local activities: run by the worker inside the workflow task, without a
 * round trip through the Temporal server per call. Cases started since this patch use them.
 */
const localActivities = proxyLocalActivities<CaseActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '10 seconds' },
});
const serviceActivities = proxyActivities<CaseActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', maximumAttempts: 10 },
});

/** History length after which an idle case continues as new, keeping each run small. */
const DEFAULT_CONTINUE_AS_NEW_AFTER = 2000;
const KEEP_PROCESSED_UPDATES = 500;
const caseNumberKey = defineSearchAttributeKey(SEARCH_ATTRIBUTES.caseNumber, SearchAttributeType.KEYWORD);
const caseStatusKey = defineSearchAttributeKey(SEARCH_ATTRIBUTES.status, SearchAttributeType.KEYWORD);

/** The state's JSON without the definition, which is kept by reference (see `snapshotOf`). */
interface Snapshot {
  json: string;
  definition: EngineState['definition'];
}

type Command =
  | { id: string; kind: 'decide'; input: DecisionInput }
  | { id: string; kind: 'claim'; input: ClaimInput }
  | { id: string; kind: 'applicant'; input: ApplicantActionInput }
  | { id: string; kind: 'migrate'; input: MigrationInput }
  | { id: string; kind: 'reassign'; input: ReassignInput }
  | { id: string; kind: 'retry'; input: RetryServiceInput }
  | { id: string; kind: 'end-wait'; input: EndWaitInput };

/** The one workflow that interprets every process definition. */
export async function caseWorkflow(input: CaseInput): Promise<CaseView> {
  // Decided once per run, first thing, so a run never mixes old and new paths (see ADR 001). Cases
  // started since `fewer-local-activities` make one lookup per approval step, and no registration of
  // their own when the starter allocated the case number (ADR 009); the patch implies
  // `local-db-activities`, which a new run therefore does not ask for: every patch marker also costs
  // the server a search-attribute upsert (TemporalChangeVersion). A case started with an engine
  // revision (ADR 035) asks no patch at all: its start event already says which paths it takes.
  const revision = input.engineRevision ?? 0;
  const lean = revision >= 1 || patched('fewer-local-activities');
  /** The read model records the status; only cases started before revision 1 upsert `CaseStatus`. */
  const upsertStatus = revision < 1;
  /** Revision 2 (ADR 039): an approval step's lookup goes with the projection of the batch opening it. */
  const fold = revision >= 2;
  const activities = lean || patched('local-db-activities') ? localActivities : remoteActivities;
  const state: EngineState = (input.resume as EngineState | undefined) ?? initialState(input);
  const commands: Command[] = [];
  const events: EngineEvent[] = [];
  const timerScopes = new Map<string, CancellationScope>();
  /** Running services and child cases by token, so a return or an end can cancel them. */
  const workScopes = new Map<string, CancellationScope>();
  function runWork(tokenId: string, work: () => Promise<EngineEvent>): void {
    const scope = new CancellationScope();
    workScopes.set(tokenId, scope);
    void scope
      .run(work)
      .then(
        (event) => events.push(event),
        (err: unknown) => {
          if (!scope.consideredCancelled)
            events.push({
              kind: 'service-failed',
              tokenId,
              message: err instanceof Error ? err.message : String(err),
            });
        },
      )
      .finally(() => {
        if (workScopes.get(tokenId) === scope) workScopes.delete(tokenId);
      });
  }
  const now = () => new Date();
  /**
   * Set while a projection batch PostgreSQL refused for good is held (ADR 013): commands are refused,
   * events wait, until an admin retries the batch or terminates the case (`attentionUpdate`).
   */
  let parked: { message: string; since: string; batch: Projection } | null = null;
  let resolving = false;

  const fx: Effects = {
    resolveAssignees: (rule, previousDeciderId) =>
      activities.resolveAssignees({ rule, applicant: state.applicant, data: state.data, previousDeciderId }),
    superiorOf: (userId) => activities.superiorOf(userId),
    applyDelegations: (userIds) => activities.applyDelegations(userIds),
    ...(lean
      ? {
          assignStep: (rule: AssigneeRule, previousDeciderId: string | null, step?: SeparationStep) =>
            activities.assignStep({
              rule,
              applicant: state.applicant,
              data: state.data,
              previousDeciderId,
              ...(step ? { step } : {}),
            }),
        }
      : {}),
    fallbackAssignees: (policy) => activities.fallbackAssignees({ policy, applicant: state.applicant }),
    evaluate(cond) {
      try {
        return evaluateCondition(cond, { data: state.data, applicant: state.applicant });
      } catch (err) {
        // A condition over its limits (ADR 013) refuses the action that reached it, like any other
        // definition error, instead of failing the workflow task on every retry.
        if (err instanceof ConditionError) throw new EngineError('Invalid', err.message);
        throw err;
      }
    },
    patched: (changeId) => patched(changeId),
    startTimer(timer) {
      const scope = new CancellationScope();
      timerScopes.set(timer.id, scope);
      void scope
        .run(() => sleep(Math.max(1, timer.fireAt - Date.now())))
        .then(
          () => events.push({ kind: 'timer', timerId: timer.id }),
          () => undefined, // cancelled: the wait no longer matters
        )
        .finally(() => timerScopes.delete(timer.id));
    },
    cancelTimer(timerId) {
      timerScopes.get(timerId)?.cancel();
    },
    startService(token) {
      const node = state.definition.nodes.find((n) => n.id === token.nodeId);
      if (node?.kind !== 'service') return;
      runWork(token.id, async () => {
        const result = await serviceActivities.runService({
          caseId: state.caseId,
          caseNumber: state.caseNumber,
          nodeId: node.id,
          action: node.action,
          params: node.params ?? {},
          data: state.data,
          applicant: state.applicant,
        });
        return { kind: 'service-done', tokenId: token.id, result };
      });
    },
    startSubprocess(token, childCaseId, processKey, data) {
      runWork(token.id, async () => {
        const definition = await activities.loadDefinition(processKey);
        const child: CaseInput = {
          caseId: childCaseId,
          title: `${state.title} · ${definition.name.zh}`,
          definition,
          applicant: state.applicant,
          data,
          parentCaseId: state.caseId,
          // A child runs on its parent's revision; cases without one start children as they always did.
          ...(revision ? { engineRevision: revision } : {}),
        };
        const view = await executeChild(caseWorkflow, {
          workflowId: caseWorkflowId(childCaseId),
          args: [child],
          // A parent that moves on (returned, withdrawn) cancels its child explicitly; closing must not.
          parentClosePolicy: ParentClosePolicy.ABANDON,
        });
        return { kind: 'subprocess-done', tokenId: token.id, outcome: view.outcome };
      });
    },
    cancelWork(tokenId) {
      workScopes.get(tokenId)?.cancel();
    },
    uuid: () => uuid4(),
    async compensate(step) {
      if (!step.compensation) return;
      await serviceActivities.runService({
        caseId: state.caseId,
        caseNumber: state.caseNumber,
        nodeId: step.nodeId,
        action: step.compensation,
        params: { ...(step.params ?? {}), original: step.result ?? {} },
        data: state.data,
        applicant: state.applicant,
      });
    },
  };

  const view = (): CaseView => ({
    caseId: state.caseId,
    caseNumber: state.caseNumber,
    status: state.status,
    outcome: state.outcome,
    activeNodeIds: state.tokens.map((t) => t.nodeId),
    currentStep: new EngineContext(state, now).currentStep(),
    seq: state.seq,
    ...(parked ? { attention: { message: parked.message, since: parked.since } } : {}),
  });

  /** After a batch is written: readers waiting on `seq` see it, and closed tasks leave the state. */
  function projected(seq: number): void {
    state.seq = seq;
    if (upsertStatus && workflowInfo().typedSearchAttributes.get(caseStatusKey) !== state.status) {
      upsertSearchAttributes([{ key: caseStatusKey, value: state.status }]);
    }
    state.tasks = state.tasks.filter((t) => t.status === 'open' || t.status === 'claimed');
  }

  /** Writes a batch; false when PostgreSQL refused it for good and the case is now parked. */
  async function write(batch: Projection): Promise<boolean> {
    try {
      await activities.project(batch);
      return true;
    } catch (err) {
      const reason = projectionRejected(err);
      // Before this patch `project` retried for ever: no history holds this failure on the old path.
      if (reason === null || !patched(PARK_PATCH)) throw err;
      const since = now().toISOString();
      parked = { message: reason, since, batch };
      await activities.setAttention({ caseId: state.caseId, message: reason, at: since });
      return false;
    }
  }

  /** The batch of a context's changes, numbered `seq`. */
  function batchOf(ctx: EngineContext, seq: number, register?: Projection['register']): Projection {
    return {
      caseId: state.caseId,
      seq,
      case: {
        status: state.status,
        processVersion: state.definition.version,
        outcome: state.outcome,
        currentStep: ctx.currentStep(),
        data: state.data,
        updatedAt: ctx.now().toISOString(),
      },
      tasks: [...ctx.changedTasks.values()],
      timeline: ctx.timeline,
      notifications: ctx.notifications,
      ...(register ? { register } : {}),
    };
  }

  /** Writes one batch of changes to the read model; an update returns only after this. */
  async function flush(ctx: EngineContext, register?: Projection['register']): Promise<void> {
    if (!ctx.hasChanges()) return;
    // `seq` advances only once the batch is written: readers waiting on it see their own writes.
    const seq = state.seq + 1;
    const batch = batchOf(ctx, seq, register);
    if (await write(batch)) projected(seq);
  }

  /**
   * The state as it is, to put back after a refusal or a probe. The definition is kept by reference:
   * nothing changes it in place (a migration replaces it), and it is most of the state's JSON.
   */
  function snapshotOf(): Snapshot {
    return { json: JSON.stringify({ ...state, definition: null }), definition: state.definition };
  }

  /** Puts the state back as a snapshot had it, in place (the handlers hold `state`). */
  function restore(snapshot: Snapshot): void {
    const restored = JSON.parse(snapshot.json) as EngineState;
    restored.definition = snapshot.definition;
    for (const key of Object.keys(state)) delete (state as unknown as Record<string, unknown>)[key];
    Object.assign(state, restored);
  }

  /**
   * Runs one change of the case (a command, an event, the start) and writes its batch. On revision 2
   * an approval step it opens is assigned by the activity that writes the batch (ADR 039): a probe run
   * with the candidates pending, the folded activity, then the real run with its answer.
   */
  async function transact(
    body: (ctx: EngineContext, fx: Effects) => Promise<void>,
    register?: Projection['register'],
    snapshot?: Snapshot,
  ): Promise<void> {
    if (fold && (await folded(body, register, snapshot ?? snapshotOf()))) return;
    const ctx = new EngineContext(state, now);
    await body(ctx, fx);
    await flush(ctx, register);
  }

  /** The folded path; false when the probe gave up and nothing happened (the plain path runs). */
  async function folded(
    body: (ctx: EngineContext, fx: Effects) => Promise<void>,
    register: Projection['register'] | undefined,
    snapshot: Snapshot,
  ): Promise<boolean> {
    // One time for both runs: the real run comes an activation later and must build the same rows.
    const at = now();
    const clock = () => at;
    const probe = probeEffects(fx);
    const first = new EngineContext(state, clock);
    try {
      await body(first, probe.fx);
    } catch {
      // A refusal, or a lookup the probe cannot hold: the plain path runs it again for real.
      restore(snapshot);
      return false;
    }
    const lookup = probe.pending();
    const node = lookup ? state.steps.find((s) => s.queue.includes(PENDING_ASSIGNEE)) : undefined;
    if (!lookup) {
      // Nothing to look up: the probe's run was the real one.
      probe.commit();
      await flush(first, register);
      return true;
    }
    if (!node || !first.hasChanges()) {
      restore(snapshot);
      return false;
    }
    const seq = state.seq + 1;
    const pending: PendingStep = {
      ...lookup,
      nodeId: node.nodeId,
      mode: node.mode as PendingStep['mode'],
      skipDuplicate: state.definition.settings?.skipDuplicateApprover === true,
    };
    const probeBatch = batchOf(first, seq, register);
    restore(snapshot);
    const answer = await activities.assignAndProject({
      pending,
      applicant: state.applicant,
      batch: probeBatch,
    });
    const { projected: written, ...assignment } = answer;
    const second = new EngineContext(state, clock);
    await body(second, answeredEffects(fx, assignment));
    if (!written) {
      await flush(second, register);
      return true;
    }
    const batch = batchOf(second, seq, register);
    // Both sides build the batch from the same rules; a difference would be a bug in `fillAssignment`.
    if (JSON.stringify(batch) !== JSON.stringify(fillAssignment(probeBatch, pending, assignment)))
      log.error('folded batch differs from the real run', { caseId: state.caseId, seq });
    projected(seq);
    return true;
  }

  function remember(id: string, result: EngineState['processed'][string]): void {
    state.processed[id] = result;
    state.processedOrder.push(id);
    while (state.processedOrder.length > KEEP_PROCESSED_UPDATES)
      delete state.processed[state.processedOrder.shift() as string];
  }

  /** Applies one command atomically: on a refusal the state is restored and nothing is projected. */
  async function runCommand(command: Command): Promise<void> {
    const snapshot = snapshotOf();
    try {
      await transact(
        async (ctx, fx) => {
          if (state.status !== 'running')
            throw new EngineError('Conflict', '此案件已结束 / The case has already ended.');
          if (command.kind === 'decide') await decide(ctx, fx, command.input);
          else if (command.kind === 'claim') claim(ctx, command.input);
          else if (command.kind === 'migrate') migrate(ctx, command.input);
          else if (command.kind === 'reassign') handOver(ctx, command.input);
          else if (command.kind === 'retry') retryServices(ctx, fx, command.input);
          else if (command.kind === 'end-wait') endWait(ctx, fx.cancelTimer, command.input);
          else await applicantAction(ctx, fx, command.input);
          await advance(ctx, fx);
        },
        undefined,
        snapshot,
      );
    } catch (err) {
      // Writing the batch throws no EngineError: a refusal always comes before anything is written.
      if (!(err instanceof EngineError)) throw err;
      restore(snapshot);
      remember(command.id, { ok: false, type: err.type, message: err.message });
      return;
    }
    // A parked case holds this command's change with the refused batch: it applies if a retry succeeds.
    remember(command.id, parked ? refusedWhileParked : { ok: true });
  }

  async function submit(command: Command): Promise<CaseView> {
    if (!state.processed[command.id]) commands.push(command);
    await condition(() => state.processed[command.id] !== undefined);
    const result = state.processed[command.id];
    if (result && !result.ok)
      throw ApplicationFailure.create({ type: result.type, message: result.message, nonRetryable: true });
    return view();
  }

  const refusedWhileParked = {
    ok: false,
    type: ENGINE_ERRORS.needsAttention,
    message: PARKED_MESSAGE,
  } as const;
  /** Refuses an Update up front while parked (a repeat of an answered one still gets its answer). */
  const refuseIfParked = () => {
    if (parked && !state.processed[currentUpdateInfo()?.id ?? '']) throw parkedFailure();
  };

  const updateId = () => currentUpdateInfo()?.id ?? `anonymous-${state.nextId}`;
  const alreadyProcessed = () => state.processed[currentUpdateInfo()?.id ?? ''] !== undefined;
  /** Cheap early refusals, before anything is written to history. */
  const validateTask = (taskId: string) => {
    if (alreadyProcessed()) return;
    refuseIfParked();
    if (state.status !== 'running')
      throw ApplicationFailure.create({
        type: 'Conflict',
        message: '此案件已结束 / The case has already ended.',
      });
    if (typeof taskId !== 'string' || taskId.length === 0)
      throw ApplicationFailure.create({ type: 'Invalid', message: 'taskId is required.' });
  };

  setHandler(readyUpdate, async () => {
    await condition(() => state.seq >= 1 || parked !== null);
    if (state.seq < 1) throw parkedFailure();
    return view();
  });
  setHandler(decideUpdate, (d) => submit({ id: updateId(), kind: 'decide', input: d }), {
    validator: (d) => {
      validateTask(d.taskId);
      // Segregation of duties (ADR 011): refused here, before history, so old self-approvals replay.
      const refusal = alreadyProcessed() ? null : ownCaseRefusal(state, d);
      if (refusal) throw ApplicationFailure.create({ type: 'Forbidden', message: refusal });
    },
  });
  setHandler(claimUpdate, (c) => submit({ id: updateId(), kind: 'claim', input: c }), {
    validator: (c) => validateTask(c.taskId),
  });
  setHandler(applicantActionUpdate, (a) => submit({ id: updateId(), kind: 'applicant', input: a }), {
    validator: (_input) => refuseIfParked(),
  });
  setHandler(migrateUpdate, (m) => submit({ id: updateId(), kind: 'migrate', input: m }), {
    validator: (_input) => refuseIfParked(),
  });
  setHandler(reassignUpdate, (r) => submit({ id: updateId(), kind: 'reassign', input: r }), {
    validator: (r) => {
      validateTask(r.taskId);
      const refusal = alreadyProcessed() ? null : handOverRefusal(state, r);
      if (refusal) throw ApplicationFailure.create({ type: 'Invalid', message: refusal });
    },
  });
  setHandler(retryServiceUpdate, (r) => submit({ id: updateId(), kind: 'retry', input: r }), {
    validator: (_input) => refuseIfParked(),
  });
  // A new message, not a change to a path a recorded case took: no patch needed (ADR 024).
  setHandler(endWaitUpdate, (e) => submit({ id: updateId(), kind: 'end-wait', input: e }), {
    validator: (e) => {
      if (alreadyProcessed()) return;
      refuseIfParked();
      if (typeof e?.nodeId !== 'string' || e.nodeId.length === 0 || typeof e.actorId !== 'string')
        throw ApplicationFailure.create({ type: 'Invalid', message: 'nodeId and actorId are required.' });
    },
  });
  setHandler(attentionUpdate, (a) => resolveAttention(a), {
    validator: (a) => {
      if (!parked || resolving)
        throw ApplicationFailure.create({
          type: ENGINE_ERRORS.conflict,
          message: '此案件不在等待管理员处理 / this case is not waiting for an administrator',
        });
      if (a?.action !== 'retry' && a?.action !== 'terminate')
        throw ApplicationFailure.create({
          type: ENGINE_ERRORS.invalid,
          message: 'action must be retry or terminate.',
        });
    },
  });
  setHandler(viewQuery, view);

  /** An admin's answer to a parked case: write the held batch again, or end the case. */
  async function resolveAttention(input: AttentionInput): Promise<CaseView> {
    const held = parked as NonNullable<typeof parked>;
    resolving = true;
    try {
      const at = now().toISOString();
      if (input.action === 'terminate') {
        const reason = input.reason?.trim() || held.message;
        await activities.closeParkedCase({ caseId: state.caseId, actorId: input.actorId, reason, at });
        parked = null;
        state.status = 'terminated';
        state.outcome = 'terminated';
        for (const scope of [...timerScopes.values(), ...workScopes.values()]) scope.cancel();
        if (upsertStatus) upsertSearchAttributes([{ key: caseStatusKey, value: state.status }]);
        return view();
      }
      try {
        await activities.project(held.batch);
      } catch (err) {
        const reason = projectionRejected(err);
        if (reason === null) throw err;
        parked = { ...held, message: reason };
        await activities.setAttention({ caseId: state.caseId, message: reason, at });
        throw ApplicationFailure.create({
          type: ENGINE_ERRORS.conflict,
          message: `重试仍然失败 / the retry failed again: ${reason}`,
          nonRetryable: true,
        });
      }
      await activities.setAttention({ caseId: state.caseId, message: null, at });
      parked = null;
      projected(held.batch.seq);
      return view();
    } finally {
      resolving = false;
    }
  }

  if (input.resume) {
    for (const timer of state.timers) fx.startTimer(timer);
    // Only services can be pending here: continue-as-new waits for child cases to finish.
    for (const tokenId of Object.keys(state.services)) {
      const token = state.tokens.find((t) => t.id === tokenId);
      if (token) fx.startService(token);
    }
  } else {
    const registration: CaseRegistration = {
      caseId: state.caseId,
      title: state.title,
      processKey: state.definition.key,
      processVersion: state.definition.version,
      department: state.definition.department,
      applicantId: state.applicant.userId,
      orgId: state.applicant.orgId,
      data: state.data,
      createdAt: now().toISOString(),
      parentCaseId: input.parentCaseId ?? null,
    };
    // With a number from the starter, the first projection inserts the row (one activity fewer).
    const register = lean && input.caseNumber ? { ...registration, number: input.caseNumber } : undefined;
    const number = register ? register.number : (await activities.registerCase(registration)).number;
    state.caseNumber = number;
    // A starter that allocated the number also set it as a search attribute.
    if (!lean || workflowInfo().typedSearchAttributes.get(caseNumberKey) !== number)
      upsertSearchAttributes([{ key: caseNumberKey, value: number }]);
    await transact(async (ctx, fx) => {
      ctx.caseChanged = true;
      ctx.record('case-started', {
        actorId: state.applicant.userId,
        data: { number, version: state.definition.version },
      });
      state.tokens.push({ id: ctx.newId('t'), nodeId: state.definition.start, scope: [], phase: 'enter' });
      await advance(ctx, fx);
    }, register);
  }

  const historyLimit = state.definition.settings?.continueAsNewAfterEvents ?? DEFAULT_CONTINUE_AS_NEW_AFTER;
  const shouldContinueAsNew = () =>
    (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > historyLimit) &&
    Object.keys(state.services).length === 0;

  while (state.status === 'running') {
    if (parked) {
      await condition(() => parked === null || commands.length > 0 || state.status !== 'running');
      if (parked) for (const held of commands.splice(0)) remember(held.id, refusedWhileParked);
      continue;
    }
    await condition(() => commands.length > 0 || events.length > 0 || shouldContinueAsNew());
    const command = commands.shift();
    if (command) {
      await runCommand(command);
      continue;
    }
    const event = events.shift();
    if (event) {
      await transact(async (ctx, fx) => {
        await handleEvent(ctx, fx, event);
        await advance(ctx, fx);
      });
      continue;
    }
    // Idle with a long history: hand the state to a fresh run once every update has answered.
    await condition(allHandlersFinished);
    if (commands.length === 0 && events.length === 0) {
      await continueAsNew<typeof caseWorkflow>({ ...input, resume: state });
    }
  }
  // Commands that arrived as the case ended are refused, so their callers get an answer.
  while (commands.length > 0) await runCommand(commands.shift() as Command);
  await condition(allHandlersFinished);
  return view();
}
