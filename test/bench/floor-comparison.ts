import type { HistoryBreakdown } from './history-breakdown';
import type { LatencySummary } from './stats';
import { TEMPORAL_POSTGRESQL } from './temporal-targets';

/** One measured run of a fixed number of cases. */
export interface CaseRun {
  name: string;
  cases: number;
  seconds: number;
  perSecond: number;
  /** CPU milliseconds per case, by process group. */
  cpuMsPerCase: Record<string, number>;
  machineBusyPercent: number;
  start: LatencySummary;
  decision: LatencySummary;
}

interface Measured {
  run: CaseRun;
  breakdown: HistoryBreakdown;
}

/** The engine's figures divided by the floor's: rate below 1 is slower, CPU above 1 costs more. */
export interface FloorRatios {
  casesPerSecond: number;
  workerCpu: number;
  temporalCpu: number;
  postgresqlCpu: number;
  /** The cluster's own databases' backends; NaN on the dev server (SQLite in its process). */
  temporalPostgresqlCpu: number;
  historyEvents: number;
}

/** Everything measured on one Temporal. */
export interface TargetResult {
  target: { label: string; kind: string; shards: number };
  floor: Measured;
  engine: Measured;
  startsOnly: CaseRun;
  ratios: FloorRatios;
}

const ratio = (a: number | undefined, b: number | undefined) =>
  a === undefined || b === undefined || b === 0 ? Number.NaN : Math.round((a / b) * 100) / 100;

export function versusFloor(floor: Measured, engine: Measured): FloorRatios {
  const cpu = (name: string) => ratio(engine.run.cpuMsPerCase[name], floor.run.cpuMsPerCase[name]);
  return {
    casesPerSecond: ratio(engine.run.perSecond, floor.run.perSecond),
    workerCpu: cpu('worker'),
    temporalCpu: cpu('temporal'),
    postgresqlCpu: cpu('postgresql'),
    temporalPostgresqlCpu: cpu(TEMPORAL_POSTGRESQL),
    historyEvents: ratio(engine.breakdown.eventsPerCase, floor.breakdown.eventsPerCase),
  };
}

const times = (n: number) => (Number.isNaN(n) ? '—' : `${n.toFixed(2)}×`);

/** Per Temporal: the floor, the engine, and the engine as a multiple of the floor, figure by figure. */
export function comparisonMarkdown(results: TargetResult[]): string {
  const row = (label: string, name: string, m: Measured) =>
    `| ${label} | ${name} | ${m.run.perSecond} | ${m.run.cpuMsPerCase.worker} | ${m.run.cpuMsPerCase.temporal} | ${m.run.cpuMsPerCase[TEMPORAL_POSTGRESQL] ?? '—'} | ${m.run.cpuMsPerCase.postgresql} | ${m.breakdown.eventsPerCase} |`;
  const lines = [
    "| Temporal | run | cases/s | worker CPU ms/case | Temporal CPU ms/case | Temporal's PostgreSQL ms/case | PostgreSQL ms/case | history events/case |",
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    const q = r.ratios;
    lines.push(
      row(r.target.label, 'Temporal floor', r.floor),
      row(r.target.label, 'UnionFlow engine', r.engine),
      `| ${r.target.label} | **engine ÷ floor** | **${times(q.casesPerSecond)}** | **${times(q.workerCpu)}** | **${times(q.temporalCpu)}** | **${times(q.temporalPostgresqlCpu)}** | **${times(q.postgresqlCpu)}** | **${times(q.historyEvents)}** |`,
    );
  }
  const summaries = results.map(
    (r) =>
      `- ${r.target.label}: the engine runs at ${Math.round(r.ratios.casesPerSecond * 100)} % of the floor's rate; its worker spends ${times(r.ratios.workerCpu)} the floor worker's CPU per case, Temporal ${times(r.ratios.temporalCpu)}, PostgreSQL ${times(r.ratios.postgresqlCpu)}, with ${times(r.ratios.historyEvents)} the history events.`,
  );
  return [...lines, '', ...summaries].join('\n');
}

/** Every process group of one Temporal's runs, the floor's included. */
export function cpuMarkdown(r: TargetResult, concurrency: number): string {
  const runs = [r.floor.run, r.engine.run, r.startsOnly];
  const names = Object.keys(r.engine.run.cpuMsPerCase);
  return [
    `| run | cases | concurrency | s | cases/s | machine busy % | ${names.join(' | ')} |`,
    `| --- | ---: | ---: | ---: | ---: | ---: | ${names.map(() => '---:').join(' | ')} |`,
    ...runs.map(
      (run) =>
        `| ${run.name} | ${run.cases} | ${concurrency} | ${run.seconds} | ${run.perSecond} | ${run.machineBusyPercent} | ${names.map((n) => run.cpuMsPerCase[n]).join(' | ')} |`,
    ),
  ].join('\n');
}
