/**
 * How big a definition and its conditions may be, in one place (ADR 013). The validator refuses
 * anything beyond them and the evaluator stops a condition that runs past its step budget, so a
 * definition can neither make the designer's validate/simulate slow nor hang a case.
 */
export const DEFINITION_LIMITS = {
  /** Bytes of the whole document as JSON. */
  maxBytes: 512 * 1024,
  /** Steps (nodes) in one process. */
  maxNodes: 500,
  /** Nesting of the whole document (objects and arrays). */
  maxDepth: 64,
} as const;

export const CONDITION_LIMITS = {
  /** Bytes of one condition as JSON. */
  maxBytes: 4 * 1024,
  /** Nesting of one condition. */
  maxDepth: 24,
  /** Objects, arrays and values in one condition. */
  maxNodes: 500,
  /** Operator applications in one evaluation (an iterator's body counts once per element). */
  maxSteps: 20_000,
} as const;

/** Size of a JSON value: how many values it holds and how deep it nests, stopping past `limit`. */
export interface JsonShape {
  nodes: number;
  depth: number;
}

/**
 * Measures without recursion, so a 5,000-deep document cannot overflow the stack, and stops as soon
 * as either count passes its limit (the answer is then only "too big").
 */
export function measureJson(value: unknown, limit: { nodes: number; depth: number }): JsonShape {
  const stack: [unknown, number][] = [[value, 1]];
  let nodes = 0;
  let depth = 0;
  while (stack.length > 0) {
    const [item, level] = stack.pop() as [unknown, number];
    nodes++;
    if (level > depth) depth = level;
    if (nodes > limit.nodes || depth > limit.depth) break;
    if (item !== null && typeof item === 'object')
      for (const child of Object.values(item as Record<string, unknown>)) stack.push([child, level + 1]);
  }
  return { nodes, depth };
}

/** UTF-8 bytes of a value as JSON; only call once its depth is known to be bounded. */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? '').length;
}

/** Why a condition is over the limits (English and Chinese), or undefined when within them. */
export function conditionTooBig(condition: unknown): { zh: string; en: string } | undefined {
  const shape = measureJson(condition, {
    nodes: CONDITION_LIMITS.maxNodes,
    depth: CONDITION_LIMITS.maxDepth,
  });
  if (shape.depth > CONDITION_LIMITS.maxDepth)
    return {
      zh: `嵌套超过 ${CONDITION_LIMITS.maxDepth} 层`,
      en: `it nests deeper than ${CONDITION_LIMITS.maxDepth} levels`,
    };
  if (shape.nodes > CONDITION_LIMITS.maxNodes)
    return {
      zh: `超过 ${CONDITION_LIMITS.maxNodes} 个元素`,
      en: `it has more than ${CONDITION_LIMITS.maxNodes} parts`,
    };
  if (jsonBytes(condition) > CONDITION_LIMITS.maxBytes)
    return {
      zh: `超过 ${CONDITION_LIMITS.maxBytes} 字节`,
      en: `it is longer than ${CONDITION_LIMITS.maxBytes} bytes`,
    };
  return undefined;
}
