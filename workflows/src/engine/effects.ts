import type { AssigneeRule, Condition, SeparationStep } from '@unionflow/process-model/runtime';
import type { StepAssignment } from '../activities';
import type { DoneStep, TimerRecord, Token } from './state';

/**
 * What the engine asks of its host. The workflow implements these with activities, durable timers and
 * JSON Logic; keeping them behind an interface keeps the engine readable and its rules in one place.
 */
export interface Effects {
  resolveAssignees(rule: AssigneeRule, previousDeciderId: string | null): Promise<string[]>;
  superiorOf(userId: string): Promise<string[]>;
  applyDelegations(userIds: string[]): Promise<{ userIds: string[]; onBehalfOf: Record<string, string> }>;
  /**
   * Both lookups of an approval step at once (candidates, then their delegations). Optional: cases
   * started before it existed make the two calls separately, and must keep doing so on replay.
   */
  assignStep?(
    rule: AssigneeRule,
    previousDeciderId: string | null,
    step?: SeparationStep,
  ): Promise<StepAssignment>;
  fallbackAssignees(policy: 'scope-admin' | 'admin-queue'): Promise<string[]>;
  evaluate(condition: Condition): boolean;
  startTimer(timer: TimerRecord): void;
  cancelTimer(timerId: string): void;
  startService(token: Token): void;
  /** Starts a child case of another process; its outcome arrives as a `subprocess-done` event. */
  startSubprocess(token: Token, childCaseId: string, processKey: string, data: Record<string, unknown>): void;
  /** Cancels whatever a token is waiting on (a running service or child case). */
  cancelWork(tokenId: string): void;
  /** A fresh UUID (deterministic inside the workflow). */
  uuid(): string;
  compensate(step: DoneStep): Promise<void>;
  /**
   * Temporal's `patched()`: true on the new path of an interpreter change (ADR 001). Optional so hosts
   * without history (tests of the engine alone) take the new path.
   */
  patched?(changeId: string): boolean;
}
