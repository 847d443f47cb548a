import { issue, stepLabel, type ValidationIssue } from './issues';
import { nodeById, successors } from './nodes';
import { analyzeParallelScopes, scopeId } from './parallel-scopes';
import type { ParallelSplitNode, ProcessDefinition } from './types';

/** Parallel blocks must nest: every branch stays inside its block and meets the others at the split's join. */
export function parallelIssues(def: ProcessDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const nodes = nodeById(def);
  const splits = def.nodes.filter((n): n is ParallelSplitNode => n.kind === 'parallel');
  const splitsByJoin = new Map<string, ParallelSplitNode[]>();
  for (const split of splits) splitsByJoin.set(split.join, [...(splitsByJoin.get(split.join) ?? []), split]);

  for (const node of def.nodes) {
    if (node.kind !== 'join') continue;
    const label = stepLabel(node);
    const owners = splitsByJoin.get(node.id) ?? [];
    if (owners.length === 0) {
      issues.push(
        issue(
          'join-without-split',
          `${label.zh} 是汇聚节点，但没有任何并行拆分以它为汇聚点。`,
          `${label.en} is a join, but no parallel split names it as its join.`,
          node.id,
        ),
      );
    } else if (owners.length > 1) {
      const names = owners.map((s) => stepLabel(s));
      issues.push(
        issue(
          'join-shared',
          `${label.zh} 同时是多个并行拆分（${names.map((n) => n.zh).join('、')}）的汇聚点，每个并行块需要自己的汇聚节点。`,
          `${label.en} is the join of several splits (${names.map((n) => n.en).join(', ')}); each parallel block needs its own join.`,
          node.id,
        ),
      );
    }
  }

  const { scopes, conflicts } = analyzeParallelScopes(def);
  for (const split of splits) {
    const join = nodes.get(split.join);
    const label = stepLabel(split);
    if (join && join.kind !== 'join') {
      const joinLabel = stepLabel(join);
      issues.push(
        issue(
          'split-join-not-join',
          `${label.zh} 的汇聚点 ${joinLabel.zh} 不是汇聚节点（join）。`,
          `${label.en} names ${joinLabel.en} as its join, but that step is not a join.`,
          split.id,
        ),
      );
      continue;
    }
    if (!join || !scopes.has(split.id)) continue;
    split.branches.forEach((first, i) => {
      const scope = scopeId(split.id, i);
      const meets =
        first === split.join ||
        [...scopes].some(
          ([id, stack]) => stack.at(-1) === scope && successors(nodes.get(id)!).includes(split.join),
        );
      if (meets) return;
      const joinLabel = stepLabel(join);
      issues.push(
        issue(
          'branch-misses-join',
          `${label.zh} 的第 ${i + 1} 个分支永远到不了汇聚点 ${joinLabel.zh}，并行块无法完成。`,
          `Branch ${i + 1} of ${label.en} never reaches its join ${joinLabel.en}, so the parallel block could never finish.`,
          split.id,
        ),
      );
    });
  }

  const reported = new Set<string>();
  for (const conflict of conflicts) {
    const key = `${conflict.kind}|${conflict.nodeId}|${conflict.from}`;
    if (reported.has(key)) continue;
    reported.add(key);
    const from = stepLabel(nodes.get(conflict.from));
    const to = stepLabel(nodes.get(conflict.nodeId));
    if (conflict.kind === 'join-outside-block') {
      issues.push(
        issue(
          'join-outside-block',
          `${from.zh} 从并行块外部（或另一个分支）直接进入汇聚点 ${to.zh}。`,
          `${from.en} enters the join ${to.en} from outside its parallel block.`,
          conflict.from,
        ),
      );
    } else {
      issues.push(
        issue(
          'branch-leaves-block',
          `${from.zh} 走向 ${to.zh} 时跨越了并行块的边界：分支在汇聚之前必须留在自己的并行块内。`,
          `${from.en} leads to ${to.en} across a parallel block boundary: a branch must stay inside its block until the join.`,
          conflict.from,
        ),
      );
    }
  }
  return issues;
}
