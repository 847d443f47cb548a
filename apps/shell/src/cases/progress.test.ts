import type { CaseDetailDto, TaskDto } from '@unionflow/contracts';
import { describe, expect, it } from 'vitest';
import { buildProgress, durationMs, holdersOf, runningClocks } from './progress';

const lina = { id: 'u2', username: 'lina', displayName: '李娜' };
const wangfang = { id: 'u3', username: 'wangfang', displayName: '王芳' };
const zhangwei = { id: 'u1', username: 'zhangwei', displayName: '张伟' };

function task(over: Partial<TaskDto>): TaskDto {
  return {
    id: 't1',
    caseId: 'c1',
    caseNumber: 'CX-1',
    caseTitle: '节能改造',
    processKey: 'innovation-proposal',
    processName: { zh: '创新提案' },
    department: 'innovation',
    applicant: { id: 'u-zhangwei', username: 'zhangwei', displayName: '张伟' },
    nodeId: 'review',
    stepName: { zh: '基层评审' },
    kind: 'approval',
    status: 'open',
    candidates: [lina, wangfang],
    assignee: null,
    form: [],
    createdAt: '2025-03-01T02:00:00Z',
    dueAt: null,
    ...over,
  };
}

const base: Pick<CaseDetailDto, 'status' | 'tasks' | 'timeline' | 'predictedPath'> = {
  status: 'running',
  tasks: [task({})],
  timeline: [
    {
      id: 'e2',
      at: '2025-03-01T02:00:00Z',
      type: 'task.created',
      actor: null,
      onBehalfOf: null,
      nodeId: 'review',
      stepName: { zh: '基层评审' },
      comment: null,
      data: null,
    },
    {
      id: 'e1',
      at: '2025-03-01T01:00:00Z',
      type: 'case.started',
      actor: zhangwei,
      onBehalfOf: null,
      nodeId: 'submit',
      stepName: { zh: '提交' },
      comment: null,
      data: null,
    },
  ],
  predictedPath: [
    { nodeId: 'review', kind: 'approval', name: { zh: '基层评审' }, assignees: [lina] },
    { nodeId: 'committee', kind: 'approval', name: { zh: '市总评审' }, assignees: [wangfang] },
  ],
};

describe('buildProgress', () => {
  it('lists done steps, the current holders, then what comes next', () => {
    const steps = buildProgress(base);
    expect(steps.map((s) => [s.nodeId, s.state])).toEqual([
      ['submit', 'done'],
      ['review', 'current'],
      ['committee', 'next'],
    ]);
    expect(steps[0]!.people).toEqual([zhangwei]);
    expect(steps[1]!.people).toEqual([lina, wangfang]);
  });

  it('shows the assignee once claimed and nothing ahead when the case ended', () => {
    expect(
      buildProgress({ ...base, tasks: [task({ status: 'claimed', assignee: lina })] })[1]!.people,
    ).toEqual([lina]);
    const ended = buildProgress({ ...base, status: 'completed', tasks: [task({ status: 'completed' })] });
    expect(ended.every((s) => s.state === 'done')).toBe(true);
  });

  it('shows a case waiting on a timer at that node, not past it', () => {
    const waiting = buildProgress({
      ...base,
      tasks: [task({ status: 'completed' })],
      currentNodeIds: ['yearly-wait'],
      timeline: [
        ...base.timeline,
        {
          id: 'e3',
          at: '2025-03-02T01:00:00Z',
          type: 'timer-started',
          actor: null,
          onBehalfOf: null,
          nodeId: 'yearly-wait',
          stepName: { zh: '在档（等待年度复核）' },
          comment: null,
          data: null,
        },
      ],
      predictedPath: [{ nodeId: 'reverify', kind: 'approval', name: { zh: '年度复核' }, assignees: [lina] }],
    });
    expect(waiting.map((s) => [s.nodeId, s.state])).toEqual([
      ['submit', 'done'],
      ['review', 'done'],
      ['yearly-wait', 'current'],
      ['reverify', 'next'],
    ]);
    expect(waiting[2]).toMatchObject({ people: [], at: '2025-03-02T01:00:00Z' });
  });

  it('names holders for display', () => {
    expect(holdersOf(task({}))).toBe('李娜、王芳');
    expect(holdersOf(task({ assignee: lina }))).toBe('李娜');
  });
});

describe('durations', () => {
  it('reads durations', () => {
    expect(durationMs('4h')).toBe(4 * 3_600_000);
    expect(durationMs('soon')).toBeNull();
  });
});

describe('runningClocks', () => {
  it('shows a clock running beside an open task (the 15-day mediation limit) with its end', () => {
    const clock = (type: string, at: string, fireAt?: string) => ({
      id: `${type}-${at}`,
      at,
      type,
      actor: null,
      onBehalfOf: null,
      nodeId: 'limit-warning-wait',
      stepName: { zh: '法定期限（预警前）' },
      comment: null,
      data: fireAt ? { fireAt } : {},
    });
    const started = clock('timer-started', '2025-03-01T01:00:00Z', '2025-03-13T01:00:00Z');
    const detail = { ...base, timeline: [...base.timeline, started] };
    expect(runningClocks(detail)).toEqual([
      {
        nodeId: 'limit-warning-wait',
        name: { zh: '法定期限（预警前）' },
        startedAt: '2025-03-01T01:00:00Z',
        until: '2025-03-13T01:00:00Z',
      },
    ]);
    const current = buildProgress(detail).filter((p) => p.state === 'current');
    expect(current.map((p) => [p.nodeId, p.until])).toEqual([
      ['review', undefined],
      ['limit-warning-wait', '2025-03-13T01:00:00Z'],
    ]);
    const fired = { ...detail, timeline: [...detail.timeline, clock('timer-fired', '2025-03-13T01:00:01Z')] };
    expect(runningClocks(fired)).toEqual([]);
    expect(runningClocks({ ...detail, status: 'completed' })).toEqual([]);
  });

  it('stops the clock when a re-check campaign ends the wait early', () => {
    const at = (type: string, when: string, data: Record<string, unknown>) => ({
      id: `${type}-${when}`,
      at: when,
      type,
      actor: null,
      onBehalfOf: null,
      nodeId: 'yearly-wait',
      stepName: { zh: '在档（等待年度复核）' },
      comment: null,
      data,
    });
    const waiting = {
      ...base,
      timeline: [
        ...base.timeline,
        at('timer-started', '2026-03-01T01:00:00Z', { fireAt: '2027-03-01T01:00:00Z' }),
      ],
    };
    expect(runningClocks(waiting)).toHaveLength(1);
    const ended = at('wait-ended-early', '2026-12-01T01:00:00Z', { campaignId: 'k1' });
    expect(runningClocks({ ...waiting, timeline: [...waiting.timeline, ended] })).toEqual([]);
  });
});
