import { describe, expect, it } from 'vitest';
import {
  defaultSubsidyRules,
  partTimeChairSubsidyFen,
  projectSubsidyFen,
  workFundSubsidyFen,
} from './subsidy-rules';

describe('work-fund subsidy', () => {
  it('pays 2,000 yuan up to and including 25 members', () => {
    expect(workFundSubsidyFen(1)).toBe(200_000);
    expect(workFundSubsidyFen(25)).toBe(200_000);
  });
  it('adds 20 yuan for every member above 25', () => {
    expect(workFundSubsidyFen(26)).toBe(202_000);
    expect(workFundSubsidyFen(100)).toBe(200_000 + 75 * 2_000);
  });
  it('refuses a union without members or a fractional count', () => {
    expect(() => workFundSubsidyFen(0)).toThrow(RangeError);
    expect(() => workFundSubsidyFen(25.5)).toThrow(RangeError);
  });
});

describe('project subsidy', () => {
  it('pays 60% of the cost, rounded down to the fen', () => {
    expect(projectSubsidyFen(0)).toBe(0);
    expect(projectSubsidyFen(1)).toBe(0);
    expect(projectSubsidyFen(5_000_000)).toBe(3_000_000);
    expect(projectSubsidyFen(16_666_666)).toBe(9_999_999);
  });
  it('caps the subsidy at 100,000 yuan', () => {
    expect(projectSubsidyFen(16_666_667)).toBe(10_000_000);
    expect(projectSubsidyFen(100_000_000)).toBe(10_000_000);
  });
  it('refuses negative or fractional fen', () => {
    expect(() => projectSubsidyFen(-1)).toThrow(RangeError);
    expect(() => projectSubsidyFen(10.5)).toThrow(RangeError);
  });
});

describe('part-time chair allowance', () => {
  it('pays 300 yuan per person per month', () => {
    expect(partTimeChairSubsidyFen(1, 1)).toBe(30_000);
    expect(partTimeChairSubsidyFen(2, 12)).toBe(720_000);
    expect(partTimeChairSubsidyFen(0, 12)).toBe(0);
  });
  it('follows overridden rules', () => {
    expect(partTimeChairSubsidyFen(1, 1, { ...defaultSubsidyRules, partTimeChairMonthlyFen: 50_000 })).toBe(
      50_000,
    );
  });
});
