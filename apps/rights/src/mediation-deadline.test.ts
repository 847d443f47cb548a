import { describe, expect, it } from 'vitest';
import { mediationCountdown, mediationStartedAt } from './mediation-deadline';

describe('mediation countdown', () => {
  it('starts when the first mediation step opens and runs 15 days', () => {
    const started = mediationStartedAt([
      { type: 'step-opened', nodeId: 'intake', at: '2026-03-01T08:00:00Z' },
      { type: 'step-opened', nodeId: 'consent', at: '2026-03-02T08:00:00Z' },
      { type: 'step-opened', nodeId: 'consent', at: '2026-03-05T08:00:00Z' },
    ]);
    expect(started).toBe('2026-03-02T08:00:00Z');
    const { deadline, daysLeft } = mediationCountdown(started!, new Date('2026-03-10T08:00:00Z'));
    expect(deadline.toISOString()).toBe('2026-03-17T08:00:00.000Z');
    expect(daysLeft).toBe(7);
    expect(mediationCountdown(started!, new Date('2026-03-18T08:00:00Z')).daysLeft).toBe(-1);
  });

  it('has no start before intake is done', () => {
    expect(
      mediationStartedAt([{ type: 'step-opened', nodeId: 'intake', at: '2026-03-01T08:00:00Z' }]),
    ).toBeNull();
  });
});
