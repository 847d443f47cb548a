import type { Database } from '@unionflow/db';
import { quarterRange, yearRange } from '@unionflow/domain';
import type { ServiceCall } from '@unionflow/workflows';
import { type Kysely, sql } from 'kysely';
import { listOf, numberParam, refuse, stringParam, userByName } from '../call-helpers';
import { pay } from '../payments/payment-actions';
import type { ServiceAction } from '../registry';

interface Candidate {
  caseId: string;
  number: string;
  title: string;
  applicantId: string;
  username: string;
  tier: string | null;
  awardFen: number | null;
}

/** Awarded proposals completed within [from, to). */
async function awardedProposals(
  db: Kysely<Database>,
  processKey: string,
  from: Date,
  to: Date,
): Promise<Candidate[]> {
  const rows = await db
    .selectFrom('cases as c')
    .innerJoin('users as u', 'u.id', 'c.applicant_id')
    .select(['c.id', 'c.number', 'c.title', 'c.applicant_id', 'u.username', 'c.data'])
    .where('c.process_key', '=', processKey)
    .where('c.status', '=', 'completed')
    .where('c.outcome', '=', 'awarded')
    .where('c.updated_at', '>=', from)
    .where('c.updated_at', '<', to)
    .orderBy('c.updated_at')
    .limit(500)
    .execute();
  return rows.map((r) => {
    const data = r.data as Record<string, unknown>;
    return {
      caseId: r.id,
      number: r.number,
      title: r.title,
      applicantId: r.applicant_id,
      username: r.username,
      tier: typeof data.tier === 'string' ? data.tier : null,
      awardFen: typeof data.awardFen === 'number' ? data.awardFen : null,
    };
  });
}

function periodOf(call: ServiceCall, field: 'quarter' | 'year'): string {
  const value = call.data[field];
  if (typeof value !== 'string' && typeof value !== 'number') throw refuse(`The case has no ${field}`);
  return String(value).trim().toUpperCase();
}

