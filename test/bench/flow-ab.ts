import { execSync } from 'node:child_process';
import os from 'node:os';
import type { createDb } from '@unionflow/db';
import type { BenchUser } from './bench-users';
import { type DriverContext, driveCase, Recorder } from './case-driver';
import { type FlowRun, runFlow } from './flow-run';
import { type ProcessGroup, ProcSampler } from './proc-sampler';
import { writeReport } from './report';
import type { Stack } from './stack';

/**
 * Two gateways on one platform: this checkout's (gateway 0) and another's (gateway 1). Each run
 * gives both the same number of case-driving loops at the same time, with reviewers of their own, so
 * the gateway CPU per completed case of the two versions is compared under the same load of the
 * moment (on a shared machine that load moves more between two runs than the change does).
 */
export async function gatewayAb(o: {
  root: string;
  stack: Stack;
  db: ReturnType<typeof createDb>;
  users: { applicants: BenchUser[]; reviewers: BenchUser[] };
  reviewers: number;
  concurrency: number;
  seconds: number;
  compared: string;
  name: string;
  log: (s: string) => void;
}): Promise<string> {
  const s = o.stack;
  const half = Math.floor(o.reviewers / 2);
  const halfApplicants = Math.floor(o.users.applicants.length / 2);
  const sides = [0, 1].map(
    (i): DriverContext => ({
      bases: [s.gatewayUrls[i]!],
      applicants: o.users.applicants.slice(i * halfApplicants, (i + 1) * halfApplicants),
      reviewers: o.users.reviewers.slice(i * half, (i + 1) * half),
      recorder: new Recorder(),
    }),
  );
  const groupsOf = (i: number): ProcessGroup[] => [
    { name: 'gateway', pids: () => [s.pids().gateways[i] ?? -1] },
    { name: 'worker', pids: () => s.pids().workers },
    { name: 'temporal', pids: () => [s.pids().temporal ?? -1] },
  ];
  const labels = ['this checkout', `compared (${o.compared})`];
  let n = 0;
  const both = async (name: string, loopsEach: number, seconds: number) => {
    o.log(`A/B ${name}: ${loopsEach} loops per gateway for ${seconds} s…`);
    const runs = await Promise.all(
      [0, 1].map((i) =>
        runFlow(
          `${name} · ${labels[i]}`,
          sides[i]!,
          { concurrency: loopsEach, seconds, groups: groupsOf(i), firstCase: n + i * 500_000 },
          driveCase,
        ),
      ),
    );
    n += 1_000_000;
    for (const r of runs)
      o.log(
        `  ${r.name}: completed ${r.completedPerSecond}/s, gateway ${gatewayMs(r)} ms CPU per completed case`,
      );
    return runs;
  };
  await both('warm-up', 2, 10);
  // What each gateway spends with nobody asking (timers, the engine connection, load sampling): at the
  // low rates of a busy shared machine it is a large part of "per case", the same on both sides.
  o.log('A/B idle: both gateways, 15 s without requests…');
  const idleSampler = new ProcSampler([
    { name: 'gateway 0', pids: () => [s.pids().gateways[0] ?? -1] },
    { name: 'gateway 1', pids: () => [s.pids().gateways[1] ?? -1] },
  ]);
  idleSampler.start();
  await new Promise((r) => setTimeout(r, 15_000));
  const idle = (await idleSampler.stop()).groups.map((g) => g.cpuAvg);
  const measured = [
    ...(await both('one case at a time per gateway', 1, Math.min(20, o.seconds))),
    ...(await both('three-step cases', Math.max(1, Math.floor(o.concurrency / 2)), o.seconds)),
  ];
  const compareCommit = (() => {
    try {
      return execSync('git log -1 --format=%h%x20%s', { cwd: o.compared, encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  })();
  const table = [
    '## Gateway CPU per completed case, side by side',
    '',
    '| run | gateway | loops | completed cases/s | gateway CPU % of a core (idle) | gateway CPU ms per completed case | the same above idle | machine busy % |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...measured.map((r, k) => {
      const [run, side] = r.name.split(' · ');
      const i = k % 2;
      return `| ${run} | ${side} | ${r.concurrency} | ${r.completedPerSecond} | ${r.usage.find((u) => u.name === 'gateway')?.cpuAvg ?? '—'} (${idle[i]}) | ${gatewayMs(r)} | ${gatewayMs(r, idle[i])} | ${r.machineBusyPercent} |`;
    }),
  ].join('\n');
  return writeReport(
    o.root,
    o.name,
    'Gateway against gateway: two versions side by side on one platform, CPU per completed case',
    measured.flatMap((r) => r.latencies.map((l) => ({ ...l, name: `${r.name} · ${l.name}` }))),
    {
      notes: [
        `Gateway 0 runs this checkout, gateway 1 the checkout at ${o.compared} (${compareCommit}); one worker, the Temporal dev server and PostgreSQL are shared. Each run gives both gateways the same loops at the same time, each with its own applicants and reviewers.`,
        "Gateway CPU per completed case: the gateway process's CPU (% of a core × seconds) over the cases its loops completed in the window: the start, three inbox polls or more, three case pages and three decisions of each.",
        `Load average (1, 5, 15 min) at the end: ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}.`,
      ],
      metrics: {
        idleGatewayCpuPercent: idle,
        runs: measured.map(({ latencies: _l, ...r }, k) => ({
          ...r,
          gatewayMsPerCase: gatewayMs(r),
          gatewayMsPerCaseAboveIdle: gatewayMs(r, idle[k % 2]),
        })),
      },
      sections: [table],
    },
  );
}

function gatewayMs(r: Omit<FlowRun, 'latencies'>, idlePercent = 0): number {
  const cases = r.completedPerSecond * r.seconds;
  const cpu = Math.max(0, (r.usage.find((u) => u.name === 'gateway')?.cpuAvg ?? 0) - idlePercent);
  return cases > 0 ? Math.round(((cpu / 100) * r.seconds * 1000 * 10) / cases) / 10 : 0;
}
