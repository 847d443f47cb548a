import { appendAuditEvents, caseEventKey, type Database, EVENTS_CHANNEL } from '@unionflow/db';
import type { Projection } from '@unionflow/workflows';
import type { Kysely } from 'kysely';
import { batchNotice, writeBatch } from './projection-batch';
import { insertCaseRow } from './register-case';

/**
 * Applies one projection batch atomically. Batches carry an increasing `seq` per case; a batch at or
 * below the case's `last_seq` was applied before (an activity retry) and is skipped whole. A case's
 * first batch may carry its registration: the row is inserted first, in the same transaction.
 *
 * Five statements whatever the batch holds: the case row (its update is also the `seq` check and
 * takes the row lock that orders a case's batches), the rest of the read model in one statement, then
 * the audit chain last, since its lock is held until commit and serialises every case's projections.
 */
export async function project(db: Kysely<Database>, p: Projection): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (p.register) await insertCaseRow(trx, p.register, p.register.number);
    const updated = await trx
      .updateTable('cases')
      .set({
        status: p.case.status,
        process_version: p.case.processVersion,
        outcome: p.case.outcome,
        current_step: JSON.stringify(p.case.currentStep) as never,
        data: JSON.stringify(p.case.data) as never,
        updated_at: new Date(p.case.updatedAt),
        last_seq: p.seq,
      })
      .where('id', '=', p.caseId)
      .where('last_seq', '<', p.seq)
      .returning('applicant_id')
      .executeTakeFirst();
    if (!updated) {
      const known = await trx.selectFrom('cases').select('id').where('id', '=', p.caseId).executeTakeFirst();
      if (!known) throw new Error(`Case ${p.caseId} is not registered`);
      return;
    }
    await writeBatch(trx, p, updated.applicant_id);
    await appendAuditEvents(
      trx,
      p.timeline.map((e, idx) => ({
        eventKey: caseEventKey(p.caseId, p.seq, idx),
        caseId: p.caseId,
        at: e.at,
        actorId: e.actorId,
        type: e.type,
        payload: { nodeId: e.nodeId, comment: e.comment, onBehalfOfId: e.onBehalfOfId, data: e.data },
      })),
      // The live-update NOTIFY goes with the audit rows and carries the first one's id.
      { channel: EVENTS_CHANNEL, payload: batchNotice(p, updated.applicant_id) },
    );
  });
}
