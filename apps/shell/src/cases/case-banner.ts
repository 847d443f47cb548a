import type { CaseDetailDto, UserRefDto } from '@unionflow/contracts';
import { isOpenTask } from '@unionflow/contracts/vocabulary';

/** What the top of a case page tells its reader first, if anything. */
export type CaseBanner =
  | { kind: 'submitted'; holders: UserRefDto[] }
  | { kind: 'returned'; by: UserRefDto | null; reason: string | null }
  | null;

/**
 * The banner a case page opens with: right after submitting, that it was submitted and who has it;
 * for an applicant whose case was returned to them, who returned it, why, and (in the view) what to do.
 */
export function caseBanner(
  detail: Pick<CaseDetailDto, 'status' | 'tasks' | 'timeline' | 'applicant'>,
  viewerId: string | undefined,
  justSubmitted: boolean,
): CaseBanner {
  const open = detail.tasks.filter(isOpenTask);
  const waitingOnApplicant = open.some(
    (t) => t.kind === 'applicant-task' && t.candidates.some((c) => c.id === viewerId),
  );
  if (detail.status === 'running' && viewerId === detail.applicant.id && waitingOnApplicant) {
    const returned = [...detail.timeline]
      .filter((e) => e.type === 'returned' && (e.data as { to?: unknown } | null)?.to === 'applicant')
      .sort((a, b) => a.at.localeCompare(b.at))
      .at(-1);
    if (returned) return { kind: 'returned', by: returned.actor, reason: returned.comment };
  }
  if (justSubmitted) {
    const holders = open.flatMap((t) => (t.assignee ? [t.assignee] : t.candidates));
    return {
      kind: 'submitted',
      holders: holders.filter((u, i) => holders.findIndex((v) => v.id === u.id) === i),
    };
  }
  return null;
}
