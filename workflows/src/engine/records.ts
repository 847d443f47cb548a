import type {
  CaseStatus,
  FormField,
  TaskKind,
  TaskStatus,
  Text,
  TimelineEventType,
} from '@unionflow/process-model/runtime';

/** A task as projected to the read model. */
export interface TaskRecord {
  id: string;
  nodeId: string;
  stepName: Text;
  kind: TaskKind;
  status: TaskStatus;
  candidateIds: string[];
  assigneeId: string | null;
  /** When a candidate holds it for someone else (delegation), candidate → original. */
  onBehalfOf: Record<string, string>;
  /** Delegation (委派) or add-signer-before (前加签): once this task is decided it goes back to this user. */
  returnTo: string | null;
  form: FormField[];
  createdAt: string;
  dueAt: string | null;
  completedAt: string | null;
  decision: string | null;
}

export interface TimelineRecord {
  at: string;
  type: TimelineEventType;
  actorId: string | null;
  onBehalfOfId: string | null;
  nodeId: string | null;
  stepName: Text | null;
  comment: string | null;
  data: Record<string, unknown>;
}

export interface NotificationRecord {
  userIds: string[];
  type: string;
  message: Text;
}

/** One batch of read-model changes, applied atomically and idempotently by `seq`. */
export interface Projection {
  caseId: string;
  seq: number;
  case: {
    status: CaseStatus;
    /** The definition version the case runs on (changes when an admin migrates it). */
    processVersion: number;
    outcome: string | null;
    currentStep: Text | null;
    data: Record<string, unknown>;
    updatedAt: string;
  };
  tasks: TaskRecord[];
  timeline: TimelineRecord[];
  notifications: NotificationRecord[];
  /** On a case's first batch when nothing registered it yet: the row to insert, number included. */
  register?: CaseRegistration & { number: string };
}

export interface CaseRegistration {
  caseId: string;
  title: string;
  processKey: string;
  processVersion: number;
  department: string;
  applicantId: string;
  orgId: string;
  data: Record<string, unknown>;
  createdAt: string;
  parentCaseId: string | null;
}
