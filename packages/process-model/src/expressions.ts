import { LogicEngine } from 'json-logic-engine';
import { CONDITION_LIMITS, conditionTooBig } from './limits';
import type { Condition } from './types';

/** What a condition can read: `{"var": "data.<field>"}` and `{"var": "applicant.orgId"}`. */
export interface ConditionContext {
  data: Record<string, unknown>;
  applicant: Record<string, unknown> | { userId: string; orgId: string };
}

// Interpreted mode only: `build`/compile would construct code with eval, which workflows must not do.
// The interpreted optimiser is off too, so the engine keeps no per-logic cache between calls.
const engine = new LogicEngine(undefined, { disableInterpretedOptimization: true });

/**
 * Every operator counts one step when applied, so nested iterators over long lists stop at the
 * budget instead of blocking the event loop or a workflow task. Evaluation is synchronous, so one
 * counter serves every call.
 */
let steps = 0;
class StepBudgetExceeded extends Error {}
type AnyFn = (...args: unknown[]) => unknown;
function counted(fn: AnyFn): AnyFn {
  return function (this: unknown, ...args: unknown[]) {
    if (++steps > CONDITION_LIMITS.maxSteps) throw new StepBudgetExceeded();
    return fn.apply(this, args);
  };
}
const methods = engine.methods as Record<string, unknown>;
for (const [name, method] of Object.entries(methods)) {
  if (typeof method === 'function') {
    methods[name] = Object.assign(counted(method as AnyFn), method);
  } else if (
    method &&
    typeof method === 'object' &&
    typeof (method as { method?: unknown }).method === 'function'
  ) {
    methods[name] = { ...method, method: counted((method as { method: AnyFn }).method) };
  }
}

/** Thrown when a condition cannot be evaluated (unknown operator, malformed expression). */
export class ConditionError extends Error {
  constructor(
    message: string,
    readonly condition: Condition,
  ) {
    super(message);
    this.name = 'ConditionError';
  }
}

/** Evaluates a JSON Logic condition against the case; the result is coerced with JSON Logic truthiness. */
export function evaluateCondition(condition: Condition, context: ConditionContext): boolean {
  if (typeof condition === 'boolean') return condition;
  const tooBig = conditionTooBig(condition);
  if (tooBig) throw new ConditionError(`The condition is too large: ${tooBig.en}.`, condition);
  let result: unknown;
  steps = 0;
  try {
    result = engine.run(condition, { data: context.data ?? {}, applicant: context.applicant ?? {} });
  } catch (err) {
    if (err instanceof StepBudgetExceeded)
      throw new ConditionError(
        `The condition took more than ${CONDITION_LIMITS.maxSteps} steps to evaluate; simplify it.`,
        condition,
      );
    throw new ConditionError(
      `Cannot evaluate condition ${JSON.stringify(condition)}: ${describe(err)}`,
      condition,
    );
  }
  return Boolean(engine.truthy(result));
}

function describe(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (err && typeof err === 'object' && 'type' in err) return String((err as { type: unknown }).type);
  return String(err);
}

/** Operators a condition may use (the engine's built-ins). */
export function knownOperators(): string[] {
  return Object.keys(engine.methods).sort();
}

/** Returns a problem description when the condition uses an operator the engine does not know. */
export function checkCondition(condition: Condition): string | undefined {
  if (typeof condition === 'boolean') return undefined;
  const tooBig = conditionTooBig(condition);
  if (tooBig) return `too large: ${tooBig.en}`;
  const unknown = new Set<string>();
  visitOperators(condition, (op) => {
    if (!Object.hasOwn(engine.methods, op)) unknown.add(op);
  });
  if (unknown.size === 0) return undefined;
  return `unknown operator ${[...unknown].map((op) => `"${op}"`).join(', ')}`;
}

function visitOperators(logic: unknown, visit: (op: string) => void): void {
  if (Array.isArray(logic)) {
    for (const item of logic) visitOperators(item, visit);
    return;
  }
  if (!logic || typeof logic !== 'object') return;
  const keys = Object.keys(logic);
  const op = keys[0];
  // `preserve` wraps literal data, whose keys are not operators.
  if (keys.length !== 1 || op === undefined || op === 'preserve') return;
  visit(op);
  visitOperators((logic as Record<string, unknown>)[op], visit);
}

const ITERATORS = new Set(['map', 'filter', 'reduce', 'all', 'some', 'none', 'every', 'eachKey']);

/** Data field names a condition reads: `{"var":"data.tier"}` → `['tier']` (top-level keys, sorted). */
export function variablesOf(condition: Condition): string[] {
  const fields = new Set<string>();
  collect(condition, fields);
  return [...fields].sort();
}

function collect(logic: unknown, fields: Set<string>): void {
  if (Array.isArray(logic)) {
    for (const item of logic) collect(item, fields);
    return;
  }
  if (!logic || typeof logic !== 'object') return;
  const keys = Object.keys(logic);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined || op === 'preserve') return;
  const args = (logic as Record<string, unknown>)[op];
  const list = Array.isArray(args) ? args : [args];
  switch (op) {
    case 'var':
      addPath(list[0], fields);
      collect(list.slice(1), fields);
      return;
    case 'val':
    case 'exists':
      if (list.every((part) => typeof part === 'string')) addSegments(list as string[], fields);
      else collect(list, fields);
      return;
    case 'missing':
      for (const path of list.flat()) addPath(path, fields);
      return;
    case 'missing_some':
      for (const path of Array.isArray(list[1]) ? list[1] : []) addPath(path, fields);
      return;
    default:
      // Inside an iterator's body, `var` refers to the current element, not the case.
      if (ITERATORS.has(op)) collect(list[0], fields);
      else collect(list, fields);
  }
}

function addPath(path: unknown, fields: Set<string>): void {
  if (typeof path === 'string') addSegments(path.split('.'), fields);
  else if (path !== null && typeof path === 'object') collect(path, fields);
}

function addSegments(segments: string[], fields: Set<string>): void {
  if (segments[0] === 'data' && segments[1]) fields.add(segments[1]);
}
