import { issue, type ValidationIssue } from './issues';
import { DEFINITION_LIMITS, jsonBytes, measureJson } from './limits';

/**
 * The document's size against DEFINITION_LIMITS, checked before anything else reads it: the later
 * checks walk the graph and recurse into conditions, which must not start on an oversized document.
 */
export function limitIssues(def: unknown): ValidationIssue[] {
  const { maxBytes, maxNodes, maxDepth } = DEFINITION_LIMITS;
  const shape = measureJson(def, { nodes: Number.MAX_SAFE_INTEGER, depth: maxDepth });
  if (shape.depth > maxDepth)
    return [
      issue(
        'too-large',
        `流程定义嵌套超过 ${maxDepth} 层（例如条件写得过深），请简化。`,
        `The definition nests deeper than ${maxDepth} levels (a condition, for example); simplify it.`,
      ),
    ];
  const bytes = jsonBytes(def);
  if (bytes > maxBytes)
    return [
      issue(
        'too-large',
        `流程定义超过 ${maxBytes / 1024} KB，请拆分为子流程。`,
        `The definition is larger than ${maxBytes / 1024} KB; split it into sub-processes.`,
      ),
    ];
  const nodes = def !== null && typeof def === 'object' ? (def as { nodes?: unknown }).nodes : undefined;
  if (Array.isArray(nodes) && nodes.length > maxNodes)
    return [
      issue(
        'too-large',
        `流程有 ${nodes.length} 个步骤，最多 ${maxNodes} 个，请拆分为子流程。`,
        `The process has ${nodes.length} steps, at most ${maxNodes} are allowed; split it into sub-processes.`,
      ),
    ];
  return [];
}
