import { createHash, randomUUID } from 'node:crypto';
import type { ObjectionReceiptDto } from '@unionflow/contracts';
import { appendAuditEvents, type Database } from '@unionflow/db';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth';
import { sendApplicantAction } from '../cases/engine-client';
import { badRequest, conflict, notFound } from '../errors';
import type { TemporalContext } from '../plugins/temporal';
import { isOnNotice } from './notice-board';
import { latestNoticeOf } from './notice-repository';

/** The audit event that keeps who made an anonymous objection; the timeline names nobody. */
export const ANONYMOUS_OBJECTION = 'anonymous-objection';
/** Stands in for the objector in an anonymous objection's Update, so the engine's history names nobody. */
const NOBODY = 'anonymous';

/**
 * A member objects to a case on notice in their own unit. Other units' cases, and cases that never
 * had a notice, are 404 (their existence is not the caller's business); a notice that has ended is 409.
 * The objection reaches the engine as the `object` action, which records it on the timeline and
 * opens the objection review for the assistance staff.
 */
export async function objectToNotice(
  ctx: { db: Kysely<Database>; temporal: TemporalContext | null },
  user: AuthUser,
  caseId: string,
  body: { reason: string; anonymous?: boolean },
  idempotencyKey: string | undefined,
): Promise<ObjectionReceiptDto> {
  const reason = body.reason.trim();
  if ([...reason].length < 2)
    throw badRequest(
      '请填写异议理由（至少 2 个字）/ give a reason for the objection (at least 2 characters)',
      [{ path: 'body.reason', message: 'is required' }],
    );
  const row = await latestNoticeOf(ctx.db, caseId);
  if (!row || row.org_id !== user.orgId) throw notFound('没有这条公示 / no such notice');
  if (!isOnNotice(row))
    throw conflict(
      '公示期已结束，不能再提出异议 / the notice period has ended; objections are no longer accepted',
    );
  const anonymous = body.anonymous === true;
  // The Update id dedupes a retried request; hashed so an anonymous objector's id is not in it.
  const key = idempotencyKey ?? randomUUID();
  const updateId = `objection-${createHash('sha256').update(`${user.id}:${key}`).digest('hex').slice(0, 32)}`;
  await sendApplicantAction(
    ctx.temporal,
    caseId,
    { actorId: anonymous ? NOBODY : user.id, action: 'object', comment: reason, anonymous },
    updateId,
  );
  const receivedAt = new Date();
  if (anonymous) {
    await ctx.db.transaction().execute((trx) =>
      appendAuditEvents(trx, [
        {
          eventKey: `case:${caseId}:${updateId}`,
          caseId,
          at: receivedAt.toISOString(),
          actorId: user.id,
          type: ANONYMOUS_OBJECTION,
          payload: { nodeId: row.node_id },
        },
      ]),
    );
  }
  return { caseId, anonymous, receivedAt: receivedAt.toISOString() };
}
