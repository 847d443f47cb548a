import { describe, expect, it } from 'vitest';
import {
  APPLICANT_ACTIONS,
  APPROVAL_MODES,
  CASE_STATUSES,
  EMPTY_ASSIGNEE_POLICIES,
  FIELD_TYPES,
  isCalendarDate,
  type Label,
  labelsIn,
  NODE_KINDS,
  REVIEWER_ACTIONS,
  TASK_KINDS,
  TASK_STATUSES,
  TIMELINE_EVENTS,
} from './catalog';

const labelOf = (entry: Label | { label: Label }): Label => ('label' in entry ? entry.label : entry);

/** Every vocabulary in the catalog; a new one is added here too. */
const tables: Record<string, Record<string, Label | { label: Label }>> = {
  REVIEWER_ACTIONS,
  APPLICANT_ACTIONS,
  CASE_STATUSES,
  TASK_STATUSES,
  TASK_KINDS,
  FIELD_TYPES,
  NODE_KINDS,
  TIMELINE_EVENTS,
  APPROVAL_MODES,
  EMPTY_ASSIGNEE_POLICIES,
};

describe('the catalog', () => {
  it.each(Object.entries(tables))('%s: every entry has a label in Chinese and in English', (_, table) => {
    for (const [name, entry] of Object.entries(table)) {
      const label = labelOf(entry);
      expect(label.zh.trim(), `${name} zh`).not.toBe('');
      expect(label.en.trim(), `${name} en`).not.toBe('');
      // Chinese labels are Chinese: an English word left in the zh slot is a missing translation.
      expect(label.zh, `${name} zh`).toMatch(/[\u4e00-\u9fff]/);
      expect(label.zh, `${name} zh differs from en`).not.toBe(label.en);
    }
  });

  it('every reviewer action says what it is aimed at, and only person-aimed actions take a position', () => {
    for (const [name, spec] of Object.entries(REVIEWER_ACTIONS)) {
      expect(['user', 'step', 'none'], name).toContain(spec.target);
      if (spec.positioned) expect(spec.target, name).toBe('user');
      expect(spec.usedBy, name).toBe('reviewer');
    }
    for (const spec of Object.values(APPLICANT_ACTIONS)) expect(spec.usedBy).toBe('applicant');
  });

  it('every field type has a validator that accepts a value of its kind', () => {
    const samples: Record<keyof typeof FIELD_TYPES, unknown> = {
      text: '文字',
      textarea: '多行\n文字',
      number: 1.5,
      money: 12_000,
      date: '2026-03-01',
      select: 'deep',
      boolean: false,
      user: 'wangfang',
      file: 'file-1',
    };
    for (const [type, spec] of Object.entries(FIELD_TYPES))
      expect(spec.check(samples[type as keyof typeof FIELD_TYPES]), type).toBeNull();
  });

  it('a date is a real calendar date written YYYY-MM-DD', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const wrong of ['2026-02-30', '2026-13-01', '2026-3-1', '下周吧', '2026-03-01T00:00:00Z', 20260301])
      expect(isCalendarDate(wrong), String(wrong)).toBe(false);
    expect(FIELD_TYPES.date.check('2026-02-30')?.en).toContain('YYYY-MM-DD');
  });

  it('labelsIn gives one language, keyed like the table', () => {
    expect(labelsIn(TASK_STATUSES, 'en')).toEqual({
      open: 'Open',
      claimed: 'Claimed',
      completed: 'Done',
      cancelled: 'Cancelled',
    });
    expect(labelsIn(REVIEWER_ACTIONS, 'zh')['remove-signer']).toBe('减签');
  });
});
