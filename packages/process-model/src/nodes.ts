import type { ApplicantTaskNode, ApprovalNode, ProcessDefinition, ProcessNode } from './types';

/** A step a person acts on. */
export type HumanNode = ApprovalNode | ApplicantTaskNode;

/** The graph part of a definition, enough for every function here. */
export type DefinitionGraph = Pick<ProcessDefinition, 'start' | 'nodes'>;

/** Nodes by id; with duplicate ids the first one wins (the validator reports duplicates). */
export function nodeById(def: Pick<ProcessDefinition, 'nodes'>): Map<string, ProcessNode> {
  const map = new Map<string, ProcessNode>();
  for (const node of def.nodes) if (!map.has(node.id)) map.set(node.id, node);
  return map;
}

/** True for approval and applicant-task nodes. */
export function isHumanNode(node: ProcessNode): node is HumanNode {
  return node.kind === 'approval' || node.kind === 'applicant-task';
}

/**
 * Ids a node can lead to, normal flow first (`next`, branches, default), then the exception edges
 * (`onReject`, `onObjection`). A parallel split leads to its branches; its join is reached through them.
 */
export function successors(node: ProcessNode): string[] {
  return unique([...forwardSuccessors(node), ...exceptionSuccessors(node)]);
}

/** The normal-flow successors only (what happens when every step approves). */
export function forwardSuccessors(node: ProcessNode): string[] {
  switch (node.kind) {
    case 'exclusive':
      return unique([...node.branches.map((b) => b.next), node.default]);
    case 'parallel':
      return unique(node.branches);
    case 'end':
      return [];
    default:
      return [node.next];
  }
}

function exceptionSuccessors(node: ProcessNode): string[] {
  if (node.kind === 'approval' && node.onReject !== undefined) return [node.onReject];
  if (node.kind === 'notice') return [node.onObjection];
  return [];
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
