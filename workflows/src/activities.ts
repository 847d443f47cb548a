import type {
  Applicant,
  AssigneeRule,
  ProcessDefinition,
  SeparationOutcome,
  SeparationStep,
} from '@unionflow/process-model/runtime';
import type { AssignAndProjectInput, AssignAndProjectResult } from './engine/fold';
import type { CaseRegistration, Projection } from './engine/records';

export interface ServiceCall {
  caseId: string;
  caseNumber: string;
  nodeId: string;
  action: string;
  params: Record<string, unknown>;
  data: Record<string, unknown>;
  applicant: Applicant;
}

/** Who holds an approval step when it opens (the result of `assignStep`). */
export interface StepAssignment {
  candidates: string[];
  userIds: string[];
  onBehalfOf: Record<string, string>;
  /**
   * Set when the applicant was among the rule's candidates and the step's policy handled them (ADR 011);
   * `skipped` means the step passes without a task. Absent from results recorded before it existed.
   */
  separation?: { outcome: SeparationOutcome; policy: string; note: string };
}

/**
 * Every side effect a case workflow needs; implemented in workers/ by `createActivities(deps)`.
 * Workflows know them only as this type.
 */
export interface CaseActivities {
  /** Inserts the case row (idempotent) and returns its human-readable number. */
  registerCase(input: CaseRegistration): Promise<{ number: string }>;
  /** User ids for an assignee rule, resolved against the live org directory. */
  resolveAssignees(input: {
    rule: AssigneeRule;
    applicant: Applicant;
    data: Record<string, unknown>;
    previousDeciderId: string | null;
  }): Promise<string[]>;
  /**
   * Standing delegations in force now: each candidate who has handed their tasks to someone is replaced
   * by that person; `onBehalfOf` maps delegate → original so actions record "acted as X for Y".
   */
  applyDelegations(userIds: string[]): Promise<{ userIds: string[]; onBehalfOf: Record<string, string> }>;
  /**
   * `resolveAssignees` and `applyDelegations` in one call: the rule's candidates, and who holds the task
   * for each of them now. One round trip per approval step instead of two.
   */
  assignStep(input: {
    rule: AssigneeRule;
    applicant: Applicant;
    data: Record<string, unknown>;
    previousDeciderId: string | null;
    /** The step's policy for an applicant among its approvers; cases started before it send none. */
    step?: SeparationStep;
  }): Promise<StepAssignment>;
  /**
   * `assignStep` for the one approval step a batch opens, then that batch written with the step's
   * candidates filled in when they fit it (engine revision 2, ADR 039); otherwise nothing is written
   * and the workflow writes the batch it builds with the assignment.
   */
  assignAndProject(input: AssignAndProjectInput): Promise<AssignAndProjectResult>;
  /** The superior of a user, or the admins of their org when they have none. */
  superiorOf(userId: string): Promise<string[]>;
  /** Users to ask when a rule finds nobody: the scope's admins, or the platform admin queue; never the applicant. */
  fallbackAssignees(input: {
    policy: 'scope-admin' | 'admin-queue';
    applicant: Applicant;
  }): Promise<string[]>;
  /**
   * Applies one projection batch in a transaction (skipped when already applied); a batch carrying
   * `register` inserts the case row first.
   */
  project(projection: Projection): Promise<void>;
  /**
   * Marks a case as needing an administrator (a message) or clears the mark (null). Kept apart from
   * `project`, whose batch is what PostgreSQL refused (ADR 013).
   */
  setAttention(input: { caseId: string; message: string | null; at: string }): Promise<void>;
  /** Ends a parked case in the read model: status terminated, open tasks cancelled, mark cleared. */
  closeParkedCase(input: { caseId: string; actorId: string; reason: string; at: string }): Promise<void>;
  /** The latest published version of a process (for sub-processes). */
  loadDefinition(processKey: string): Promise<ProcessDefinition>;
  /** Runs a named service action from the registry. */
  runService(call: ServiceCall): Promise<Record<string, unknown>>;
}
