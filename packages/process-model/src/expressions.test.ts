import { describe, expect, it, vi } from 'vitest';
import { ConditionError, checkCondition, evaluateCondition, variablesOf } from './expressions';

const ctx = { data: { tier: 'gold', amount: 5000, tags: ['a'] }, applicant: { userId: 'u1', orgId: 'o1' } };

describe('evaluateCondition', () => {
  it('evaluates JSON Logic on data and applicant', () => {
    expect(evaluateCondition({ '==': [{ var: 'data.tier' }, 'gold'] }, ctx)).toBe(true);
    expect(evaluateCondition({ '>': [{ var: 'data.amount' }, 10_000] }, ctx)).toBe(false);
    expect(evaluateCondition({ '==': [{ var: 'applicant.orgId' }, 'o1'] }, ctx)).toBe(true);
    expect(evaluateCondition({ in: [{ var: 'data.tier' }, ['gold', 'silver']] }, ctx)).toBe(true);
    expect(evaluateCondition({ and: [{ var: 'data.missing' }, true] }, ctx)).toBe(false);
    expect(evaluateCondition(true, ctx)).toBe(true);
    expect(evaluateCondition(false, ctx)).toBe(false);
  });

  it('is repeatable on the same logic object (no cached plans changing results)', () => {
    const logic = { '>': [{ var: 'data.amount' }, 100] };
    expect(evaluateCondition(logic, ctx)).toBe(true);
    expect(evaluateCondition(logic, { ...ctx, data: { amount: 1 } })).toBe(false);
    (logic['>'] as unknown[])[1] = 1;
    expect(evaluateCondition(logic, { ...ctx, data: { amount: 50 } })).toBe(true);
  });

  it('wraps engine failures in ConditionError', () => {
    expect(() => evaluateCondition({ nope: [1] }, ctx)).toThrow(ConditionError);
  });

  it('never evaluates generated code', () => {
    const spy = vi.spyOn(globalThis, 'eval').mockImplementation(() => {
      throw new Error('eval is not allowed in workflows');
    });
    try {
      expect(evaluateCondition({ if: [{ '>': [{ var: 'data.amount' }, 1] }, true, false] }, ctx)).toBe(true);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });
});

describe('checkCondition', () => {
  it('accepts known operators and names unknown ones', () => {
    expect(checkCondition({ '==': [{ var: 'data.a' }, 1] })).toBeUndefined();
    expect(checkCondition(true)).toBeUndefined();
    expect(checkCondition({ and: [{ frobnicate: [1] }, { toString: [] }] })).toBe(
      'unknown operator "frobnicate", "toString"',
    );
  });
});

describe('variablesOf', () => {
  it('lists the top-level data fields a condition reads', () => {
    expect(variablesOf({ '==': [{ var: 'data.tier' }, 'a'] })).toEqual(['tier']);
    expect(
      variablesOf({
        and: [
          { '>': [{ var: ['data.amount', 0] }, 1] },
          { '==': [{ var: 'data.household.size' }, 3] },
          { '==': [{ var: 'applicant.orgId' }, 'x'] },
          { missing: ['data.name', 'data.id'] },
          { missing_some: [1, ['data.phone']] },
          { '==': [{ val: ['data', 'level'] }, 'deep'] },
        ],
      }),
    ).toEqual(['amount', 'household', 'id', 'level', 'name', 'phone']);
  });

  it('ignores iterator bodies, whose vars refer to the element', () => {
    expect(variablesOf({ some: [{ var: 'data.items' }, { '>': [{ var: 'price' }, 1] }] })).toEqual(['items']);
    expect(variablesOf(true)).toEqual([]);
    expect(variablesOf({ var: 'data' })).toEqual([]);
  });
});
