import { describe, expect, it } from 'vitest';
import { ConditionError, checkCondition, evaluateCondition } from './expressions';
import { CONDITION_LIMITS, DEFINITION_LIMITS, measureJson } from './limits';
import { branching, deepCondition, longProcess } from './test-support/oversized';
import { validateDefinition } from './validate';

const opts = { serviceActions: [] };
const ctx = { data: {}, applicant: { userId: 'u1', orgId: 'o1' } };

describe('definition and condition limits', () => {
  it('refuses a 10,000-step definition with one too-large issue, quickly', () => {
    const started = performance.now();
    const result = validateDefinition(longProcess(10_000), opts);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.code)).toEqual(['too-large']);
  });

  it('accepts a process at the step limit', () => {
    expect(validateDefinition(longProcess(DEFINITION_LIMITS.maxNodes - 1), opts).errors).not.toContainEqual(
      expect.objectContaining({ code: 'too-large' }),
    );
  });

  it('refuses a 5,000-deep condition without overflowing the stack', () => {
    const result = validateDefinition(branching(deepCondition(5_000)), opts);
    expect(result.errors.map((e) => e.code)).toEqual(['too-large']);
    expect(result.errors[0]?.message.en).toContain('deeper than');
  });

  it('reports a condition over its own limits as an invalid condition', () => {
    const deep = validateDefinition(branching(deepCondition(CONDITION_LIMITS.maxDepth + 5)), opts);
    expect(deep.errors).toContainEqual(
      expect.objectContaining({ code: 'invalid-condition', nodeId: 'route' }),
    );
    const wide = { in: [{ var: 'data.amount' }, Array.from({ length: 600 }, (_, i) => i)] };
    expect(checkCondition(wide)).toMatch(/too large/);
    const long = { '==': [{ var: 'data.amount' }, 'x'.repeat(5000)] };
    expect(checkCondition(long)).toMatch(/bytes/);
  });

  it('measures without recursion and stops at the limit', () => {
    expect(measureJson(deepCondition(100_000), { nodes: 1e9, depth: 10 }).depth).toBe(11);
    expect(measureJson({ a: [1, 2, { b: 3 }] }, { nodes: 100, depth: 100 })).toEqual({ nodes: 6, depth: 4 });
  });

  it('stops an evaluation past its step budget with a ConditionError instead of running on', () => {
    const xs = Array.from({ length: 50_000 }, (_, i) => i);
    const logic = { some: [{ var: 'data.xs' }, { '==': [{ '+': [{ var: '' }, 1] }, -1] }] };
    const started = performance.now();
    expect(() => evaluateCondition(logic, { ...ctx, data: { xs } })).toThrow(ConditionError);
    expect(() => evaluateCondition(logic, { ...ctx, data: { xs } })).toThrow(/steps/);
    expect(performance.now() - started).toBeLessThan(1000);
    // The budget is per evaluation: a small one right after runs normally.
    expect(evaluateCondition(logic, { ...ctx, data: { xs: [1, 2, 3] } })).toBe(false);
    expect(evaluateCondition({ '==': [1, 1] }, ctx)).toBe(true);
  });

  it('refuses money bounds that are not whole fen counted exactly', () => {
    const def = longProcess(1);
    def.form = [{ key: 'amount', label: { zh: '金额' }, type: 'money', min: 0, max: 1e300 }];
    expect(validateDefinition(def, opts).errors).toContainEqual(
      expect.objectContaining({ code: 'invalid-bound' }),
    );
  });

  it('refuses at run time a condition over the static limits (a definition stored before them)', () => {
    expect(() => evaluateCondition(deepCondition(CONDITION_LIMITS.maxDepth + 1) as never, ctx)).toThrow(
      /too large/,
    );
  });
});
