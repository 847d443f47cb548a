import type {
  AnalyticsOverviewDto,
  DisputeAnalyticsDto,
  HardshipAnalyticsDto,
  InnovationAnalyticsDto,
  ProcessAnalyticsDto,
} from '@unionflow/contracts';
import type { Database } from '@unionflow/db';
import { ANALYTICS_KEYS, PAYMENT_KIND_LABELS } from '@unionflow/domain';
import type { ProcessDefinition } from '@unionflow/process-model';
import type { Label } from '@unionflow/process-model/catalog';
import type { Kysely } from 'kysely';
import type { AuthUser } from '../auth';
import { latestDefinitions } from '../cases/definitions';
import { mayAnalyse } from './analytics-access';
import { type AnalyticsRange, rangeView } from './analytics-range';
import { disputeFigures, hardshipFigures, innovationFigures } from './department-analytics-repository';
import { unitsInScope } from './org-scope-repository';
import {
  openCaseCount,
  processTotals,
  stepEvents,
  stepTimes,
  waitingNow,
  weeklyFlow,
} from './process-analytics-repository';

const HOUR_MS = 3_600_000;
const round = (n: number, places = 1) => Math.round(n * 10 ** places) / 10 ** places;
/** Text in Chinese with an optional English form, as the API carries it. */
type Text = { zh: string; en?: string };
const labelOf = (table: Record<string, Label>, key: string): Text => table[key] ?? { zh: key, en: key };

/** A step's name from the definition, else the name stored with the row, else its id. */
function stepNamer(def: ProcessDefinition) {
  const names = new Map(def.nodes.map((n) => [n.id, n.name]));
  return (nodeId: string, stored: Text | null | undefined): Text =>
    names.get(nodeId) ?? stored ?? { zh: nodeId, en: nodeId };
}

/** Every Monday (Asia/Shanghai) whose week overlaps the range, so empty weeks show as zero. */
function weeksOf(range: AnalyticsRange): string[] {
  const first = new Date(`${range.from}T00:00:00Z`);
  first.setUTCDate(first.getUTCDate() - ((first.getUTCDay() + 6) % 7));
  const weeks: string[] = [];
  for (let d = first; d.toISOString().slice(0, 10) <= range.to; d = new Date(d.getTime() + 7 * 24 * HOUR_MS))
    weeks.push(d.toISOString().slice(0, 10));
  return weeks;
}

/** The flow of one process for the caller's org scope. */
export async function processBoard(
  db: Kysely<Database>,
  user: AuthUser,
  def: ProcessDefinition,
  range: AnalyticsRange,
): Promise<ProcessAnalyticsDto> {
  const units = await unitsInScope(db, user);
  const q = { processKey: def.key, orgIds: [...units.keys()], range };
  const [flow, openNow, times, waiting, events] = await Promise.all([
    weeklyFlow(db, q),
    openCaseCount(db, q),
    stepTimes(db, q),
    waitingNow(db, q),
    stepEvents(db, q),
  ]);
  const name = stepNamer(def);
  const started = new Map(flow.started.map((r) => [r.week, r.n]));
  const finished = new Map(flow.finished.map((r) => [r.week, r.n]));
  const perStep = new Map<string, { stepName: Text; opened: number; returned: number }>();
  for (const e of events) {
    const s = perStep.get(e.node_id) ?? { stepName: name(e.node_id, e.step_name), opened: 0, returned: 0 };
    s.opened += e.opened;
    s.returned += e.returned;
    perStep.set(e.node_id, s);
  }
  return {
    processKey: def.key,
    name: def.name,
    department: def.department,
    range: rangeView(range),
    totals: {
      started: flow.started.reduce((n, r) => n + r.n, 0),
      finished: flow.finished.reduce((n, r) => n + r.n, 0),
      openNow,
    },
    weeks: weeksOf(range).map((week) => ({
      week,
      started: started.get(week) ?? 0,
      finished: finished.get(week) ?? 0,
    })),
    stepTimes: times.map((r) => ({
      nodeId: r.node_id,
      stepName: name(r.node_id, r.step_name),
      completed: r.completed,
      medianHours: round(r.median_hours),
      p90Hours: round(r.p90_hours),
    })),
    waiting: waiting.map((r) => ({
      nodeId: r.node_id,
      stepName: name(r.node_id, r.step_name),
      open: r.open,
      oldestSince: new Date(r.oldest).toISOString(),
      oldestAgeHours: round((range.now.getTime() - new Date(r.oldest).getTime()) / HOUR_MS),
    })),
    sla: events
      .filter((e) => e.overdue + e.escalated > 0)
      .map((e) => ({
        nodeId: e.node_id,
        stepName: name(e.node_id, e.step_name),
        orgId: e.org_id,
        unit: units.get(e.org_id) ?? e.org_id,
        breaches: e.overdue,
        escalations: e.escalated,
      }))
      .sort((a, b) => b.breaches + b.escalations - (a.breaches + a.escalations)),
    returns: [...perStep.entries()]
      .filter(([, s]) => s.opened > 0)
      .map(([nodeId, s]) => ({
        nodeId,
        stepName: s.stepName,
        opened: s.opened,
        returned: s.returned,
        rate: round(s.returned / s.opened, 3),
      }))
      .sort((a, b) => b.rate - a.rate),
  };
}

