import { describe, expect, it } from 'vitest';
import { admissionConditions, admissionExclusions, checkAdmission, fourClears } from './checklists';
import { adviseReverification } from './reverification';

const lists = {
  conditions: admissionConditions.map((c) => c.key),
  exclusions: admissionExclusions.map((c) => c.key),
  clears: fourClears.map((c) => c.key),
};
const clear = Object.fromEntries(lists.clears.map((k) => [k, true]));

describe('admission checklist', () => {
  it('admits a household meeting a condition with no exclusion and all four clears', () => {
    expect(checkAdmission({ ...clear, condSeriousIllness: true }, lists)).toEqual({
      eligible: true,
      met: ['condSeriousIllness'],
      excludedBy: [],
      unclear: [],
    });
  });
  it('refuses when an exclusion holds, no condition holds, or a clear is missing', () => {
    expect(checkAdmission({ ...clear, condDisability: true, exclPrivateVehicle: true }, lists).eligible).toBe(
      false,
    );
    expect(checkAdmission({ ...clear }, lists).eligible).toBe(false);
    const unclear = checkAdmission({ ...clear, clearCause: false, condDisability: true }, lists);
    expect(unclear).toMatchObject({ eligible: false, unclear: ['clearCause'] });
  });
});

describe('yearly re-verification advice', () => {
  const record = (monthlyIncomeFen: number, householdSize = 2) => ({
    idNumber: 'x',
    householdSize,
    monthlyIncomeFen,
    asOf: '2026-10-01',
  });
  it('keeps, changes or ends the level by per-capita income', () => {
    expect(adviseReverification(record(150_000), 'deep')).toMatchObject({
      perCapitaFen: 75_000,
      recommendation: 'continue',
    });
    // exactly at the minimum is no longer deep
    expect(adviseReverification(record(160_000), 'deep')).toMatchObject({
      suggestedLevel: 'relative',
      recommendation: 'change-level',
    });
    // exactly at the relative line (150% of 800) leaves the file
    expect(adviseReverification(record(240_000), 'relative')).toMatchObject({ recommendation: 'exit' });
    expect(adviseReverification(record(239_998), 'relative')).toMatchObject({ recommendation: 'continue' });
  });
  it('asks for a manual check when civil affairs has no record', () => {
    expect(adviseReverification(null, 'deep').recommendation).toBe('manual-check');
  });
});
