import { arbitrationSummary, isReferralReason } from '@unionflow/domain';
import { notifyOnce, numberParam, refuse, usersWithRole } from '../call-helpers';
import type { ServiceAction } from '../registry';

/** The case summary that goes to the arbitration commission with the referral. */
export const arbitrationSummaryAction: ServiceAction = async (call, { db }) => {
  const reason = call.params.reason;
  if (!isReferralReason(reason)) throw refuse(`Unknown referral reason "${String(reason)}"`);
  const summary = arbitrationSummary(call.caseNumber, call.data, reason);
  await notifyOnce(db, [call.applicant.userId], call.caseId, 'dispute-referred', {
    zh: `您的劳动争议案件 ${call.caseNumber} 已移送劳动仲裁，可凭案件摘要申请仲裁。`,
    en: `Dispute ${call.caseNumber} was referred to labour arbitration.`,
  });
  return { reason, summary, generatedAt: new Date().toISOString() };
};

/** Minutes each session; numbered from the sessions already recorded, so a retry writes the same row. */
export const recordSession: ServiceAction = async (call, { db }) => {
  const previous = call.data.sessions as { count?: unknown } | undefined;
  const sessionNo = (typeof previous?.count === 'number' ? previous.count : 0) + 1;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  await db
    .insertInto('mediation_sessions')
    .values({
      case_id: call.caseId,
      session_no: sessionNo,
      session_date: text(call.data.sessionDate),
      minutes: text(call.data.sessionMinutes),
      result: text(call.data.sessionResult),
      recorded_at: new Date(),
    })
    .onConflict((oc) => oc.columns(['case_id', 'session_no']).doNothing())
    .execute();
  return {
    count: sessionNo,
    lastDate: text(call.data.sessionDate),
    lastResult: text(call.data.sessionResult),
  };
};

const signed = (data: Record<string, unknown>) => typeof data.settlementAmountFen === 'number';

/** Warns the worker and the mediators that the statutory limit is near, unless a settlement is signed. */
export const limitWarning: ServiceAction = async (call, { db }) => {
  if (signed(call.data)) return { warned: false };
  const days = numberParam(call, 'limitDays', 15);
  const mediators = await usersWithRole(db, 'mediator');
  await notifyOnce(db, [call.applicant.userId, ...mediators], call.caseId, 'dispute-limit-warning', {
    zh: `案件 ${call.caseNumber} 即将届满 ${days} 日调解期限；期满未达成协议的，当事人可申请劳动仲裁。`,
    en: `Case ${call.caseNumber} is close to the ${days}-day mediation limit.`,
  });
  return { warned: true, notified: mediators.length + 1 };
};

/** At the limit: has a settlement agreement been signed? */
export const limitCheck: ServiceAction = async (call) => ({
  agreementReached: signed(call.data),
  checkedAt: new Date().toISOString(),
});

/** Actions of the labour dispute process. */
export const disputeActions: Record<string, ServiceAction> = {
  'dispute.arbitration-summary': arbitrationSummaryAction,
  'dispute.record-session': recordSession,
  'dispute.limit-warning': limitWarning,
  'dispute.limit-check': limitCheck,
};
