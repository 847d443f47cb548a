import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { createDb, migrateToLatest, seedDemoOrganisation } from '@unionflow/db';
import { createTestDatabase, findRepoRoot, stopChild } from '@unionflow/devstack';
import { sql } from 'kysely';
import { createSession, defaultSessionPolicy, SESSION_COOKIE } from '../../gateway/src/auth';
import { profileDirectory, profileMarkdown, summariseProfiles } from './cpu-profile';
import { inboxPlans } from './inbox-plans';
import { seedInbox } from './inbox-seed';
import { type LoadResult, runLoad } from './load';
import { writeReport } from './report';

/** Readers the issue's targets name: p95 ≤ 20 ms alone, ≤ 40 ms at this many concurrent readers. */
const TARGET_READERS = 8;

/**
 * Seeds `tasks` tasks (1M by default; `--tasks 10000000` for the 10M size), then measures inbox
 * page, next page and case detail under concurrent load.
 */
export async function inboxBench(opts: {
  users: number;
  tasks: number;
  seconds: number;
  concurrency: number;
  /** Keep the seeded database (its URL is logged) to measure again with `reuseDb`. */
  keepDb?: boolean;
  /** A database an earlier run seeded and kept: migrated to the latest schema, not seeded again. */
  reuseDb?: string;
  /** Result file name under bench/results; default `inbox`. */
  name?: string;
  /** Profile the gateway's CPU over the whole run and add where it went to the report. */
  profile?: boolean;
  /** Keep the raw profiles here instead of a temporary directory. */
  profileDir?: string;
}): Promise<string> {
  const log = (s: string) => console.log(`[bench] ${s}`);
  const root = findRepoRoot();
  const database = opts.reuseDb
    ? { url: opts.reuseDb, name: new URL(opts.reuseDb).pathname.slice(1), drop: async () => {} }
    : await createTestDatabase();
  const db = createDb(database.url);
  let child: ReturnType<typeof spawn> | undefined;
  let seedSeconds: number | undefined;
  const profileDir = profileDirectory(opts.profile ?? false, opts.profileDir);
  try {
    const migrateStart = performance.now();
    await migrateToLatest(db);
    if (opts.reuseDb) {
      log(`reusing ${database.name}; migrated in ${Math.round((performance.now() - migrateStart) / 1000)} s`);
      await db.deleteFrom('sessions').execute();
    } else {
      await seedDemoOrganisation(db);
      const seedStart = performance.now();
      await seedInbox(db, opts, log);
      seedSeconds = Math.round((performance.now() - seedStart) / 1000);
      log(`seeded in ${seedSeconds} s`);
    }

    const profiling = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : [];
    child = spawn(process.execPath, [...profiling, '--import', 'tsx', 'test/bench/read-gateway.ts'], {
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

    const sampled = Array.from({ length: 200 }, (_, i) => `bu-${(i * 47) % opts.users}`);
    const cookies = await Promise.all(
      sampled.map(
        async (userId) =>
          `${SESSION_COOKIE}=${(await createSession(db, userId, defaultSessionPolicy)).token}`,
      ),
    );
    // Case detail as the reviewer holding one of its tasks would open it.
    const detailPairs = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const t = (i * 4001) % opts.tasks;
        const row = await db
          .selectFrom('tasks')
          .select(['case_id', 'assignee_id'])
          .where('id', '=', `bt-${t}`)
          .executeTakeFirstOrThrow();
        return {
          caseId: row.case_id,
          cookie: `${SESSION_COOKIE}=${(await createSession(db, row.assignee_id ?? '', defaultSessionPolicy)).token}`,
        };
      }),
    );
    const get = async (path: string, cookie: string) => {
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      const body = await res.text();
      return { ok: res.status === 200, body };
    };
    const cursors = new Map<number, string>();
    for (const [i, cookie] of cookies.entries()) {
      const { body } = await get('/api/inbox?limit=20', cookie);
      const next = (JSON.parse(body) as { nextCursor: string | null }).nextCursor;
      if (next) cursors.set(i, next);
    }
    const load = { concurrency: opts.concurrency, seconds: opts.seconds };
    const results: LoadResult[] = [];
    log('warming up…');
    await runLoad(
      'warm-up',
      { concurrency: opts.concurrency, seconds: 3 },
      async (l, i) => (await get('/api/inbox', cookies[(l * 31 + i) % cookies.length]!)).ok,
    );
    for (const concurrency of [...new Set([1, TARGET_READERS, 16, opts.concurrency])].sort((a, b) => a - b)) {
      log(`inbox first page (with counts), ${concurrency} concurrent…`);
      results.push(
        await runLoad(
          'inbox first page + counts',
          { concurrency, seconds: opts.seconds },
          async (l, i) => (await get('/api/inbox?limit=20', cookies[(l * 31 + i) % cookies.length]!)).ok,
        ),
      );
    }
    log('inbox next page…');
    results.push(
      await runLoad('inbox next page (keyset cursor)', load, async (l, i) => {
        const k = (l * 31 + i) % cookies.length;
        const cursor = cursors.get(k);
        return (
          await get(
            `/api/inbox?limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
            cookies[k]!,
          )
        ).ok;
      }),
    );
    log('inbox filtered: overdue…');
    results.push(
      await runLoad(
        'inbox filter due=overdue',
        load,
        async (l, i) =>
          (await get('/api/inbox?limit=20&due=overdue', cookies[(l * 31 + i) % cookies.length]!)).ok,
      ),
    );
    log('case detail…');
    results.push(
      await runLoad('case detail', load, async (l, i) => {
        const pair = detailPairs[(l * 7 + i) % detailPairs.length]!;
        return (await get(`/api/cases/${pair.caseId}`, pair.cookie)).ok;
      }),
    );
    // The gateway writes its profile as it exits.
    if (profileDir) await stopChild(child, 'SIGTERM', 10_000);
    const profiles = profileDir ? summariseProfiles(profileDir) : [];
    const plans = await inboxPlans(database.url, sampled[0]!);
    const taskCount = Number(
      (
        await db
          .selectFrom('tasks')
          .select(({ fn }) => fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const sizes = await sql<{ relation: string; size: string }>`
      SELECT c.relname AS relation, pg_size_pretty(pg_total_relation_size(c.oid)) AS size
      FROM pg_class c WHERE c.relname IN ('tasks', 'task_candidates', 'cases') ORDER BY c.relname`.execute(
      db,
    );
    return writeReport(
      root,
      opts.name ?? 'inbox',
      `Inbox and case detail with ${taskCount.toLocaleString('en')} tasks across ${opts.users.toLocaleString('en')} users`,
      results,
      {
        notes: [
          `Gateway without Temporal in its own process; load from ${opts.concurrency} keep-alive loops in another; PostgreSQL ${process.env.DATABASE_URL ? 'from DATABASE_URL' : 'embedded'}.`,
          `Each inbox request reads the session (unless this gateway holds it from an earlier request, ADR 043), the page with its candidates, the per-filter counts and the counts of the other boxes (done, started, copied). Each of the ${opts.users.toLocaleString('en')} users holds about ${Math.round((opts.tasks / opts.users) * 0.8).toLocaleString('en')} open tasks.`,
          `Seeded with set-based SQL (generate_series, a statement per million tasks)${seedSeconds === undefined ? ' by an earlier run, then migrated to this commit' : ` in ${seedSeconds} s`}; on disk: ${sizes.rows.map((r) => `${r.relation} ${r.size}`).join(', ')}.`,
          `Targets: inbox p95 ≤ 20 ms with one reader and ≤ 40 ms with ${TARGET_READERS} concurrent readers, on the 2-core machine.`,
        ],
        plans,
        ...(profiles.length
          ? {
              metrics: { profiles },
              metricsOnlyInJson: true,
              sections: [
                '## Gateway CPU profile (busiest thread)',
                '',
                ...profiles.slice(0, 1).map((p) => profileMarkdown(`gateway · ${p.file}`, p)),
              ],
            }
          : {}),
      },
    );
  } finally {
    child?.kill('SIGTERM');
    await db.destroy();
    if (profileDir && !opts.profileDir) rmSync(profileDir, { recursive: true, force: true });
    if (opts.keepDb || opts.reuseDb) log(`kept the database: ${database.url}`);
    else await database.drop();
  }
}
