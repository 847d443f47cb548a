// `pnpm start`: the whole platform on one command (Temporal, PostgreSQL, migrations, worker, gateway).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createDb,
  migrateToLatest,
  publishMissingSeedDefinitions,
  seedDemoOrganisation,
} from '../packages/db/src/index';
import {
  checkTemporal,
  DEFAULT_HISTORY_SHARDS,
  DevstackError,
  ensureTemporalCli,
  ensureTemporalServer,
  findRepoRoot,
  isPortFree,
  ProcessSupervisor,
  startPostgres,
  startTemporalCluster,
  startTemporalDevServer,
  waitForHttp,
} from '../packages/devstack/src/index';

const root = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
const dataDir = join(root, '.data');
const log = (line: string) => console.log(`› ${line}`);
const cleanup: { name: string; stop: () => Promise<void> }[] = [];
let temporalUi: string | undefined;
/** `pnpm start:cluster`: Temporal's production server as separate services instead of the dev server. */
const clusterProfile = process.argv.includes('--cluster');

/** Services restarted after a crash once the platform is up; state lives in Temporal and PostgreSQL. */
const restartable = new Map<string, () => void>();
const crashes = new Map<string, number[]>();
const CRASH_WINDOW_MS = 60_000;
const MAX_CRASHES = 3;

const supervisor = new ProcessSupervisor((name, code, signal) => {
  const how = signal ?? `exit code ${code}`;
  const restart = restartable.get(name);
  const now = Date.now();
  const recent = [...(crashes.get(name) ?? []), now].filter((t) => now - t < CRASH_WINDOW_MS);
  crashes.set(name, recent);
  if (restart && !supervisor.isStopping && recent.length < MAX_CRASHES) {
    // A crashed worker or gateway loses nothing: running cases wait in Temporal until it is back.
    console.error(`✖ The ${name} stopped unexpectedly (${how}); restarting it.`);
    restart();
    return;
  }
  console.error(`✖ The ${name} stopped unexpectedly (${how}). See its output above.`);
  void shutdown(1);
});

/** Stops the servers started outside the supervisor (Temporal, PostgreSQL), newest first. */
async function stopServers(): Promise<void> {
  for (const { name, stop } of cleanup.reverse()) {
    log(`Stopping ${name}…`);
    await stop().catch((error: unknown) => console.error(`  ${name}: ${String(error)}`));
  }
}

/** Stops everything started so far, newest first, then exits. */
function shutdown(code: number): Promise<never> {
  return supervisor.shutdown(code, stopServers, log);
}

function numberFromEnv(name: string, fallback: number, what = 'port', max = 65535): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0 || value > max) {
    throw new DevstackError(`${name}=${raw} is not a valid ${what}. Use a number between 1 and ${max}.`);
  }
  return value;
}

/** The cluster's databases live on the platform's PostgreSQL server, beside the platform's own. */
async function startCluster(databaseUrl: string): Promise<string> {
  const binaries = await ensureTemporalServer({ toolsDir: join(root, '.tools', 'bin'), log });
  const cluster = await startTemporalCluster({
    binaries,
    postgresUrl: databaseUrl,
    shards: numberFromEnv('TEMPORAL_SHARDS', DEFAULT_HISTORY_SHARDS, 'shard count', 16_384),
    dir: join(dataDir, 'temporal-cluster'),
    ports: 'standard',
    log,
  });
  cleanup.push({ name: 'Temporal cluster', stop: cluster.stop });
  temporalUi = `(集群 cluster: ${cluster.shards} shards; metrics ${cluster.metricsUrls.frontend})`;
  return cluster.address;
}

async function startTemporal(): Promise<string> {
  const external = process.env.TEMPORAL_ADDRESS;
  if (external) {
    await checkTemporal(external, process.env.TEMPORAL_NAMESPACE ?? 'default');
    log(`Using Temporal at ${external} (TEMPORAL_ADDRESS).`);
    return external;
  }
  const binary = await ensureTemporalCli({ toolsDir: join(root, '.tools', 'bin'), log });
  const server = await startTemporalDevServer({
    binary,
    dbFile: join(dataDir, 'temporal.db'),
    port: numberFromEnv('TEMPORAL_PORT', 7233),
    uiPort: numberFromEnv('TEMPORAL_UI_PORT', 8233),
    log,
  });
  cleanup.push({ name: 'Temporal', stop: server.stop });
  temporalUi = server.uiUrl;
  return server.address;
}

