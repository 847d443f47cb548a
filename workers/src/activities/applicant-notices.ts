import type { Projection } from '@unionflow/workflows';

/** A notification row of a projection batch; `{actor}` and `{title}` in the message are filled in by SQL. */
export interface NotificationRow {
  user_id: string;
  type: string;
  message: { zh: string; en?: string };
  actor_id: string | null;
  /** Carries `{actor}` / `{title}` placeholders (the engine's own messages are final text). */
  templated: boolean;
}

const quoted = (comment: string | null | undefined, zh: boolean) =>
  comment ? (zh ? `：${comment}` : `: ${comment}`) : '';

/**
 * What the applicant is told about their own case, naming the person and the action ("李娜退回了你的
 * 申请"), derived from the batch's timeline. The engine only notifies the people who must act; a
 * message with a name needs the user directory, which the workflow does not hold, so the projection
 * writes these. A return to the applicant also opens their task, whose plain "待办" notice this
 * replaces (`replacesTaskNotice`).
 */
export function applicantNotices(
  p: Pick<Projection, 'timeline'>,
  applicantId: string,
): { rows: NotificationRow[]; replacesTaskNotice: boolean } {
  const rows: NotificationRow[] = [];
  let replacesTaskNotice = false;
  const rejectedBy = p.timeline.find((e) => e.type === 'rejected');
  for (const e of p.timeline) {
    if (e.actorId === applicantId) continue;
    const to = (e.data as { to?: unknown } | null)?.to;
    if (e.type === 'returned' && to === 'applicant') {
      replacesTaskNotice = true;
      rows.push({
        user_id: applicantId,
        templated: true,
        type: 'returned',
        actor_id: e.actorId,
        message: {
          zh: `{actor}退回了你的申请「{title}」${quoted(e.comment, true)}`,
          en: `{actor} returned your application "{title}"${quoted(e.comment, false)}`,
        },
      });
    }
    if (e.type === 'case-ended') {
      const outcome = (e.data as { outcome?: unknown } | null)?.outcome;
      if (outcome === 'withdrawn') continue;
      if (outcome === 'rejected') {
        const by = rejectedBy?.actorId ?? null;
        rows.push({
          user_id: applicantId,
          templated: true,
          type: 'rejected',
          actor_id: by,
          message: by
            ? {
                zh: `{actor}驳回了你的申请「{title}」${quoted(rejectedBy?.comment, true)}`,
                en: `{actor} rejected your application "{title}"${quoted(rejectedBy?.comment, false)}`,
              }
            : { zh: '你的申请「{title}」已被驳回', en: 'Your application "{title}" was rejected' },
        });
        continue;
      }
      // The end step's name says how it ended ("移送劳动仲裁"), never the outcome code.
      const how = e.stepName;
      rows.push({
        user_id: applicantId,
        templated: true,
        type: 'case-ended',
        actor_id: null,
        message: {
          zh: `你的申请「{title}」已办结${how ? `：${how.zh}` : ''}`,
          en: `Your application "{title}" is finished${how ? `: ${how.en ?? how.zh}` : ''}`,
        },
      });
    }
  }
  return { rows, replacesTaskNotice };
}
