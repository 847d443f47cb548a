import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { LoadResult } from './load';

/**
 * The commit the run started from, read once: a long run's reports must not pick up commits made
 * while it ran. Uncommitted changes outside bench/results (which the run itself rewrites) mark it dirty.
 */
const startCommit = (() => {
  try {
    const commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
    const changed = execSync("git status --porcelain --untracked-files=no -- . ':!bench/results'", {
      encoding: 'utf8',
    }).trim();
    return changed ? `${commit}-dirty` : commit;
  } catch {
    return 'unknown'; // not a git checkout
  }
})();

/** Where the benchmark ran: results are only comparable on the same kind of machine and commit. */
export function machine() {
  const commit = startCommit;
  return {
    commit,
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    at: new Date().toISOString(),
  };
}

/** Writes `<name>.json` and `<name>.md` under bench/results and returns the markdown. */
export function writeReport(
  root: string,
  name: string,
  title: string,
  results: LoadResult[],
  extra: {
    notes?: string[];
    plans?: Record<string, string>;
    metrics?: Record<string, unknown>;
    /** Markdown blocks appended as they are (tables, profiles); kept out of the JSON. */
    sections?: string[];
    /** Leave the metrics out of the markdown when the sections already show them (they stay in the JSON). */
    metricsOnlyInJson?: boolean;
  } = {},
): string {
  const dir = join(root, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const info = machine();
  writeFileSync(
    join(dir, `${name}.json`),
    `${JSON.stringify({ title, machine: info, results, ...extra, sections: undefined, metricsOnlyInJson: undefined }, null, 2)}\n`,
  );
  const lines = [
    `# ${title}`,
    '',
    `Commit ${info.commit} · ${info.cpus} × ${info.cpuModel} · ${info.memoryGiB} GiB · Node ${info.node} · ${info.at}`,
    '',
    // A bench without load scenarios (the export bench) reports in its own sections only.
    ...(results.length
      ? [
          '| scenario | concurrency | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |',
          '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
          ...results.map(
            (r) =>
              `| ${r.name} | ${r.concurrency} | ${r.requestsPerSecond} | ${r.p50} | ${r.p95} | ${r.p99} | ${r.max} | ${r.errors} |`,
          ),
          '',
        ]
      : []),
    ...(extra.metrics && !extra.metricsOnlyInJson
      ? ['```json', JSON.stringify(extra.metrics, null, 2), '```', '']
      : []),
    ...(extra.notes ?? []).map((n) => `- ${n}`),
    '',
    ...(extra.sections ?? []).flatMap((section) => [section, '']),
    ...Object.entries(extra.plans ?? {}).flatMap(([k, v]) => [`## Plan: ${k}`, '', '```', v, '```', '']),
  ];
  const md = lines.join('\n');
  writeFileSync(join(dir, `${name}.md`), md);
  return md;
}
