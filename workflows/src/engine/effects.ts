import type { AssigneeRule, Condition } from '@unionflow/process-model';
import type { DoneStep, TimerRecord, Token } from './state';

/**
 * What the engine asks of its host. The workflow implements these with activities, durable timers and
 * JSON Logic; keeping them behind an interface keeps the engine readable and its rules in one place.
 */
export interface Effects {
  resolveAssignees(rule: AssigneeRule, previousDeciderId: string | null): Promise<string[]>;
  superiorOf(userId: string): Promise<string[]>;
  fallbackAssignees(policy: 'scope-admin' | 'admin-queue'): Promise<string[]>;
  evaluate(condition: Condition): boolean;
  startTimer(timer: TimerRecord): void;
  cancelTimer(timerId: string): void;
  startService(token: Token): void;
  compensate(step: DoneStep): Promise<void>;
}
