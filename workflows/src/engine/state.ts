import type { Applicant, ProcessDefinition } from '@unionflow/process-model/runtime';
import type { TaskRecord } from './records';

/**
 * A token is one thread of control at one node. Parallel blocks fork tokens; `scope` is the stack of
 * enclosing parallel branches as `"<splitId>#<branchIndex>"`, outermost first.
 */
export interface Token {
  id: string;
  nodeId: string;
  scope: string[];
  /** `enter`: the node has not run yet; `waiting`: it waits for people, a timer or a service. */
  phase: 'enter' | 'waiting';
}

/** A human step in progress at a token. */
export interface StepRun {
  tokenId: string;
  nodeId: string;
  mode: 'single' | 'sequential' | 'all' | 'any' | 'quorum' | 'applicant';
  /** Candidates in decision order (sequential) or all at once. */
  queue: string[];
  required: number;
  approvals: string[];
  taskIds: string[];
}

/** A step that finished; the history `return` and compensation walk back through. */
export interface DoneStep {
  nodeId: string;
  scope: string[];
  kind: 'approval' | 'applicant-task' | 'service';
  deciderId: string | null;
  compensation?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
}

/** A durable wait (timer, notice period, deadline) stored as its fire time so it survives continue-as-new. */
export interface TimerRecord {
  id: string;
  tokenId: string;
  fireAt: number;
  purpose: 'timer' | 'notice' | 'remind' | 'overdue';
  taskId?: string;
}

/** Everything needed to resume the case in a new run. */
export interface EngineState {
  caseId: string;
  caseNumber: string;
  title: string;
  definition: ProcessDefinition;
  applicant: Applicant;
  data: Record<string, unknown>;
  status: 'running' | 'completed' | 'rejected' | 'withdrawn' | 'terminated';
  outcome: string | null;
  seq: number;
  nextId: number;
  tokens: Token[];
  steps: StepRun[];
  tasks: TaskRecord[];
  timers: TimerRecord[];
  /** Join key → branch scopes that have arrived. */
  joins: Record<string, string[]>;
  done: DoneStep[];
  /** Outstanding service calls by token id. */
  services: Record<string, { nodeId: string; startedAt: number; childCaseId?: string }>;
  /** Service steps whose action failed after its retries, by token id; an admin may run them again. */
  failedServices?: Record<string, { nodeId: string; message: string }>;
  /** Update id → its outcome, so a repeated update returns the first result. */
  processed: Record<string, { ok: true } | { ok: false; type: string; message: string }>;
  processedOrder: string[];
  lastUrgeAt: number | null;
  /** When the applicant last urged, and which open steps (sorted node ids) that reached. */
  lastUrge?: { at: number; steps: string };
  firstDecisionAt: number | null;
  lastDeciderId: string | null;
}

export function initialState(input: {
  caseId: string;
  title: string;
  definition: ProcessDefinition;
  applicant: Applicant;
  data: Record<string, unknown>;
}): EngineState {
  return {
    ...input,
    caseNumber: '',
    status: 'running',
    outcome: null,
    seq: 0,
    nextId: 1,
    tokens: [],
    steps: [],
    tasks: [],
    timers: [],
    joins: {},
    done: [],
    services: {},
    processed: {},
    processedOrder: [],
    lastUrgeAt: null,
    firstDecisionAt: null,
    lastDeciderId: null,
  };
}
