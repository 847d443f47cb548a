import { numberParam } from '../call-helpers';
import type { ServiceAction } from '../registry';

/** The next reception day on `dayOfMonth` (China time) that is not earlier than `now`'s date. */
export function nextReceptionDate(now: Date, dayOfMonth: number): string {
  const day = Math.min(Math.max(Math.trunc(dayOfMonth), 1), 28);
  const china = new Date(now.getTime() + 8 * 3_600_000);
  let year = china.getUTCFullYear();
  let month = china.getUTCMonth() + 1;
  if (china.getUTCDate() > day) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Queues an open letter for the chairman's next monthly reception day (接待日). */
export const queueReception: ServiceAction = async (call, { db }) => {
  const receptionDate = nextReceptionDate(new Date(), numberParam(call, 'dayOfMonth', 15));
  await db
    .insertInto('reception_queue')
    .values({
      case_id: call.caseId,
      applicant_id: call.applicant.userId,
      reception_date: receptionDate,
      queued_at: new Date(),
    })
    .onConflict((oc) => oc.column('case_id').doNothing())
    .execute();
  const row = await db
    .selectFrom('reception_queue')
    .select('reception_date')
    .where('case_id', '=', call.caseId)
    .executeTakeFirstOrThrow();
  return { receptionDate: row.reception_date };
};

export const mailboxActions: Record<string, ServiceAction> = {
  'mailbox.queue-reception': queueReception,
};