/** Records one selection award and pays it; both keyed by the selection step and person. */
async function award(
  call: ServiceCall,
  db: Kysely<Database>,
  a: {
    period: string;
    category: 'excellent-proposal' | 'pacesetter' | 'hall-of-fame';
    userId: string;
    sourceCaseId: string | null;
    amountFen: number;
  },
): Promise<void> {
  const suffix = `${a.category}:${a.sourceCaseId ?? a.userId}`;
  await db
    .insertInto('selection_awards')
    .values({
      id: `${call.caseId}:${suffix}`,
      selection_case_id: call.caseId,
      period: a.period,
      category: a.category,
      user_id: a.userId,
      source_case_id: a.sourceCaseId,
      amount_fen: a.amountFen,
      created_at: new Date(),
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  await pay(call, { db }, { payeeId: a.userId, amountFen: a.amountFen, kind: a.category, suffix });
}

export const quarterCandidates: ServiceAction = async (call, { db }) => {
  const quarter = periodOf(call, 'quarter');
  let range: { from: Date; to: Date };
  try {
    range = quarterRange(quarter);
  } catch (err) {
    throw refuse(err instanceof Error ? err.message : String(err));
  }
  const proposals = await awardedProposals(
    db,
    stringParam(call, 'processKey', 'innovation-proposal'),
    range.from,
    range.to,
  );
  return {
    quarter,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    count: proposals.length,
    proposals,
  };
};

/**
 * Pays the quarter's selection: each excellent proposal (only ones among the collected candidates)
 * and each pacesetter. Names that do not qualify are reported back, not paid.
 */
export const quarterlyAwards: ServiceAction = async (call, { db }) => {
  const quarter = periodOf(call, 'quarter');
  const candidates = (call.data.candidates as { proposals?: Candidate[] } | undefined)?.proposals ?? [];
  const excellentFen = call.data.excellentAwardFen;
  if (typeof excellentFen !== 'number') throw refuse('No award per excellent proposal was set');
  const skipped: string[] = [];
  const excellent: { number: string; username: string }[] = [];
  for (const number of listOf(call.data.excellentCases)) {
    const found = candidates.find((c) => c.number.toUpperCase() === number.toUpperCase());
    if (!found) {
      skipped.push(number);
      continue;
    }
    await award(call, db, {
      period: quarter,
      category: 'excellent-proposal',
      userId: found.applicantId,
      sourceCaseId: found.caseId,
      amountFen: excellentFen,
    });
    excellent.push({ number: found.number, username: found.username });
  }
  const pacesetterFen = numberParam(call, 'pacesetterAwardFen', 300_000);
  const pacesetters: string[] = [];
  for (const name of listOf(call.data.pacesetters)) {
    const user = await userByName(db, name);
    // A pacesetter must have had at least one awarded proposal this quarter.
    if (!user || !candidates.some((c) => c.applicantId === user.id)) {
      skipped.push(name);
      continue;
    }
    await award(call, db, {
      period: quarter,
      category: 'pacesetter',
      userId: user.id,
      sourceCaseId: null,
      amountFen: pacesetterFen,
    });
    pacesetters.push(user.username);
  }
  const totalFen = excellent.length * excellentFen + pacesetters.length * pacesetterFen;
  return { quarter, excellent, pacesetters, skipped, totalFen };
};

/** The year's innovators ranked by awarded proposals, then by total award. */
export const yearCandidates: ServiceAction = async (call, { db }) => {
  const year = Number(periodOf(call, 'year'));
  let range: { from: Date; to: Date };
  try {
    range = yearRange(year);
  } catch (err) {
    throw refuse(err instanceof Error ? err.message : String(err));
  }
  const rows = await db
    .selectFrom('cases as c')
    .innerJoin('users as u', 'u.id', 'c.applicant_id')
    .select([
      'u.id',
      'u.username',
      'u.display_name',
      sql<number>`count(*)::int`.as('proposals'),
      sql<number>`coalesce(sum((c.data->>'awardFen')::bigint), 0)::bigint`.as('total'),
    ])
    .where('c.process_key', '=', stringParam(call, 'processKey', 'innovation-proposal'))
    .where('c.status', '=', 'completed')
    .where('c.outcome', '=', 'awarded')
    .where('c.updated_at', '>=', range.from)
    .where('c.updated_at', '<', range.to)
    .groupBy(['u.id', 'u.username', 'u.display_name'])
    .orderBy('proposals', 'desc')
    .orderBy('total', 'desc')
    .limit(numberParam(call, 'limit', 20))
    .execute();
  return {
    year,
    ranking: rows.map((r) => ({
      userId: r.id,
      username: r.username,
      displayName: r.display_name,
      proposals: r.proposals,
      totalAwardFen: Number(r.total),
    })),
  };
};

/** 名人堂: inducts the selected innovators (only ranked ones) and pays each the set award. */
export const inductHallOfFame: ServiceAction = async (call, { db }) => {
  const year = periodOf(call, 'year');
  const ranking =
    (call.data.candidates as { ranking?: { userId: string; username: string }[] } | undefined)?.ranking ?? [];
  const amountFen = call.data.inducteeAwardFen;
  if (typeof amountFen !== 'number') throw refuse('No award per inductee was set');
  const inducted: string[] = [];
  const skipped: string[] = [];
  for (const name of listOf(call.data.inductees)) {
    const ranked = ranking.find((r) => r.username === name || r.userId === name);
    if (!ranked) {
      skipped.push(name);
      continue;
    }
    await award(call, db, {
      period: year,
      category: 'hall-of-fame',
      userId: ranked.userId,
      sourceCaseId: null,
      amountFen,
    });
    inducted.push(ranked.username);
  }
  return { year, inducted, skipped, totalFen: inducted.length * amountFen };
};

/** Quarterly selection and hall of fame. */
export const selectionActions: Record<string, ServiceAction> = {
  'innovation.quarter-candidates': quarterCandidates,
  'innovation.quarterly-awards': quarterlyAwards,
  'innovation.year-candidates': yearCandidates,
  'innovation.induct-hall-of-fame': inductHallOfFame,
};
