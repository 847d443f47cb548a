import os from 'node:os';
import type { ProfileSummary } from './cpu-profile';
import type { FlowRun } from './flow-run';

const cores = os.cpus().length;

/** What would move each component, should it be the one that limits the rate. */
const levers: Record<string, string> = {
  temporal:
    'the dev server runs one history shard on SQLite/in-memory in one process; a Temporal cluster (more shards, Cassandra/PostgreSQL persistence) on its own hosts, and fewer round trips per step (one projection activity per step, local activities instead of normal ones), move it',
  worker:
    'more worker processes (the load spreads, see scale-out), fewer activities per step (batch the projection and audit writes in one activity or a local activity), and a larger workflow cache so sticky execution avoids replays',
  gateway:
    'more gateway processes (stateless), fewer statements per request (the inbox runs page + counts + candidates; case detail runs several), and cheaper session lookup (cache sessions for a few seconds)',
  postgresql:
    'fewer statements per step (the projection and the audit chain write in one transaction; the audit chain serialises on its head row), indexes for the hot queries, and a larger pool where backends wait',
  'load generator': 'a load generator on another machine (here it competes for the same two cores)',
};

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
