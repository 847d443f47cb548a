import {
  APPROVAL_MODE_NAMES,
  type ApprovalMode,
  type ProcessDefinition,
} from '@unionflow/process-model/runtime';
import { describe, expect, it } from 'vitest';
import type { StepAssignment } from '../activities';
import { advance } from './advance';
import type { Effects } from './effects';
import { answeredEffects, fillAssignment, type PendingStep, probeEffects } from './fold';
import type { Projection } from './records';
import { EngineContext } from './runtime';
import { initialState } from './state';

const at = new Date('2026-12-07T02:00:00.000Z');

function definition(mode: ApprovalMode, settings?: ProcessDefinition['settings']): ProcessDefinition {
  return {
    key: 'fold',
    version: 1,
    name: { zh: '合并查找' },
    department: 'innovation',
    form: [],
    start: 'review',
    ...(settings ? { settings } : {}),
    nodes: [
      {
        id: 'review',
        kind: 'approval',
        name: { zh: '审核' },
        assignee: { kind: 'role', role: 'innovation-reviewer', scope: 'nearest' },
        mode,
        deadline: { due: '3d', remindBefore: '1d' },
        next: 'done',
      },
      { id: 'done', kind: 'end', name: { zh: '通过' }, outcome: 'approved' },
    ],
  };
}

/** Effects of a host with no history: timers and work are recorded, nothing else happens. */
function host(calls: string[]): Effects {
  const none = async () => [] as string[];
  return {
    resolveAssignees: none,
    superiorOf: none,
    fallbackAssignees: async () => ['u-admin'],
    applyDelegations: async (userIds) => ({ userIds, onBehalfOf: {} }),
    assignStep: async () => {
      throw new Error('the real run must take the folded answer');
    },
    evaluate: () => true,
    startTimer: (t) => void calls.push(`start ${t.id}`),
    cancelTimer: (id) => void calls.push(`cancel ${id}`),
    startService: () => undefined,
    startSubprocess: () => undefined,
    cancelWork: () => undefined,
    uuid: () => 'uuid',
    compensate: async () => undefined,
  };
}

function batchOf(ctx: EngineContext): Projection {
  return {
    caseId: ctx.state.caseId,
    seq: 1,
    case: {
      status: ctx.state.status,
      processVersion: 1,
      outcome: ctx.state.outcome,
      currentStep: ctx.currentStep(),
      data: ctx.state.data,
      updatedAt: at.toISOString(),
    },
    tasks: [...ctx.changedTasks.values()],
    timeline: ctx.timeline,
    notifications: ctx.notifications,
  };
}

/** Runs the start as the workflow's folded path does, and as the plain path would with `assignment`. */
async function both(def: ProcessDefinition, assignment: StepAssignment) {
  const input = {
    caseId: 'c1',
    title: '申请',
    definition: def,
    applicant: { userId: 'u-a', orgId: 'o' },
    data: {},
  };
  const start = async (ctx: EngineContext, fx: Effects) => {
    ctx.state.tokens.push({ id: ctx.newId('t'), nodeId: def.start, scope: [], phase: 'enter' });
    await advance(ctx, fx);
  };
  const probeCalls: string[] = [];
  const probe = probeEffects(host(probeCalls));
  const probeCtx = new EngineContext(initialState(input), () => at);
  await start(probeCtx, probe.fx);
  const lookup = probe.pending();
  const run = probeCtx.state.steps[0];
  if (!lookup || !run) throw new Error('the probe opened no step');
  const pending: PendingStep = {
    ...lookup,
    nodeId: run.nodeId,
    mode: run.mode as ApprovalMode,
    skipDuplicate: def.settings?.skipDuplicateApprover === true,
  };
  const filled = fillAssignment(batchOf(probeCtx), pending, assignment);
  const realCalls: string[] = [];
  const realCtx = new EngineContext(initialState(input), () => at);
  await start(realCtx, answeredEffects(host(realCalls), assignment));
  return { filled, real: batchOf(realCtx), probeCalls, realCalls, pending };
}

const plain = (userIds: string[]): StepAssignment => ({ candidates: userIds, userIds, onBehalfOf: {} });

describe('folded step assignment (ADR 039)', () => {
  // Every declared mode, with one to three candidates: the fill is either exactly the real run's batch,
  // or refused (the workflow then writes the real batch itself). Never a different batch.
  const cases = APPROVAL_MODE_NAMES.flatMap((mode) =>
    [['u-1'], ['u-1', 'u-2'], ['u-1', 'u-2', 'u-3']].map((users) => [mode, users] as const),
  );
  it.each(cases)(
    'fills a %s step for %j exactly as the real run builds it, or not at all',
    async (mode, users) => {
      const { filled, real, probeCalls, realCalls, pending } = await both(
        definition(mode),
        plain([...users]),
      );
      const expected = mode === 'single' || mode === 'sequential' || users.length === 1;
      expect(filled === null ? null : 'filled').toBe(expected ? 'filled' : null);
      if (filled) expect(filled).toEqual(real);
      expect(pending.rule).toEqual({ kind: 'role', role: 'innovation-reviewer', scope: 'nearest' });
      // The probe held its timers back; the real run starts them.
      expect(probeCalls).toEqual([]);
      expect(realCalls.length).toBeGreaterThan(0);
    },
  );

  it.each([
    ['nobody found', 'single', plain([])],
    ['several signers, one task each', 'all', plain(['u-1', 'u-2'])],
    ['several signers, any one of them', 'any', plain(['u-1', 'u-2'])],
    ['a delegation', 'single', { candidates: ['u-1'], userIds: ['u-9'], onBehalfOf: { 'u-9': 'u-1' } }],
    [
      'the applicant separated',
      'single',
      { ...plain(['u-1']), separation: { outcome: 'removed' as const, policy: 'exclude', note: 'x' } },
    ],
  ] as const)('leaves the batch to the workflow when %s', async (_name, mode, assignment) => {
    const { filled } = await both(definition(mode), assignment as StepAssignment);
    expect(filled).toBeNull();
  });

  it('leaves a lone candidate who decided the last step to the workflow when duplicates are skipped', () => {
    const pending: PendingStep = {
      nodeId: 'review',
      mode: 'single',
      rule: { kind: 'role', role: 'r', scope: 'nearest' },
      previousDeciderId: 'u-1',
      skipDuplicate: true,
    };
    const batch = { tasks: [], timeline: [], notifications: [] } as unknown as Projection;
    expect(fillAssignment(batch, pending, plain(['u-1']))).toBeNull();
  });

  it('aborts the probe on a second lookup', async () => {
    const probe = probeEffects(host([]));
    const rule = { kind: 'role', role: 'r', scope: 'nearest' } as const;
    await probe.fx.assignStep?.(rule, null);
    await expect(probe.fx.assignStep?.(rule, null)).rejects.toThrow();
    await expect(probe.fx.resolveAssignees(rule, null)).rejects.toThrow();
  });
});
