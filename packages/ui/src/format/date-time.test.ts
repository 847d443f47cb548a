import { describe, expect, it } from 'vitest';
import { formatDateTime, isOverdue } from './date-time';

describe('formatDateTime', () => {
  it('shows Asia/Shanghai time by default', () => {
    expect(formatDateTime('2025-01-01T16:30:00Z')).toBe('2025-01-02 00:30');
    expect(formatDateTime('2025-01-01T16:30:00Z', { dateOnly: true })).toBe('2025-01-02');
  });

  it('honours another zone and keeps bad input visible', () => {
    expect(formatDateTime('2025-01-01T16:30:00Z', { timeZone: 'UTC' })).toBe('2025-01-01 16:30');
    expect(formatDateTime('not a date')).toBe('not a date');
  });

  it('detects overdue tasks', () => {
    const now = new Date('2025-06-01T00:00:00Z');
    expect(isOverdue('2025-05-31T23:59:00Z', now)).toBe(true);
    expect(isOverdue('2025-06-01T00:01:00Z', now)).toBe(false);
    expect(isOverdue(null, now)).toBe(false);
  });
});
