import { describe, expect, it } from 'vitest';
import { byDaysLeft, mediationCountdown } from './mediation-deadline';

describe('mediation countdown', () => {
  it('runs 15 days from the day the request was received', () => {
    const { deadline, daysLeft } = mediationCountdown(
      '2026-03-02T08:00:00Z',
      new Date('2026-03-10T08:00:00Z'),
    );
    expect(deadline.toISOString()).toBe('2026-03-17T08:00:00.000Z');
    expect(daysLeft).toBe(7);
    expect(mediationCountdown('2026-03-02T08:00:00Z', new Date('2026-03-18T08:00:00Z')).daysLeft).toBe(-1);
  });

  it('lists the disputes whose limit ends first at the top', () => {
    const cases = [
      { id: 'late', createdAt: '2026-03-05T08:00:00Z' },
      { id: 'early', createdAt: '2026-03-01T08:00:00Z' },
      { id: 'middle', createdAt: '2026-03-03T08:00:00Z' },
    ];
    expect(byDaysLeft(cases).map((c) => c.id)).toEqual(['early', 'middle', 'late']);
  });
});
