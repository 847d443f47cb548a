import type { CaseDetailDto, TaskDto, TimelineEventDto } from '@unionflow/contracts';
import { describe, expect, it } from 'vitest';
import { caseBanner } from './case-banner';

const zhangwei = { id: 'u1', username: 'zhangwei', displayName: '张伟' };
const lina = { id: 'u2', username: 'lina', displayName: '李娜' };

const task = (over: Partial<TaskDto>): TaskDto => ({
  id: 't1',
  caseId: 'c1',
  caseNumber: 'UF1',
  caseTitle: '更换布袋',
  processKey: 'simple-approval',
  processName: { zh: '简单审批' },
  department: 'innovation',
  nodeId: 'review',
  stepName: { zh: '审批' },
  kind: 'approval',
  status: 'open',
  candidates: [lina],
  assignee: null,
  form: [],
  createdAt: '2026-12-01T02:00:00Z',
  dueAt: null,
  applicant: zhangwei,
  ...over,
});
const returned = (at: string, comment: string): TimelineEventDto => ({
  id: at,
  at,
  type: 'returned',
  actor: lina,
  onBehalfOf: null,
  nodeId: 'review',
  stepName: { zh: '审批' },
  comment,
  data: { to: 'applicant' },
});
const detail = (tasks: TaskDto[], timeline: TimelineEventDto[] = []) =>
  ({ status: 'running', applicant: zhangwei, tasks, timeline }) as Pick<
    CaseDetailDto,
    'status' | 'tasks' | 'timeline' | 'applicant'
  >;

describe('caseBanner', () => {
  it('after submitting, says who has the case', () => {
    expect(caseBanner(detail([task({})]), 'u1', true)).toEqual({ kind: 'submitted', holders: [lina] });
    expect(caseBanner(detail([task({})]), 'u1', false)).toBeNull();
  });

  it('tells the applicant who returned the case and why (the latest return)', () => {
    const back = detail(
      [task({ kind: 'applicant-task', nodeId: '__applicant__', candidates: [zhangwei] })],
      [returned('2026-12-01T03:00:00Z', '第一次'), returned('2026-12-02T03:00:00Z', '请补充预算')],
    );
    expect(caseBanner(back, 'u1', false)).toEqual({ kind: 'returned', by: lina, reason: '请补充预算' });
    // Only the applicant, and only while the case waits on them.
    expect(caseBanner(back, 'u2', false)).toBeNull();
    expect(caseBanner({ ...back, tasks: [task({})] }, 'u1', false)).toBeNull();
  });
});
