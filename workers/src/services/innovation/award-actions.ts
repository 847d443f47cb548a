import { awardBandFor, mentorAwardFen } from '@unionflow/domain';
import { numberParam, refuse, stringParam, userByName } from '../call-helpers';
import { disburse, pay, reclaim } from '../payments/payment-actions';
import type { ServiceAction } from '../registry';

/** The award band of the proposal's tier, from the bands the definition passes as params. */
export const awardBand: ServiceAction = async (call) => {
  const bands = call.params.bands;
  if (!bands || typeof bands !== 'object') throw refuse('innovation.award-band needs params.bands');
  try {
    return { ...awardBandFor(call.data.tier, bands as Record<string, unknown>) };
  } catch (err) {
    throw refuse(err instanceof Error ? err.message : String(err));
  }
};

/** 借鉴共享: publishes the approved result to the library every member searches. */
export const publishToLibrary: ServiceAction = async (call, { db }) => {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const authorField = call.params.authorField;
  const author = typeof authorField === 'string' ? await userByName(db, call.data[authorField]) : null;
  const awardField = stringParam(call, 'awardField', 'awardFen');
  const award = call.data[awardField];
  const summary =
    [str(call.data.description), str(call.data.problem), str(call.data.benefit), str(call.data.deliverable)]
      .filter(Boolean)
      .join('\n\n') || str(call.data.title);
  const entry = {
    case_id: call.caseId,
    case_number: call.caseNumber,
    process_key: stringParam(call, 'processKey', 'innovation-proposal'),
    title: str(call.data.title) || call.caseNumber,
    kind: str(call.data.kind) || null,
    tier: stringParam(call, 'tier', str(call.data.tier)) || null,
    summary,
    author_id: author?.id ?? call.applicant.userId,
    org_id: author?.org_id ?? call.applicant.orgId,
    award_fen: typeof award === 'number' && Number.isSafeInteger(award) ? award : null,
    published_at: new Date(),
  };
  await db
    .insertInto('library_entries')
    .values(entry)
    .onConflict((oc) => oc.column('case_id').doNothing())
    .execute();
  return { entryId: call.caseId, publishedAt: entry.published_at.toISOString() };
};

/** 导师带徒: the apprentice's registered mentor receives a share of the award. */
export const mentorAward: ServiceAction = async (call, { db }) => {
  const mentor = await db
    .selectFrom('mentorships')
    .select('mentor_id')
    .where('apprentice_id', '=', call.applicant.userId)
    .where('ended_at', 'is', null)
    .orderBy('registered_at', 'desc')
    .executeTakeFirst();
  if (!mentor) return { mentorId: null, amountFen: 0 };
  const amountField = stringParam(call, 'amountField', 'awardFen');
  const award = call.data[amountField];
  if (typeof award !== 'number') throw refuse(`"${amountField}" holds no award to share with the mentor`);
  const amountFen = mentorAwardFen(award, numberParam(call, 'percent', 10));
  const paid = await pay(call, { db }, { payeeId: mentor.mentor_id, amountFen, kind: 'mentor-award' });
  return { mentorId: mentor.mentor_id, amountFen, paymentId: paid.paymentId };
};

/** Award, mentor and library actions of the innovation proposal. */
export const awardActions: Record<string, ServiceAction> = {
  'innovation.award-band': awardBand,
  'innovation.disburse-award': (call, deps) =>
    disburse({ ...call, params: { kind: 'innovation-award', ...call.params } }, deps),
  'innovation.reclaim-award': reclaim,
  'innovation.publish-to-library': publishToLibrary,
  'innovation.mentor-award': mentorAward,
};
