import type { TimelineEventDto } from '@unionflow/contracts';
import { describe, expect, it } from 'vitest';
import { runningCase as detail, openTask as task, zhangwei } from './case-test-fixtures';
import { urgeState } from './urge-state';

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
