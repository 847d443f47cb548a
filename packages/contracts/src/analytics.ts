import { type Static, Type } from 'typebox';
import { LocalText, Timestamp } from './common';

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });
const Count = Type.Integer({ minimum: 0 });
/** Money in whole fen (the apps show yuan). */
const Fen = Type.Integer();

/** The days a board covers, inclusive, as calendar days in Asia/Shanghai. Default: the last 12 weeks. */
export const AnalyticsQuery = Type.Object({
  from: Type.Optional(Day),
  to: Type.Optional(Day),
});

const Range = Type.Object({ from: Day, to: Day, generatedAt: Timestamp });
const Step = { nodeId: Type.String(), stepName: LocalText };

/** One process's flow: cases started in the range (the cohort) and where its open cases wait now. */
export const ProcessAnalytics = Type.Object({
  processKey: Type.String(),
  name: LocalText,
  department: Type.String(),
  range: Range,
  totals: Type.Object({ started: Count, finished: Count, openNow: Count }),
  /** Per week (Monday, Asia/Shanghai): cases started, and cases that ended, in that week. */
  weeks: Type.Array(Type.Object({ week: Day, started: Count, finished: Count })),
  /** Time from a task opening to its decision, over the cohort's completed tasks. */
  stepTimes: Type.Array(
    Type.Object({ ...Step, completed: Count, medianHours: Type.Number(), p90Hours: Type.Number() }),
  ),
  /** Open tasks now, by step, with the oldest one's age: the heat list. */
  waiting: Type.Array(
    Type.Object({ ...Step, open: Count, oldestSince: Timestamp, oldestAgeHours: Type.Number() }),
  ),
  /** Tasks decided after (or still open past) their due time, and escalations, by step and unit. */
  sla: Type.Array(
    Type.Object({ ...Step, orgId: Type.String(), unit: Type.String(), breaches: Count, escalations: Count }),
  ),
  /** How often a step was returned: returns ÷ times the step opened. */
  returns: Type.Array(Type.Object({ ...Step, opened: Count, returned: Count, rate: Type.Number() })),
});

export const InnovationAnalytics = Type.Object({
  range: Range,
  /** Proposals started in the range, by tier and the proposer's unit. */
  byTierUnit: Type.Array(
    Type.Object({
      tier: Type.String(),
      tierName: LocalText,
      orgId: Type.String(),
      unit: Type.String(),
      proposals: Count,
    }),
  ),
  /** Members who submitted a proposal in the range ÷ active members of the caller's org scope. */
  participation: Type.Object({ members: Count, submitters: Count, rate: Type.Number() }),
  /** Awards paid (not reclaimed) by quarter in Asia/Shanghai, e.g. 2026-Q4. */
  awardsByQuarter: Type.Array(Type.Object({ quarter: Type.String(), payments: Count, amountFen: Fen })),
  /**
   * 借鉴共享: results the units in scope published in the range; reuses their members recorded in it
   * (one per member and result), per month and for the ten most reused results.
   */
  library: Type.Object({
    published: Count,
    reuses: Count,
    entriesReused: Count,
    byMonth: Type.Array(Type.Object({ month: Type.String(), reuses: Count, entries: Count })),
    mostReused: Type.Array(
      Type.Object({
        caseId: Type.String(),
        caseNumber: Type.String(),
        title: Type.String(),
        /** The unit that published the result. */
        unit: Type.String(),
        reuses: Count,
        /** Distinct units whose members reused it. */
        units: Count,
      }),
    ),
  }),
});

/** Counts and money only: no household appears here. */
export const HardshipAnalytics = Type.Object({
  range: Range,
  /** Households in the file at the end of each month (YYYY-MM), by the level they had then (ADR 033). */
  levelsByMonth: Type.Array(
    Type.Object({ month: Type.String(), level: Type.String(), levelName: LocalText, households: Count }),
  ),
  inFileNow: Type.Array(Type.Object({ level: Type.String(), levelName: LocalText, households: Count })),
  /**
   * Per month: first admissions, exits, and re-admissions (a household back in the file after an exit,
   * by a new file or an upheld objection). Level changes are neither.
   */
  movements: Type.Array(
    Type.Object({ month: Type.String(), admitted: Count, exited: Count, readmitted: Count }),
  ),
  aidByKind: Type.Array(
    Type.Object({ kind: Type.String(), kindName: LocalText, payments: Count, amountFen: Fen }),
  ),
});

export const DisputeAnalytics = Type.Object({
  range: Range,
  limitDays: Count,
  filed: Count,
  mediated: Count,
  settled: Count,
  referred: Count,
  amountSettledFen: Fen,
  settledWithinLimit: Count,
  /** settledWithinLimit ÷ settled (0 when none settled). */
  settledWithinLimitShare: Type.Number(),
  byMonth: Type.Array(Type.Object({ month: Type.String(), filed: Count, settled: Count, referred: Count })),
});

/** The federation board: every process the caller may analyse, in their org scope. */
export const AnalyticsOverview = Type.Object({
  range: Range,
  processes: Type.Array(
    Type.Object({
      processKey: Type.String(),
      name: LocalText,
      department: Type.String(),
      started: Count,
      finished: Count,
      openNow: Count,
      overdueNow: Count,
    }),
  ),
});

export type AnalyticsQueryDto = Static<typeof AnalyticsQuery>;
export type ProcessAnalyticsDto = Static<typeof ProcessAnalytics>;
export type InnovationAnalyticsDto = Static<typeof InnovationAnalytics>;
export type HardshipAnalyticsDto = Static<typeof HardshipAnalytics>;
export type DisputeAnalyticsDto = Static<typeof DisputeAnalytics>;
export type AnalyticsOverviewDto = Static<typeof AnalyticsOverview>;