async function startDatabase(): Promise<string> {
  const postgres = await startPostgres({ dataDir: join(dataDir, 'pg'), log });
  // Registered before Temporal's entry so it stops last.
  cleanup.unshift({ name: 'PostgreSQL', stop: postgres.stop });
  const db = createDb(postgres.url, { max: 2 });
  try {
    await migrateToLatest(db);
    if (await seedDemoOrganisation(db)) log('Seeded the demo organisation.');
    else {
      const added = await publishMissingSeedDefinitions(db);
      if (added.length > 0) log(`Published new processes: ${added.join(', ')}.`);
    }
  } finally {
    await db.destroy();
  }
  return postgres.url;
}

function buildAppsIfMissing(): void {
  if (existsSync(join(root, 'apps', 'shell', 'dist'))) return;
  log('Building the apps (first run)…');
  const result = spawnSync('pnpm', ['--filter', './apps/**', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    throw new DevstackError(
      'Building the apps failed (see above). Fix the build, then run pnpm start again.',
    );
  }
}

async function main(): Promise<void> {
  supervisor.exitOnSignals(stopServers, log);

  const port = numberFromEnv('PORT', 3000);
  if (!(await isPortFree(port)))
    throw new DevstackError(`Port ${port} is in use; set PORT=… to use another.`);
  await mkdir(dataDir, { recursive: true });

  let temporalAddress: string;
  let databaseUrl: string;
  if (clusterProfile && !process.env.TEMPORAL_ADDRESS) {
    databaseUrl = await startDatabase();
    temporalAddress = await startCluster(databaseUrl);
  } else {
    [temporalAddress, databaseUrl] = await Promise.all([startTemporal(), startDatabase()]);
  }
  buildAppsIfMissing();
  if (!(await isPortFree(port)))
    throw new DevstackError(`Port ${port} is in use; set PORT=… to use another.`);

  const env = {
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_NAMESPACE: process.env.TEMPORAL_NAMESPACE ?? 'default',
    PORT: String(port),
    // Request-by-request logs are for operators; a newcomer's terminal shows warnings and errors.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    // The worker's Prometheus endpoint (loopback only); the gateway serves its own at /metrics.
    WORKER_METRICS_PORT: process.env.WORKER_METRICS_PORT ?? '9464',
  };
  // `node --import tsx` rather than the tsx CLI: one process per service, so signals reach it directly.
  const run = (name: string, entry: string) =>
    supervisor.start({ name, command: process.execPath, args: ['--import', 'tsx', entry], cwd: root, env });
  run('worker', 'workers/src/main.ts');
  const gateway = run('gateway', 'gateway/src/server.ts');

  const appUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${appUrl}/readyz`, {
    timeoutMs: 60_000,
    abort: () =>
      gateway.exitCode !== null ? 'The gateway exited before it was ready (see above).' : undefined,
    hint: 'See the [gateway] output above.',
  });
  for (const [name, entry] of [
    ['worker', 'workers/src/main.ts'],
    ['gateway', 'gateway/src/server.ts'],
  ] as const) {
    restartable.set(name, () => run(name, entry));
  }
  printBanner(appUrl);
}

function printBanner(appUrl: string): void {
  const users = [
    ['zhangwei', '会员 / 申请人 · member, applicant'],
    ['lina', '基层工会创新评审 · innovation reviewer'],
    ['wangfang', '市总工会创新委员会 · innovation committee'],
    ['chenjie', '困难职工帮扶中心 · assistance centre'],
    ['zhaolei', '基层工会干部 · grassroots union cadre'],
    ['liuyang', '权益部调解员、社工 · mediator, social worker'],
    ['admin', '平台管理员 · platform admin'],
  ];
  const lines = [
    '',
    '  UnionFlow 已启动 · is running',
    '',
    `  应用 App         ${appUrl}`,
    `  接口文档 API docs ${appUrl}/docs`,
    `  Temporal UI      ${temporalUi ?? '(external Temporal)'}`,
    '',
    '  演示账号 Demo logins (密码 password: demo1234)',
    ...users.map(([user, role]) => `    ${(user ?? '').padEnd(10)} ${role}`),
    '',
    '  按 Ctrl-C 停止 · Press Ctrl-C to stop',
    '',
  ];
  console.log(lines.join('\n'));
}

main().catch(async (error: unknown) => {
  if (supervisor.isStopping) return;
  console.error(
    error instanceof DevstackError ? `✖ ${error.message}` : `✖ ${(error as Error)?.stack ?? error}`,
  );
  await shutdown(1);
});
