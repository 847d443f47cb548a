import os from 'node:os';
import type { ProfileSummary } from './cpu-profile';
import type { FlowRun } from './flow-run';

const cores = os.cpus().length;

/** What would move each component, should it be the one that limits the rate (ADR 009 has the numbers). */
const levers: Record<string, string> = {
  temporal:
    'the dev server is one process with one history shard on in-memory SQLite, and every start costs it a workflow creation, two execution updates, a history read and two visibility writes; a Temporal cluster on its own hosts takes that CPU off this machine, and fewer history events and search-attribute upserts per step lower it',
  worker:
    "most of it is the TypeScript SDK's fixed cost per workflow activation (each one enters the workflow sandbox several times, each entry with a watchdog thread for the isolate timeout, and every promise made in the sandbox records a source-mapped stack trace), so fewer activations per step lower it (three per start and per decision now, no fewer without merging lookups into projections), and more worker processes spread it over more cores",
  gateway:
    'more gateway processes (stateless), and fewer database round trips per request: every request looks up its session, every write reserves and then stores its idempotency key, and a decision reads the case back for its answer',
  postgresql:
    "fewer round trips per request in the gateway (the engine's projection is five statements), and fsync on a real disk will add commit latency that this embedded instance (fsync off) does not show",
  'load generator': 'a load generator on another machine (here it competes for the same two cores)',
};

/** The platform's processes: what a deployment pays for, without the load generator. */
const PLATFORM = ['gateway', 'worker', 'temporal', 'postgresql'];

/**
 * Says, from measurements only, whether a run met its targets and which component was busiest when it
 * did not; profiles back the claim with where the CPU went.
 */
export function analyseBottleneck(
  runs: FlowRun[],
  profiles: ProfileSummary[],
  targets: { startTarget: number; completeTarget: number },
): string {
  const lines = ['## Bottleneck analysis', ''];
  const cases = runs.find((r) => r.name === 'three-step cases');
  const starts = runs.find((r) => r.name === 'starts only');
  const check = (what: string, got: number | undefined, target: number) =>
    got === undefined
      ? `- ${what}: not measured.`
      : `- ${what}: ${got}/s against a target of ${target}/s — ${got >= target ? 'met' : `short by ${Math.round((1 - got / target) * 100)}%`}.`;
  lines.push(check('Started cases', starts?.startedPerSecond, targets.startTarget));
  lines.push(check('Completed three-step cases', cases?.completedPerSecond, targets.completeTarget));
  const next = cases?.latencies.find((l) => l.name.startsWith('decision → next'));
  if (next) {
    lines.push(
      `- Decision → next task visible under load: p95 ${next.p95} ms against 150 ms — ${next.p95 <= 150 ? 'met' : 'missed'}.`,
    );
  }
  const idle = runs.find((r) => r.name === 'one case at a time');
  const idleNext = idle?.latencies.find((l) => l.name.startsWith('decision → next'));
  if (idleNext) lines.push(`- The same with one case at a time: p95 ${idleNext.p95} ms.`);
  lines.push('');
  for (const run of [cases, starts]) {
    if (!run) continue;
    const total = run.usage.reduce((s, u) => s + u.cpuAvg, 0) || 1;
    const ranked = [...run.usage].sort((a, b) => b.cpuAvg - a.cpuAvg);
    const top = ranked[0]!;
    const saturated = run.machineBusyPercent >= 85;
    // Busy time on the machine that none of our processes account for: other people's work.
    const foreign = Math.max(0, Math.round(run.machineBusyPercent * cores - total));
    lines.push(
      `**${run.name}** (${run.concurrency} loops): the machine was ${run.machineBusyPercent}% busy. CPU by process: ${ranked
        .map((u) => `${u.name} ${u.cpuAvg}% (${Math.round((u.cpuAvg / total) * 100)}% of the work)`)
        .join(', ')}; other processes on the machine ${foreign}% of a core.`,
    );
    lines.push('');
    if (foreign > 30) {
      lines.push(
        `The machine was shared: other work took ${foreign}% of a core, so these rates understate what the platform does on a quiet machine.`,
      );
      lines.push('');
    }
    const perCase = run.name === 'starts only' ? run.startedPerSecond : run.completedPerSecond;
    const platformMs =
      perCase > 0
        ? Math.round(
            (run.usage.filter((u) => PLATFORM.includes(u.name)).reduce((sum, u) => sum + u.cpuAvg, 0) * 10) /
              perCase,
          )
        : 0;
    const target = run.name === 'starts only' ? targets.startTarget : targets.completeTarget;
    if (platformMs > 0) {
      lines.push(
        `The platform's four processes spent ${platformMs} ms of CPU per ${run.name === 'starts only' ? 'start' : 'completed case'}: with all ${cores} cores to themselves they could not exceed ${Math.round((cores * 1000) / platformMs)}/s, and ${target}/s needs at most ${Math.round((cores * 1000) / target)} ms.`,
      );
      lines.push('');
    }
    if (saturated) {
      lines.push(
        `Both cores are used up, so the rate is bounded by total CPU per case; the largest share goes to **${top.name}**. What would move it: ${levers[top.name] ?? 'n/a'}.`,
      );
    } else {
      const busyNode = ranked.find((u) => (u.name === 'gateway' || u.name === 'worker') && u.cpuAvg >= 90);
      lines.push(
        busyNode
          ? `The machine has headroom but the **${busyNode.name}** sits near one full core: its JavaScript thread is the limit. What would move it: ${levers[busyNode.name]}.`
          : 'The machine has headroom and no process is pinned at a full core: the rate is bounded by waiting (round trips through Temporal and PostgreSQL per step), not by CPU; more concurrent loops raise it until CPU runs out.',
      );
    }
    lines.push('');
  }
  const hot = profiles.filter((p) => p.busyPercent > 5).slice(0, 2);
  for (const p of hot) {
    const areas = p.byArea
      .slice(0, 5)
      .map((a) => `${a.area} ${a.percent}%`)
      .join(', ');
    lines.push(`- Profile ${p.file}: ${p.busyPercent}% busy; self time by area: ${areas}.`);
  }
  return lines.join('\n');
}
