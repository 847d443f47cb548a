// Workflow-thread CPU per case without a server: replays the recorded histories of two eras (same
// scenarios, different interpreter paths) in alternating rounds and reports process CPU per replayed
// case. Run: node --import tsx test/bench/replay-cpu.ts 9-engine-revision 10-folded-assignment [rounds]
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { workflowsPath } from '../../workers/src/worker';

const dir = fileURLToPath(new URL('../../workflows/test/fixtures/histories/', import.meta.url));
const [a = '9-engine-revision', b = '10-folded-assignment', roundsArg = '5'] = process.argv.slice(2);
const logger = new DefaultLogger('WARN');
Runtime.install({ logger, telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } } });
const workflowBundle = await bundleWorkflowCode({ workflowsPath, logger, preloadModules: [workflowsPath] });

async function histories(era: string) {
  const files = (await readdir(`${dir}${era}`)).filter((f) => f.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (f) => ({
      workflowId: `${era}-${f}`,
      history: JSON.parse(await readFile(`${dir}${era}/${f}`, 'utf8')),
    })),
  );
}

async function round(era: string, copies: number): Promise<number> {
  const base = await histories(era);
  const all = Array.from({ length: copies }, (_, i) =>
    base.map((h) => ({ ...h, workflowId: `${h.workflowId}-${i}` })),
  ).flat();
  const before = process.cpuUsage();
  for await (const result of Worker.runReplayHistories({ workflowBundle }, all)) {
    if (result.error) throw result.error;
  }
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / all.length;
}

const out: Record<string, number[]> = { [a]: [], [b]: [] };
await round(a, 2);
await round(b, 2);
for (let i = 0; i < Number(roundsArg); i++) {
  out[a]?.push(await round(a, 10));
  out[b]?.push(await round(b, 10));
}
for (const [era, ms] of Object.entries(out))
  console.log(`${era}: ${ms.map((m) => m.toFixed(1)).join(', ')} ms CPU per replayed case`);
