import type { TimelineEventDto } from '@unionflow/contracts';
import { describe, expect, it } from 'vitest';
import { caseBanner } from './case-banner';
import { runningCase as detail, lina, openTask as task, zhangwei } from './case-test-fixtures';

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
