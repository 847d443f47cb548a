import type { CaseDetailDto, TaskDto, TimelineEventDto } from '@unionflow/contracts';
import { describe, expect, it } from 'vitest';
import { urgeState } from './urge-state';

const zhangwei = { id: 'u1', username: 'zhangwei', displayName: '张伟' };
const lina = { id: 'u2', username: 'lina', displayName: '李娜' };

function task(over: Partial<TaskDto>): TaskDto {
  return {
    id: 't1',
    caseId: 'c1',
    caseNumber: 'CX-1',
    caseTitle: '节能改造',
    processKey: 'simple-approval',
    processName: { zh: '简单审批' },
    department: 'innovation',
    applicant: zhangwei,
    nodeId: 'review',
    stepName: { zh: '审批' },
    kind: 'approval',
    status: 'open',
    candidates: [lina],
    assignee: null,
    form: [],
    createdAt: '2026-12-01T02:00:00Z',
    dueAt: null,
    ...over,
  };
}

function urged(at: string, nodeId: string | null): TimelineEventDto {
  return {
    id: at,
    at,
    type: 'urged',
    actor: zhangwei,
    onBehalfOf: null,
    nodeId,
    stepName: null,
    comment: null,
    data: {},
  };
}

const detail = (tasks: TaskDto[], timeline: TimelineEventDto[] = []) =>
  ({ status: 'running', applicant: zhangwei, tasks, timeline }) as Pick<
    CaseDetailDto,
    'status' | 'tasks' | 'timeline' | 'applicant'
  >;
const now = new Date('2026-12-06T12:00:00Z');

describe('urgeState', () => {
  it('offers 催办 while a reviewer holds the step', () => {
    expect(urgeState(detail([task({})]), now)).toEqual({ kind: 'ready' });
  });

  it('hides it when only the applicant holds the case, or nothing is open', () => {
    expect(urgeState(detail([task({ kind: 'applicant-task', candidates: [zhangwei] })]), now).kind).toBe(
      'hidden',
    );
    expect(urgeState(detail([task({ candidates: [zhangwei] })]), now).kind).toBe('hidden');
    expect(urgeState(detail([task({ status: 'completed' })]), now).kind).toBe('hidden');
    expect(urgeState({ ...detail([task({})]), status: 'completed' }, now).kind).toBe('hidden');
  });

  it('says when a step urged in the last day may be urged again', () => {
    expect(urgeState(detail([task({})], [urged('2026-12-06T02:00:00Z', 'review')]), now)).toEqual({
      kind: 'urged',
      againAt: new Date('2026-12-07T02:00:00Z'),
    });
  });

  it('offers it again after a day, or at once on a new step', () => {
    expect(urgeState(detail([task({})], [urged('2026-12-05T11:00:00Z', 'review')]), now).kind).toBe('ready');
    expect(urgeState(detail([task({})], [urged('2026-12-06T11:00:00Z', 'grassroots')]), now).kind).toBe(
      'ready',
    );
  });
});
