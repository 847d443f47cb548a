import type { TaskDto } from '@unionflow/contracts';
import { asFormFields } from '@unionflow/ui';

/** Why a task cannot join a bulk approval. */
export type BulkBlocker = 'needs-form' | 'not-approval' | 'claimed-by-other';

/**
 * Why a task cannot join a bulk approval, or null when it can: only the applicant works an applicant
 * task; a step whose form asks for input needs it filled in on the card; a task another reviewer has
 * claimed is theirs until they release it (the engine refuses anyone else). `meId`: the reader.
 */
export function bulkBlocker(
  task: Pick<TaskDto, 'kind' | 'form'> & Partial<Pick<TaskDto, 'status' | 'assignee'>>,
  meId?: string,
): BulkBlocker | null {
  if (task.kind !== 'approval') return 'not-approval';
  if (asFormFields(task.form).some((f) => f.required)) return 'needs-form';
  if (task.status === 'claimed' && meId && task.assignee && task.assignee.id !== meId)
    return 'claimed-by-other';
  return null;
}

/** One task's result in a bulk approval. */
export interface BulkResult {
  taskId: string;
  title: string;
  ok: boolean;
  detail?: string;
}

/**
 * Approves tasks one at a time, each with its own idempotency key and its own answer, so one refusal
 * (someone else decided first, the case moved on) does not stop the others.
 */
export async function approveEach(
  tasks: Pick<TaskDto, 'id' | 'caseTitle' | 'kind' | 'form'>[],
  approve: (taskId: string) => Promise<unknown>,
  onProgress?: (done: number) => void,
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  for (const task of tasks) {
    const blocker = bulkBlocker(task);
    if (blocker) {
      results.push({ taskId: task.id, title: task.caseTitle, ok: false, detail: blocker });
    } else {
      try {
        await approve(task.id);
        results.push({ taskId: task.id, title: task.caseTitle, ok: true });
      } catch (err) {
        results.push({
          taskId: task.id,
          title: task.caseTitle,
          ok: false,
          detail: err instanceof Error ? err.message : String(err),
        });
      }
    }
    onProgress?.(results.length);
  }
  return results;
}
