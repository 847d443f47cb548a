import { reachableFrom } from './graph';
import { issue, joinLabels, stepLabel, type ValidationIssue } from './issues';
import { nodeById, successors } from './nodes';
import { settingName } from './setting-names';
import type { ProcessDefinition, ProcessNode } from './types';

/** Every outgoing reference of a node, named by the property that holds it. */
export function labelledTargets(node: ProcessNode): { field: string; target: string }[] {
  switch (node.kind) {
    case 'exclusive':
      return [
        ...node.branches.map((b, i) => ({ field: `branches[${i}].next`, target: b.next })),
        { field: 'default', target: node.default },
      ];
    case 'parallel':
      return [
        ...node.branches.map((target, i) => ({ field: `branches[${i}]`, target })),
        { field: 'join', target: node.join },
      ];
    case 'end':
      return [];
    case 'approval':
      return [
        { field: 'next', target: node.next },
        ...(node.onReject ? [{ field: 'onReject', target: node.onReject }] : []),
      ];
    case 'notice':
      return [
        { field: 'next', target: node.next },
        { field: 'onObjection', target: node.onObjection },
      ];
    default:
      return [{ field: 'next', target: node.next }];
  }
}

/** Duplicate ids, dangling references, unreachable steps, dead ends and busy loops. */
export function structureIssues(def: ProcessDefinition): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const nodes = nodeById(def);

  const counted = new Set<string>();
  for (const node of def.nodes) {
    if (counted.has(node.id)) {
      const label = stepLabel(node);
      issues.push(
        issue(
          'duplicate-node-id',
          `${label.zh} 的编号与另一个步骤重复。`,
          `${label.en} has the same id as another step.`,
          node.id,
        ),
      );
    }
    counted.add(node.id);
  }

  if (!nodes.has(def.start)) {
    issues.push(
      issue(
        'missing-target',
        `开始步骤 ${def.start} 不存在。`,
        `The start step "${def.start}" does not exist.`,
        undefined,
        '/start',
      ),
    );
  }
  for (const node of def.nodes) {
    for (const { field, target } of labelledTargets(node)) {
      if (nodes.has(target)) continue;
      const label = stepLabel(node);
      const setting = settingName(field, { keyword: '', params: {} });
      issues.push(
        issue(
          'missing-target',
          `${label.zh} 的${setting.zh}指向不存在的步骤（${target}）。`,
          `${label.en}: ${setting.en} points to a step that does not exist ("${target}").`,
          node.id,
        ),
      );
    }
  }

  const reachable = reachableFrom(def, def.start);
  for (const node of def.nodes) {
    if (reachable.has(node.id)) continue;
    const label = stepLabel(node);
    issues.push(
      issue(
        'unreachable',
        `${label.zh} 从开始无法到达。`,
        `${label.en} cannot be reached from the start.`,
        node.id,
      ),
    );
  }

  const canEnd = reverseReachable(def, nodes);
  for (const node of def.nodes) {
    if (!reachable.has(node.id) || canEnd.has(node.id)) continue;
    const label = stepLabel(node);
    issues.push(
      issue(
        'no-path-to-end',
        `${label.zh} 之后没有任何路径能到达结束步骤，案件会停在这里。`,
        `${label.en} has no path to an end step, so a case would never finish from here.`,
        node.id,
      ),
    );
  }

  for (const loop of loops(def, nodes)) {
    if (loop.some(isWait)) continue;
    const labels = joinLabels(loop.map((n) => stepLabel(n)));
    issues.push(
      issue(
        'loop-without-wait',
        `循环 ${labels.zh} 中没有人工步骤、定时器或公示，会无休止地空转。`,
        `The loop through ${labels.en} has no human step, timer or notice, so it would spin forever.`,
        loop[0]!.id,
      ),
    );
  }
  return issues;
}

/** Steps that make a loop wait for people or time. */
export function isWait(node: ProcessNode): boolean {
  return (
    node.kind === 'approval' ||
    node.kind === 'applicant-task' ||
    node.kind === 'timer' ||
    node.kind === 'notice'
  );
}

function reverseReachable(def: ProcessDefinition, nodes: Map<string, ProcessNode>): Set<string> {
  const preds = new Map<string, string[]>();
  for (const node of nodes.values()) {
    for (const next of successors(node)) preds.set(next, [...(preds.get(next) ?? []), node.id]);
  }
  const seen = new Set<string>();
  const work = def.nodes.filter((n) => n.kind === 'end').map((n) => n.id);
  while (work.length > 0) {
    const id = work.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    work.push(...(preds.get(id) ?? []));
  }
  return seen;
}

/** Strongly connected components that form a cycle (Tarjan), nodes in definition order. */
function loops(def: ProcessDefinition, nodes: Map<string, ProcessNode>): ProcessNode[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: ProcessNode[][] = [];
  let counter = 0;
  const order = new Map(def.nodes.map((n, i) => [n.id, i]));

  const connect = (id: string): void => {
    index.set(id, counter);
    low.set(id, counter);
    counter++;
    stack.push(id);
    onStack.add(id);
    const targets = successors(nodes.get(id)!).filter((t) => nodes.has(t));
    for (const next of targets) {
      if (!index.has(next)) {
        connect(next);
        low.set(id, Math.min(low.get(id)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(id, Math.min(low.get(id)!, index.get(next)!));
      }
    }
    if (low.get(id) !== index.get(id)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== id);
    if (component.length > 1 || targets.includes(id)) {
      component.sort((a, b) => order.get(a)! - order.get(b)!);
      found.push(component.map((c) => nodes.get(c)!));
    }
  };
  for (const id of nodes.keys()) if (!index.has(id)) connect(id);
  return found;
}
