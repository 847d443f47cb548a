import { describe, expect, it } from 'vitest';
import {
  DurationError,
  describeDuration,
  durationUnitName,
  formatDuration,
  isDuration,
  PICKABLE_DURATION_UNITS,
  parseDuration,
  splitDuration,
} from './duration';

describe('parseDuration', () => {
  it('reads every unit', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('4h')).toBe(14_400_000);
    expect(parseDuration('7d')).toBe(604_800_000);
    expect(parseDuration('1y')).toBe(365 * 86_400_000);
    expect(parseDuration('0s')).toBe(0);
  });

  it('rejects anything else with a message that shows valid examples', () => {
    for (const bad of ['', '7', 'd', '7 d', '1.5h', '-1d', '7D', '7days', ' 7d']) {
      expect(() => parseDuration(bad)).toThrow(DurationError);
      expect(isDuration(bad)).toBe(false);
    }
    expect(() => parseDuration('3 days')).toThrow(/Invalid duration "3 days".*30s, 15m, 4h, 7d, 1y/);
    expect(() => parseDuration(7 as unknown as string)).toThrow(DurationError);
    expect(isDuration('99999999999999999999y')).toBe(false);
  });
});

describe('formatDuration', () => {
  it('uses the largest exact unit', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(90 * 60_000)).toBe('90m');
    expect(formatDuration(2 * 3_600_000)).toBe('2h');
    expect(formatDuration(14 * 86_400_000)).toBe('14d');
    expect(formatDuration(2 * 365 * 86_400_000)).toBe('2y');
    expect(formatDuration(1_500)).toBe('2s');
  });

  it('round-trips canonical text', () => {
    for (const text of ['1s', '59s', '1m', '1h', '1d', '1y', '400d'])
      expect(formatDuration(parseDuration(text))).toBe(text);
  });

  it('refuses negative durations', () => {
    expect(() => formatDuration(-1)).toThrow(RangeError);
  });
});

describe('describeDuration', () => {
  it('words durations for people', () => {
    expect(describeDuration('7d')).toBe('7 天');
    expect(describeDuration('1h', 'en')).toBe('1 hour');
    expect(describeDuration('15m', 'en')).toBe('15 minutes');
    expect(describeDuration('oops')).toBe('oops');
  });
});

describe('a duration as a number and a unit, for a picker', () => {
  it('splits duration text and names its units', () => {
    expect(splitDuration('3d')).toEqual({ count: 3, unit: 'd' });
    expect(splitDuration('90m')).toEqual({ count: 90, unit: 'm' });
    expect(splitDuration('3 days')).toBeUndefined();
    expect(splitDuration(undefined)).toBeUndefined();
    expect(PICKABLE_DURATION_UNITS.map((u) => durationUnitName(u))).toEqual(['分钟', '小时', '天', '年']);
    expect(durationUnitName('h', 'en')).toBe('hours');
  });
});
