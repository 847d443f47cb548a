import type { CaseDetailDto, TaskDto } from '@unionflow/contracts';

/** Demo people as the API returns them, for the case page's unit tests. */
export const zhangwei = { id: 'u1', username: 'zhangwei', displayName: '张伟' };
export const lina = { id: 'u2', username: 'lina', displayName: '李娜' };

/** An open approval task of zhangwei's simple-approval case, held by lina; tests override what they need. */
export function openTask(over: Partial<TaskDto> = {}): TaskDto {
  return {
    id: 't1',
    caseId: 'c1',
    caseNumber: 'UF1',
    caseTitle: '更换布袋',
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

/** The parts of a running case of zhangwei's that the banner and the urge button read. */
export const runningCase = (tasks: TaskDto[], timeline: CaseDetailDto['timeline'] = []) =>
  ({ status: 'running', applicant: zhangwei, tasks, timeline }) as Pick<
    CaseDetailDto,
    'status' | 'tasks' | 'timeline' | 'applicant'
  >;
