import { describe, expect, it } from 'vitest';
import { beijingDay, type EstimateInput, estimateFinish, runningWaits } from './finish-estimate';

const DAY = 86_400_000;
const review = { zh: '基层审核', en: 'Review' };
const committee = { zh: '委员会审核', en: 'Committee' };
const base: EstimateInput = {
  status: 'running',
  open: [
    { nodeId: 'review', name: review, createdAt: '2026-03-01T02:00:00Z', dueAt: '2026-03-04T02:00:00Z' },
  ],
  waits: [],
  predicted: [
    { nodeId: 'committee', kind: 'approval', name: committee, due: '5d' },
    { nodeId: 'pay', kind: 'service', name: { zh: '发放' } },
    { nodeId: 'approved', kind: 'end', name: { zh: '通过' } },
  ],
  medians: new Map(),
  today: '2026-03-01',
};

describe('预计办结', () => {
  it('adds the later steps’ time limits to the open step’s deadline, as a Beijing day', () => {
    expect(estimateFinish(base)).toEqual({ finishDay: '2026-03-09', basis: 'deadlines' });
  });

  it('uses measured medians where a step has history, counted from when the open step opened', () => {
    const medians = new Map([
      ['review', 1 * DAY],
      ['committee', 2 * DAY],
    ]);
    expect(estimateFinish({ ...base, medians })).toEqual({ finishDay: '2026-03-04', basis: 'history' });
  });

  it('does not move with the clock: the same stored times give the same day, never before today', () => {
    const first = estimateFinish(base);
    expect(estimateFinish(base)).toEqual(first);
  });

  it('counts the later steps from today when the open step is overdue, and names that step', () => {
    // Due 03-04; on 03-20 it can end today at the earliest, then the committee's 5 days follow.
    expect(estimateFinish({ ...base, today: '2026-03-20' })).toEqual({
      finishDay: '2026-03-25',
      basis: 'deadlines',
      lateStep: review,
    });
  });

  it('says why when it cannot: a wait on a notice with its end, or a step with no limit and no history', () => {
    const notice = { nodeId: 'notice', name: { zh: '公示' }, until: '2026-12-20T01:00:00Z' };
    expect(estimateFinish({ ...base, open: [], waits: [notice] })).toEqual({
      finishDay: null,
      waiting: { step: { zh: '公示' }, until: '2026-12-20T01:00:00Z' },
    });
    const unlimited = [{ nodeId: 'committee', kind: 'approval', name: committee }];
    expect(estimateFinish({ ...base, predicted: unlimited })).toEqual({
      finishDay: null,
      unknownStep: committee,
    });
    expect(estimateFinish({ ...base, status: 'completed' })).toEqual({ finishDay: null });
  });

  it('finds the timers and notices running now in the timeline', () => {
    const e = (type: string, node: string, data: unknown = null) => ({
      type,
      node_id: node,
      step_name: { zh: node },
      data,
    });
    expect(
      runningWaits([
        e('timer-started', 'cooling', { fireAt: '2026-03-02T00:00:00Z' }),
        e('timer-fired', 'cooling'),
        e('notice-published', 'notice', { until: '2026-03-09T00:00:00Z' }),
      ]),
    ).toEqual([{ nodeId: 'notice', name: { zh: 'notice' }, until: '2026-03-09T00:00:00Z' }]);
  });

  it('reads days in Beijing', () => {
    expect(beijingDay(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
  });
});