export async function innovationBoard(
  db: Kysely<Database>,
  user: AuthUser,
  range: AnalyticsRange,
): Promise<InnovationAnalyticsDto> {
  const units = await unitsInScope(db, user);
  const f = await innovationFigures(db, { orgIds: [...units.keys()], range });
  const tiers = ANALYTICS_KEYS.innovation.tiers;
  return {
    range: rangeView(range),
    byTierUnit: f.byTierUnit.map((r) => ({
      tier: r.tier,
      tierName: labelOf(tiers, r.tier),
      orgId: r.org_id,
      unit: units.get(r.org_id) ?? r.org_id,
      proposals: r.proposals,
    })),
    participation: {
      members: f.members,
      submitters: f.submitters,
      rate: f.members === 0 ? 0 : round(f.submitters / f.members, 3),
    },
    awardsByQuarter: f.awards.map((a) => ({ quarter: a.key, payments: a.payments, amountFen: a.amountFen })),
    library: {
      ...f.library,
      mostReused: f.library.mostReused.map((r) => ({
        caseId: r.case_id,
        caseNumber: r.case_number,
        title: r.title,
        unit: r.unit,
        reuses: r.reuses,
        units: r.units,
      })),
    },
  };
}

export async function hardshipBoard(
  db: Kysely<Database>,
  user: AuthUser,
  range: AnalyticsRange,
): Promise<HardshipAnalyticsDto> {
  const units = await unitsInScope(db, user);
  const f = await hardshipFigures(db, { orgIds: [...units.keys()], range });
  const { levels, aidKinds } = ANALYTICS_KEYS.hardship;
  return {
    range: rangeView(range),
    levelsByMonth: f.levels.map((r) => ({ ...r, levelName: labelOf(levels, r.level) })),
    inFileNow: f.now.map((r) => ({ ...r, levelName: labelOf(levels, r.level) })),
    movements: f.movements,
    aidByKind: f.aid.map((a) => ({
      kind: a.key,
      kindName: labelOf({ ...PAYMENT_KIND_LABELS, ...aidKinds }, a.key),
      payments: a.payments,
      amountFen: a.amountFen,
    })),
  };
}

export async function disputeBoard(
  db: Kysely<Database>,
  user: AuthUser,
  range: AnalyticsRange,
): Promise<DisputeAnalyticsDto> {
  const units = await unitsInScope(db, user);
  const f = await disputeFigures(db, { orgIds: [...units.keys()], range });
  return {
    range: rangeView(range),
    limitDays: ANALYTICS_KEYS.disputes.limitDays,
    ...f,
    settledWithinLimitShare: f.settled === 0 ? 0 : round(f.settledWithinLimit / f.settled, 3),
  };
}

/** The federation board: every published process the caller may analyse, in their scope. */
export async function overviewBoard(
  db: Kysely<Database>,
  user: AuthUser,
  range: AnalyticsRange,
): Promise<AnalyticsOverviewDto> {
  const defs = (await latestDefinitions(db)).filter((d) => mayAnalyse(user, d.department));
  const units = await unitsInScope(db, user);
  const rows = await processTotals(db, {
    orgIds: [...units.keys()],
    range,
    processKeys: defs.map((d) => d.key),
  });
  const byKey = new Map(rows.map((r) => [r.process_key, r]));
  return {
    range: rangeView(range),
    processes: defs.map((d) => {
      const r = byKey.get(d.key);
      return {
        processKey: d.key,
        name: d.name,
        department: d.department,
        started: r?.started ?? 0,
        finished: r?.finished ?? 0,
        openNow: r?.open_now ?? 0,
        overdueNow: r?.overdue_now ?? 0,
      };
    }),
  };
}
