import { ApplicationFailure } from '@temporalio/activity';
import { appendAuditEvents, type Database } from '@unionflow/db';
import { ENGINE_ERRORS } from '@unionflow/workflows';
import type { Kysely } from 'kysely';

/**
 * SQLSTATE classes no retry can fix: 22 data exception (a NUL in text, a number out of range) and 23
 * integrity constraint violation. Everything else (connection loss, serialization failure, lock
 * timeouts) may pass on a later attempt and keeps retrying.
 */
const PERMANENT = /^2[23]/;

/** Keeps a stored message printable whatever the database put in it. */
function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  return text.replace(/[\u0000-\u001F\u007F]/g, ' ').slice(0, 2000);
}

/**
 * Runs a projection; a failure PostgreSQL will repeat on every attempt becomes non-retryable, so the
 * workflow parks the case instead of retrying for ever (ADR 013).
 */
export async function failingForGood<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && PERMANENT.test(code)) {
      const message = printable(`${code} ${(err as Error).message}`);
      throw ApplicationFailure.nonRetryable(message, ENGINE_ERRORS.projectionRejected);
    }
    throw err;
  }
}

/** Marks a case as parked (message) or clears the mark (null). */
export async function setAttention(
  db: Kysely<Database>,
  input: { caseId: string; message: string | null; at: string },
): Promise<void> {
  if (input.message === null) {
    await db.deleteFrom('case_attention').where('case_id', '=', input.caseId).execute();
    return;
  }
  const message = printable(input.message);
  await db
    .insertInto('case_attention')
    .values({ case_id: input.caseId, message, since: input.at, updated_at: input.at })
    .onConflict((oc) => oc.column('case_id').doUpdateSet({ message, updated_at: input.at }))
    .execute();
}

/**
 * Ends a parked case in the read model with the few columns that do not depend on the refused
 * batch: the case's status, its open tasks, an audit entry naming the admin; the mark goes.
 */
export async function closeParkedCase(
  db: Kysely<Database>,
  input: { caseId: string; actorId: string; reason: string; at: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('cases')
      .set({ status: 'terminated', outcome: 'terminated', current_step: null, updated_at: input.at })
      .where('id', '=', input.caseId)
      .execute();
    const closed = await trx
      .updateTable('tasks')
      .set({ status: 'cancelled', completed_at: input.at })
      .where('case_id', '=', input.caseId)
      .where('status', 'in', ['open', 'claimed'])
      .returning('id')
      .execute();
    if (closed.length > 0)
      await trx
        .updateTable('task_candidates')
        .set({ open: false })
        .where(
          'task_id',
          'in',
          closed.map((t) => t.id),
        )
        .execute();
    await trx.deleteFrom('case_attention').where('case_id', '=', input.caseId).execute();
    await appendAuditEvents(trx, [
      {
        eventKey: `${input.caseId}:terminated`,
        caseId: input.caseId,
        at: input.at,
        actorId: input.actorId,
        type: 'case-terminated',
        payload: { reason: printable(input.reason) },
      },
    ]);
  });
}
