import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createDb, migrateToLatest, seedDemoOrganisation } from '@unionflow/db';
import { createTestDatabase, findRepoRoot } from '@unionflow/devstack';
import { sql } from 'kysely';
import { createSession, defaultSessionPolicy, SESSION_COOKIE } from '../../gateway/src/auth';
import { seedAnalytics } from './analytics-seed';
import { type LoadResult, runLoad } from './load';
import { writeReport } from './report';

/** Seeds a year of cases (1M by default), then measures every 看板 as the federation's staff open them. */
export async function analyticsBench(opts: {
  cases: number;
  seconds: number;
  concurrency: number;
  /** Leave the seeded database for `test/bench/analytics-plans.ts` instead of dropping it. */
  keepDb?: boolean;
  /**
   * A database an earlier `--keep-db` run seeded: migrated to the latest schema (new migrations backfill
   * on it as on any populated database), measured, and kept; seeding 1M cases takes minutes.
   */
  reuseDb?: string;
  /** Only the boards whose names contain one of these (a quick before/after of one board and a control). */
  boards?: string[];
  /** The report's file name under bench/results (default `analytics`), so a partial run keeps the full one. */
  reportName?: string;
}) {
  const log = (s: string) => console.log(`[bench] ${s}`);
  const root = findRepoRoot();
  const database = opts.reuseDb ? { url: opts.reuseDb, drop: async () => {} } : await createTestDatabase();
  const db = createDb(database.url);
  let child: ReturnType<typeof spawn> | undefined;
  let cases = opts.cases;
  try {
    const migrateStart = performance.now();
    await migrateToLatest(db);
    if (opts.reuseDb) {
      log(
        `reusing the seeded database, migrated in ${Math.round((performance.now() - migrateStart) / 1000)} s`,
      );
      const { rows } = await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM cases WHERE number LIKE 'AN%'`.execute(db);
      cases = rows[0]?.n ?? 0;
    } else {
      await seedDemoOrganisation(db);
      const seedStart = performance.now();
      await seedAnalytics(db, opts, log);
      log(`seeded in ${Math.round((performance.now() - seedStart) / 1000)} s`);
    }
    child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/read-gateway.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url, PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const base = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child!.stdout! }).on('line', (line) => {
        const m = /listening .*"port":(\d+)/.exec(line);
        if (m) resolve(`http://127.0.0.1:${m[1]}`);
      });
      child!.on('exit', () => reject(new Error('the gateway exited before listening')));
    });
    const cookie = async (userId: string) =>
      `${SESSION_COOKIE}=${(await createSession(db, userId, defaultSessionPolicy)).token}`;
    // Federation-level staff: their scope is every unit, the largest a board reads.
    const as = {
      innovation: await cookie('u-wangfang'),
      rights: await cookie('u-liuyang'),
      assistance: await cookie('u-chenjie'),
    };
    const boards: [string, string, string][] = [
      ['federation overview', '/api/analytics/overview', as.innovation],
      ['process: innovation-proposal', '/api/analytics/processes/innovation-proposal', as.innovation],
      [
        'process: labor-dispute, one year',
        `/api/analytics/processes/labor-dispute?from=${yearAgo()}`,
        as.rights,
      ],
      ['innovation', '/api/analytics/innovation', as.innovation],
      ['hardship', '/api/analytics/hardship', as.assistance],
      ['disputes', '/api/analytics/disputes', as.rights],
    ];
    const get = async (path: string, c: string) =>
      (await fetch(`${base}${path}`, { headers: { cookie: c } })).status === 200;
    const results: LoadResult[] = [];
    const measured = boards.filter(([name]) => !opts.boards || opts.boards.some((b) => name.includes(b)));
    for (const [name, path, c] of measured) {
      log(`${name}…`);
      // The gateway sheds load while the machine is busy (503): wait for it before measuring.
      for (let attempt = 0; ; attempt++) {
        const first = await fetch(`${base}${path}`, { headers: { cookie: c } });
        if (first.status === 200) break;
        if (first.status !== 503 || attempt >= 60)
          throw new Error(`${path}: ${first.status} ${await first.text()}`);
        await new Promise((r) => setTimeout(r, 500));
      }
      results.push(
        await runLoad(name, { concurrency: opts.concurrency, seconds: opts.seconds }, () => get(path, c)),
      );
    }
    return writeReport(
      root,
      opts.reportName ?? 'analytics',
      `看板 boards over ${cases.toLocaleString('en')} cases (a year, 100 units)`,
      results,
      {
        notes: [
          'Gateway without Temporal in its own process; each request is one board as a federation-level staff member opens it (default range: 12 weeks).',
          'Target (issue #15): every board loads in ≤ 300 ms p95 on 1M cases.',
        ],
      },
    );
  } finally {
    child?.kill('SIGTERM');
    await db.destroy();
    if (opts.keepDb || opts.reuseDb) log(`kept the database: DATABASE_URL=${database.url}`);
    else await database.drop();
  }
}

function yearAgo(): string {
  return new Date(Date.now() + 8 * 3_600_000 - 364 * 86_400_000).toISOString().slice(0, 10);
}
