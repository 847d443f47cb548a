import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';
import {
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  continueAsNew,
  currentUpdateInfo,
  executeChild,
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
import { type AssigneeRule, evaluateCondition } from '@unionflow/process-model/runtime';
import type { CaseActivities } from './activities';
import { caseWorkflowId, SEARCH_ATTRIBUTES } from './constants';
import { advance } from './engine/advance';
import { applicantAction } from './engine/applicant-actions';
import { claim, decide, handOver } from './engine/decisions';
import type { Effects } from './engine/effects';
import { handleEvent } from './engine/events';
import { migrate, retryServices } from './engine/migrate';
import type { CaseRegistration, Projection } from './engine/records';
import { EngineContext, EngineError, type EngineEvent } from './engine/runtime';
import { type EngineState, initialState } from './engine/state';
import {
  type ApplicantActionInput,
  applicantActionUpdate,
  type CaseInput,
  type CaseView,
  type ClaimInput,
  claimUpdate,
  type DecisionInput,
  decideUpdate,
  type MigrationInput,
  migrateUpdate,
  type ReassignInput,
  type RetryServiceInput,
  readyUpdate,
  reassignUpdate,
  retryServiceUpdate,
  viewQuery,
} from './messages';

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

type Command =
  | { id: string; kind: 'decide'; input: DecisionInput }
  | { id: string; kind: 'claim'; input: ClaimInput }
  | { id: string; kind: 'applicant'; input: ApplicantActionInput }
  | { id: string; kind: 'migrate'; input: MigrationInput }
  | { id: string; kind: 'reassign'; input: ReassignInput }
  | { id: string; kind: 'retry'; input: RetryServiceInput };

/** The one workflow that interprets every process definition. */
export async function caseWorkflow(input: CaseInput): Promise<CaseView> {
  // Decided once per run, first thing, so a run never mixes old and new paths (see ADR 001). Cases
  // started since `fewer-local-activities` make one lookup per approval step, and no registration of
  // their own when the starter allocated the case number (ADR 009); the patch implies
  // `local-db-activities`, which a new run therefore does not ask for: every patch marker also costs
  // the server a search-attribute upsert (TemporalChangeVersion).
  const lean = patched('fewer-local-activities');
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

  const fx: Effects = {
    resolveAssignees: (rule, previousDeciderId) =>
      activities.resolveAssignees({ rule, applicant: state.applicant, data: state.data, previousDeciderId }),
    superiorOf: (userId) => activities.superiorOf(userId),
    applyDelegations: (userIds) => activities.applyDelegations(userIds),
    ...(lean
      ? {
          assignStep: (rule: AssigneeRule, previousDeciderId: string | null) =>
            activities.assignStep({ rule, applicant: state.applicant, data: state.data, previousDeciderId }),
        }
      : {}),
    fallbackAssignees: (policy) => activities.fallbackAssignees({ policy, applicant: state.applicant }),
    evaluate: (cond) => evaluateCondition(cond, { data: state.data, applicant: state.applicant }),
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
  });

  /** Writes one batch of changes to the read model; an update returns only after this. */
  async function flush(ctx: EngineContext, register?: Projection['register']): Promise<void> {
    if (!ctx.hasChanges()) return;
    // `seq` advances only once the batch is written: readers waiting on it see their own writes.
    const seq = state.seq + 1;
    await activities.project({
      caseId: state.caseId,
      seq,
      case: {
        status: state.status,
        processVersion: state.definition.version,
        outcome: state.outcome,
        currentStep: ctx.currentStep(),
        data: state.data,
        updatedAt: now().toISOString(),
      },
      tasks: [...ctx.changedTasks.values()],
      timeline: ctx.timeline,
      notifications: ctx.notifications,
      ...(register ? { register } : {}),
    });
    state.seq = seq;
    if (workflowInfo().typedSearchAttributes.get(caseStatusKey) !== state.status) {
      upsertSearchAttributes([{ key: caseStatusKey, value: state.status }]);
    }
    state.tasks = state.tasks.filter((t) => t.status === 'open' || t.status === 'claimed');
  }

  function remember(id: string, result: EngineState['processed'][string]): void {
    state.processed[id] = result;
    state.processedOrder.push(id);
    while (state.processedOrder.length > KEEP_PROCESSED_UPDATES)
      delete state.processed[state.processedOrder.shift() as string];
  }

  /** Applies one command atomically: on a refusal the state is restored and nothing is projected. */
  async function runCommand(command: Command): Promise<void> {
    const snapshot = JSON.stringify(state);
    const ctx = new EngineContext(state, now);
    try {
      if (state.status !== 'running') throw new EngineError('Conflict', 'The case has already ended.');
      if (command.kind === 'decide') await decide(ctx, fx, command.input);
      else if (command.kind === 'claim') claim(ctx, command.input);
      else if (command.kind === 'migrate') migrate(ctx, command.input);
      else if (command.kind === 'reassign') handOver(ctx, command.input);
      else if (command.kind === 'retry') retryServices(ctx, fx, command.input);
      else await applicantAction(ctx, fx, command.input);
      await advance(ctx, fx);
    } catch (err) {
      if (!(err instanceof EngineError)) throw err;
      const restored = JSON.parse(snapshot) as EngineState;
      for (const key of Object.keys(state)) delete (state as unknown as Record<string, unknown>)[key];
      Object.assign(state, restored);
      remember(command.id, { ok: false, type: err.type, message: err.message });
      return;
    }
    await flush(ctx);
    remember(command.id, { ok: true });
  }

  async function submit(command: Command): Promise<CaseView> {
    if (!state.processed[command.id]) commands.push(command);
    await condition(() => state.processed[command.id] !== undefined);
    const result = state.processed[command.id];
    if (result && !result.ok)
      throw ApplicationFailure.create({ type: result.type, message: result.message, nonRetryable: true });
    return view();
  }

  const updateId = () => currentUpdateInfo()?.id ?? `anonymous-${state.nextId}`;
  /** Cheap early refusals, before anything is written to history. */
  const validateTask = (taskId: string) => {
    if (state.processed[currentUpdateInfo()?.id ?? '']) return;
    if (state.status !== 'running')
      throw ApplicationFailure.create({ type: 'Conflict', message: 'The case has already ended.' });
    if (typeof taskId !== 'string' || taskId.length === 0)
      throw ApplicationFailure.create({ type: 'Invalid', message: 'taskId is required.' });
  };

  setHandler(readyUpdate, async () => {
    await condition(() => state.seq >= 1);
    return view();
  });
  setHandler(decideUpdate, (d) => submit({ id: updateId(), kind: 'decide', input: d }), {
    validator: (d) => validateTask(d.taskId),
  });
  setHandler(claimUpdate, (c) => submit({ id: updateId(), kind: 'claim', input: c }), {
    validator: (c) => validateTask(c.taskId),
  });
  setHandler(applicantActionUpdate, (a) => submit({ id: updateId(), kind: 'applicant', input: a }));
  setHandler(migrateUpdate, (m) => submit({ id: updateId(), kind: 'migrate', input: m }));
  setHandler(reassignUpdate, (r) => submit({ id: updateId(), kind: 'reassign', input: r }), {
    validator: (r) => validateTask(r.taskId),
  });
  setHandler(retryServiceUpdate, (r) => submit({ id: updateId(), kind: 'retry', input: r }));
  setHandler(viewQuery, view);

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
    const ctx = new EngineContext(state, now);
    ctx.caseChanged = true;
    ctx.record('case-started', {
      actorId: state.applicant.userId,
      data: { number, version: state.definition.version },
    });
    state.tokens.push({ id: ctx.newId('t'), nodeId: state.definition.start, scope: [], phase: 'enter' });
    await advance(ctx, fx);
    await flush(ctx, register);
  }

  const historyLimit = state.definition.settings?.continueAsNewAfterEvents ?? DEFAULT_CONTINUE_AS_NEW_AFTER;
  const shouldContinueAsNew = () =>
    (workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > historyLimit) &&
    Object.keys(state.services).length === 0;

  while (state.status === 'running') {
    await condition(() => commands.length > 0 || events.length > 0 || shouldContinueAsNew());
    const command = commands.shift();
    if (command) {
      await runCommand(command);
      continue;
    }
    const event = events.shift();
    if (event) {
      const ctx = new EngineContext(state, now);
      await handleEvent(ctx, fx, event);
      await advance(ctx, fx);
      await flush(ctx);
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
