import type { ProcessNode, Text, TimelineEventType } from '@unionflow/process-model/runtime';
import type { NotificationRecord, TaskRecord, TimelineRecord } from './records';
import type { EngineState, Token } from './state';

/** The virtual step a case is at after being returned to its applicant. */
export const APPLICANT_STEP = '__applicant__';

/** An event from a timer or a finished service call, queued for the main loop. */
export type EngineEvent =
  | { kind: 'timer'; timerId: string }
  | { kind: 'service-done'; tokenId: string; result: Record<string, unknown> }
  | { kind: 'service-failed'; tokenId: string; message: string }
  | { kind: 'subprocess-done'; tokenId: string; outcome: string | null };

/** Thrown by command handling; the update handler turns it into an ApplicationFailure of this type. */
export class EngineError extends Error {
  constructor(
    readonly type: 'Conflict' | 'Forbidden' | 'Invalid' | 'NotFound',
    message: string,
  ) {
    super(message);
  }
}

/** The mutable workflow-side context: state plus the changes not yet projected. */
export class EngineContext {
  readonly changedTasks = new Map<string, TaskRecord>();
  readonly timeline: TimelineRecord[] = [];
  readonly notifications: NotificationRecord[] = [];
  caseChanged = false;

  constructor(
    readonly state: EngineState,
    /** Workflow time, injected so this module stays free of Temporal imports. */
    readonly now: () => Date,
  ) {}

  newId(prefix: string): string {
    const id = `${this.state.caseId}:${prefix}${this.state.nextId}`;
    this.state.nextId += 1;
    return id;
  }

  node(id: string): ProcessNode {
    if (id === APPLICANT_STEP) {
      // A return to the applicant: they correct the start form, then the case starts over.
      const def = this.state.definition;
      return {
        id,
        kind: 'applicant-task',
        name: { zh: '退回申请人补充', en: 'Returned to the applicant' },
        form: def.form,
        next: def.start,
      };
    }
    const node = this.state.definition.nodes.find((n) => n.id === id);
    if (!node)
      throw new EngineError('Invalid', `流程中没有节点「${id}」 / The definition has no node "${id}".`);
    return node;
  }

  token(id: string): Token | undefined {
    return this.state.tokens.find((t) => t.id === id);
  }

  record(
    type: TimelineEventType,
    fields: Partial<Omit<TimelineRecord, 'type' | 'at'>> & { node?: ProcessNode } = {},
  ): void {
    const { node, ...rest } = fields;
    this.timeline.push({
      at: this.now().toISOString(),
      type,
      actorId: null,
      onBehalfOfId: null,
      nodeId: node?.id ?? null,
      stepName: node?.name ?? null,
      comment: null,
      data: {},
      ...rest,
    });
  }

  notify(userIds: string[], type: string, message: Text): void {
    if (userIds.length > 0) this.notifications.push({ userIds: [...new Set(userIds)], type, message });
  }

  saveTask(task: TaskRecord): void {
    const index = this.state.tasks.findIndex((t) => t.id === task.id);
    if (index >= 0) this.state.tasks[index] = task;
    else this.state.tasks.push(task);
    this.changedTasks.set(task.id, { ...task });
  }

  /** Closes a task; closed tasks leave the workflow state once projected. */
  closeTask(task: TaskRecord, status: 'completed' | 'cancelled', decision: string | null): void {
    this.saveTask({ ...task, status, decision, completedAt: this.now().toISOString() });
  }

  openTasks(): TaskRecord[] {
    return this.state.tasks.filter((t) => t.status === 'open' || t.status === 'claimed');
  }

  hasChanges(): boolean {
    return (
      this.caseChanged ||
      this.changedTasks.size > 0 ||
      this.timeline.length > 0 ||
      this.notifications.length > 0
    );
  }

  /** Current step name for lists: the first waiting human step, else null. */
  currentStep(): Text | null {
    const open = this.openTasks()[0];
    return open ? open.stepName : null;
  }
}
