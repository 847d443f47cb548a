import { DEFAULT_EMPTY_ASSIGNEE_POLICY, resolveAssigneeUsers } from './assignment';
import { producedFields } from './collected-fields';
import { variablesOf } from './expressions';
import { chooseBranch } from './graph';
import { nodeById } from './nodes';
import { parallelScopes, parseScopeId } from './parallel-scopes';
import { separateApplicant } from './segregation';
import type {
  Applicant,
  DurationText,
  EmptyAssigneePolicy,
  NodeKind,
  OrgDirectory,
  ProcessDefinition,
  ProcessNode,
  Text,
} from './types';

/** A person a simulated step would be assigned to. */
export interface SimulatedAssignee {
  id: string;
  username: string;
  displayName: string;
}

/** One step on the predicted path. */
export interface SimulatedStep {
  nodeId: string;
  kind: NodeKind;
  name: Text;
  /** Who would act (human steps only; the applicant for an applicant task). */
  assignees: SimulatedAssignee[];
  /** Set when the assignee rule finds nobody: the policy the engine would apply. */
  emptyPolicyApplied?: EmptyAssigneePolicy;
  /** The deadline of a human step, or the wait of a timer or notice. */
  due?: DurationText;
  /** For an end step: the case's outcome. */
  outcome?: string;
}

/** Options of simulate. */
export interface SimulateOptions {
  /** The nodes a running case is at (several inside parallel blocks); the path starts with them. Default: the start. */
  fromNodeIds?: string[];
  /** Stop after this many steps (default 500); a loop on unchanged data is also cut at its first repetition. */
  maxSteps?: number;
  /** Who decided the step before `fromNodeIds` (for `superior-of-previous`). */
  previousDeciderId?: string;
  /**
   * Stop a branch at an exclusive gateway that reads data a step on the path has yet to produce
   * (a consent the mediator has not asked, a check not yet run), instead of guessing the default
   * branch. A running case's prediction uses it: it shows what is known, not a made-up outcome.
   */
  stopAtUndecided?: boolean;
}

/**
 * The path a case would take assuming every human step approves: exclusive gateways follow the case
 * data, parallel blocks list their branches in order, a sub-process is one step. The last step is an
 * end step (with `outcome`) unless the path loops or runs into a broken reference.
 */
