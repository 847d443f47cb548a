import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import {
  bundleWorkflowCode,
  DefaultLogger,
  Runtime,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { scenarios } from './scenarios';

const workflowsPath = fileURLToPath(new URL('../src/workflows.ts', import.meta.url));
const canary = (name: string) => fileURLToPath(new URL(`./canaries/${name}.ts`, import.meta.url));
const fixturesDir = fileURLToPath(new URL('./fixtures/histories/', import.meta.url));
/**
 * One directory per era of the interpreter, named after the newest patch its code had (oldest first):
 * every era still has running cases until its patch branch is removed (ADR 001).
 */
const eras = (await readdir(fixturesDir, { withFileTypes: true }))
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const scenarioFiles = async (era: string) =>
  (await readdir(`${fixturesDir}${era}`)).filter((f) => f.endsWith('.json')).sort();
/** Fixtures as `<era>/<scenario>.json`. */
const fixtures = (
  await Promise.all(eras.map(async (era) => (await scenarioFiles(era)).map((f) => `${era}/${f}`)))
).flat();
const readFixture = async (fixture: string): Promise<unknown> =>
  JSON.parse(await readFile(`${fixturesDir}${fixture}`, 'utf8'));

/** Replays one fixture; rejects with an error naming the fixture when the code no longer fits it. */
async function replay(bundle: WorkflowBundleWithSourceMap, fixture: string): Promise<void> {
  try {
    await Worker.runReplayHistory(
      { workflowBundle: bundle, replayName: fixture.replace(/\.json$/, '').replace('/', ':') },
      await readFixture(fixture),
    );
  } catch (err) {
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    throw new Error(`History fixture ${fixture} no longer replays on this workflow code. ${reason}`, {
      cause: err,
    });
  }
}

const logger = new DefaultLogger('WARN');
let current: WorkflowBundleWithSourceMap;
beforeAll(async () => {
  // The canary below fails on purpose; its expected non-determinism warnings would only be noise.
  Runtime.install({ logger, telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' } } } });
  // Bundled as the worker bundles it (workers/src/worker.ts): the interpreter preloaded and shared.
  current = await bundleWorkflowCode({ workflowsPath, logger, preloadModules: [workflowsPath] });
});

// Histories recorded from real cases must replay on today's workflow code. A failure here means a
// change would break running cases: guard it with patched() (docs/decisions/001-workflow-versioning.md).
describe('case workflow replays every recorded history', () => {
  it("has a fixture of today's code for every scenario, and no fixture without a scenario", async () => {
    const names = scenarios.map((s) => `${s.name}.json`).sort();
    expect(await scenarioFiles(eras.at(-1) ?? '')).toEqual(names);
    for (const era of eras) expect(names).toEqual(expect.arrayContaining(await scenarioFiles(era)));
  });

  it.each(fixtures)('%s', async (fixture) => {
    await replay(current, fixture);
  });
});

// Each canary replays every fixture of every era, so these take longer as eras accumulate.
const everyFixture = { timeout: 300_000 };
describe('the replay test tells a breaking change from a safe one', () => {
  it(
    'refuses a workflow that calls an activity before registerCase without patched()',
    everyFixture,
    async () => {
      const breaking = await bundleWorkflowCode({ workflowsPath: canary('unguarded-change'), logger });
      for (const fixture of fixtures) {
        const err = await replay(breaking, fixture).then(
          () => undefined,
          (e: unknown) => e as Error,
        );
        expect(err?.message, fixture).toMatch(new RegExp(`${fixture}.*DeterminismViolationError`));
      }
    },
  );

  it('accepts the same change behind patched()', everyFixture, async () => {
    const guarded = await bundleWorkflowCode({ workflowsPath: canary('patched-change'), logger });
    for (const fixture of fixtures) await replay(guarded, fixture);
  });
});
