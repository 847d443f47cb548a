// `pnpm bench`: measured, never asserted. Results go to bench/results/ as JSON and markdown.
import { parseArgs } from 'node:util';
import { analyticsBench } from './analytics-bench';
import { engineBench } from './engine-bench';
import { exportBench } from './export-bench';
import { flowBench } from './flow-bench';
import { inboxBench } from './inbox-bench';

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    users: { type: 'string', default: '10000' },
    cases: { type: 'string', default: '300' },
    // Worker processes (flow and engine benches); the default is what \`pnpm start\` runs: one.
    workers: { type: 'string', default: '1' },
    tasks: { type: 'string', default: '1000000' },
    // Cases the 看板 bench seeds (`--only analytics --board-cases 100000` for a quick run).
    'board-cases': { type: 'string', default: '1000000' },
    // Keep the 看板 or inbox bench's database to read its query plans or measure it again.
    'keep-db': { type: 'boolean', default: false },
    // 看板 or inbox bench: measure a database an earlier --keep-db run seeded (its URL; migrated, not reseeded).
    'reuse-db': { type: 'string' },
    // Only the 看板 whose names contain one of these (comma-separated), e.g. "overview,innovation-proposal".
    boards: { type: 'string' },
    seconds: { type: 'string' },
    concurrency: { type: 'string' },
    'start-concurrency': { type: 'string', default: '16' },
    applicants: { type: 'string', default: '200' },
    reviewers: { type: 'string', default: '150' },
    profile: { type: 'boolean', default: false },
    // Keep the raw .cpuprofile files here (open them in Chrome DevTools); implies --profile.
    'profile-dir': { type: 'string' },
    // Dev server dynamic config, repeatable: --temporal-config system.enableActivityEagerExecution=true
    'temporal-config': { type: 'string', multiple: true },
    name: { type: 'string' },
    // Engine bench: also run on the production-shaped cluster profile, at each of --shards.
    cluster: { type: 'boolean', default: false },
    shards: { type: 'string', default: '1,4,8' },
    // Flow bench: run this checkout's gateway beside the one of another checkout (path), A/B.
    'compare-gateway': { type: 'string' },
    // Flow bench: floor cases played on the same Temporal for the rate ratio (0: none).
    'floor-cases': { type: 'string', default: '150' },
    // Rows the export bench seeds and downloads.
    rows: { type: 'string', default: '100000' },
  },
});

const wanted = (name: string) => !values.only || values.only === name;
if (wanted('inbox')) {
  const md = await inboxBench({
    users: Number(values.users),
    tasks: Number(values.tasks),
    seconds: Number(values.seconds ?? 15),
    concurrency: Number(values.concurrency ?? 8),
    keepDb: values['keep-db'],
    reuseDb: values['reuse-db'],
    name: values.name,
    profile: values.profile || Boolean(values['profile-dir']),
    profileDir: values['profile-dir'],
  });
  console.log(md);
}
if (values.only === 'analytics') {
  const md = await analyticsBench({
    cases: Number(values['board-cases']),
    seconds: Number(values.seconds ?? 10),
    concurrency: Number(values.concurrency ?? 4),
    keepDb: values['keep-db'],
    reuseDb: values['reuse-db'],
    boards: values.boards?.split(',').map((b) => b.trim()),
    reportName: values.name,
  });
  console.log(md);
}
if (values.only === 'export') {
  console.log(await exportBench({ rows: Number(values.rows) }));
}
if (values.only === 'engine') {
  const md = await engineBench({
    cases: Number(values.cases),
    concurrency: Number(values.concurrency ?? 8),
    profile: values.profile || Boolean(values['profile-dir']),
    profileDir: values['profile-dir'],
    workers: Number(values.workers),
    clusterShards: values.cluster ? values.shards.split(',').map(Number) : [],
    name: values.name,
  });
  console.log(md);
}
if (wanted('flow')) {
  const md = await flowBench({
    seconds: Number(values.seconds ?? 60),
    concurrency: Number(values.concurrency ?? 16),
    startConcurrency: Number(values['start-concurrency']),
    applicants: Number(values.applicants),
    reviewers: Number(values.reviewers),
    profile: values.profile || Boolean(values['profile-dir']),
    profileDir: values['profile-dir'],
    workers: Number(values.workers),
    temporalDynamicConfig: values['temporal-config'],
    name: values.name,
    floorCases: Number(values['floor-cases']),
    compareGateway: values['compare-gateway'],
  });
  console.log(md);
}
process.exit(0);