export function simulate(
  def: ProcessDefinition,
  caseData: Record<string, unknown>,
  org: OrgDirectory,
  applicant: Applicant,
  options: SimulateOptions = {},
): SimulatedStep[] {
  const nodes = nodeById(def);
  const scopes = parallelScopes(def);
  const maxSteps = options.maxSteps ?? 500;
  const steps: SimulatedStep[] = [];
  const visited = new Set<string>();
  let lastDecider = options.previousDeciderId;
  // Data keys that steps on the predicted path will produce and the case does not hold yet.
  const pending = new Set<string>();
  const undecided = (node: ProcessNode): boolean =>
    options.stopAtUndecided === true &&
    node.kind === 'exclusive' &&
    node.branches.some((b) => variablesOf(b.condition).some((key) => pending.has(key)));

  const emit = (node: ProcessNode): void => {
    const step: SimulatedStep = { nodeId: node.id, kind: node.kind, name: node.name, assignees: [] };
    if (node.kind === 'approval') {
      const found = resolveAssigneeUsers(
        node.assignee,
        {
          applicant,
          data: caseData,
          ...(lastDecider === undefined ? {} : { previousDeciderId: lastDecider }),
        },
        org,
      );
      // As the engine does: the applicant is handled by the step's policy (ADR 011).
      const separated = separateApplicant(
        found.map((u) => u.id),
        node,
        applicant,
        org,
      );
      const users = separated.candidates.flatMap((id) => org.users.filter((u) => u.id === id));
      step.assignees = users.map(({ id, username, displayName }) => ({ id, username, displayName }));
      if (users.length === 0)
        step.emptyPolicyApplied =
          separated.outcome === 'skipped'
            ? 'auto-approve'
            : (node.emptyAssignee ?? DEFAULT_EMPTY_ASSIGNEE_POLICY);
      if (node.deadline) step.due = node.deadline.due;
      lastDecider = users[0]?.id ?? lastDecider;
    } else if (node.kind === 'applicant-task') {
      const user = org.users.find((u) => u.id === applicant.userId);
      step.assignees = user ? [{ id: user.id, username: user.username, displayName: user.displayName }] : [];
      if (node.deadline) step.due = node.deadline.due;
      lastDecider = applicant.userId;
    } else if (node.kind === 'cc') {
      // Everyone the step copies, once each, in rule order; the case does not wait for them.
      const seen = new Map<string, SimulatedAssignee>();
      for (const rule of node.recipients)
        for (const u of resolveAssigneeUsers(
          rule,
          {
            applicant,
            data: caseData,
            ...(lastDecider === undefined ? {} : { previousDeciderId: lastDecider }),
          },
          org,
        ))
          if (!seen.has(u.id)) seen.set(u.id, { id: u.id, username: u.username, displayName: u.displayName });
      step.assignees = [...seen.values()];
    } else if (node.kind === 'timer' || node.kind === 'notice') {
      step.due = node.duration;
    } else if (node.kind === 'end') {
      step.outcome = node.outcome;
    }
    steps.push(step);
    for (const key of producedFields(node)) if (caseData[key] === undefined) pending.add(key);
  };

  /** Walks until `stopAt` (not emitted), an end, a dead end, or a gateway whose answer is not known yet. */
  const walk = (from: string, stopAt?: string): 'stop' | 'end' | 'stuck' | 'undecided' => {
    let current = from;
    for (;;) {
      if (current === stopAt) return 'stop';
      const node = nodes.get(current);
      if (!node || visited.has(current) || steps.length >= maxSteps) return 'stuck';
      if (undecided(node)) return 'undecided';
      visited.add(current);
      emit(node);
      switch (node.kind) {
        case 'end':
          return 'end';
        case 'exclusive':
          current = chooseBranch(node, { data: caseData, applicant: { ...applicant } });
          break;
        case 'parallel': {
          // Every branch is predicted as far as it is known; the join only when all of them reach it.
          let open = false;
          for (const branch of node.branches) {
            const reached = walk(branch, node.join);
            if (reached === 'undecided') open = true;
            else if (reached !== 'stop') return reached;
          }
          if (open) return 'undecided';
          current = node.join;
          break;
        }
        default:
          current = node.next;
      }
    }
  };

  // Running cases may sit in several branches: finish the deepest blocks first, then continue from their joins.
  let frontiers = (options.fromNodeIds?.length ? options.fromNodeIds : [def.start]).map((id) => ({
    id,
    stack: scopes.get(id) ?? [],
  }));
  while (frontiers.length > 0) {
    const depth = Math.max(...frontiers.map((f) => f.stack.length));
    if (depth === 0) {
      for (const frontier of frontiers) if (walk(frontier.id) === 'end') break;
      return steps;
    }
    const joins = new Map<string, { id: string; stack: string[] }>();
    let open = false;
    for (const frontier of frontiers.filter((f) => f.stack.length === depth)) {
      const split = nodes.get(parseScopeId(frontier.stack.at(-1)!).splitId);
      if (split?.kind !== 'parallel') return steps;
      const reached = walk(frontier.id, split.join);
      if (reached === 'undecided') open = true;
      else if (reached !== 'stop') return steps;
      joins.set(split.join, { id: split.join, stack: frontier.stack.slice(0, -1) });
    }
    if (open) return steps;
    const shallower = frontiers.filter((f) => f.stack.length < depth && !joins.has(f.id));
    frontiers = [...shallower, ...joins.values()];
  }
  return steps;
}

/** The outcome a simulated path ends with, if it reaches an end. */
export function simulatedOutcome(steps: SimulatedStep[]): string | undefined {
  const last = steps.at(-1);
  return last?.kind === 'end' ? last.outcome : undefined;
}
