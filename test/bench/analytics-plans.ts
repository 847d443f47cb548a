// The 看板's query plans on a seeded database: `pnpm bench --only analytics --keep-db`, then
// `DATABASE_URL=<the kept database> tsx test/bench/analytics-plans.ts [board…]`. Each board is opened once
// through the gateway; every query it ran is timed, and the slowest get EXPLAIN (ANALYZE, BUFFERS).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@unionflow/devstack';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../../gateway/src/app';
import { createSession, defaultSessionPolicy, SESSION_COOKIE } from '../../gateway/src/auth';
import type { Database } from '../../packages/db/src/schema';

interface Ran {
  board: string;
  sql: string;
  parameters: readonly unknown[];
  ms: number;
}

const url = process.env.DATABASE_URL ?? '';
const pool = new pg.Pool({ connectionString: url, max: 4 });
const ran: Ran[] = [];
let board = '';
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log(event) {
    if (event.level === 'query' && board)
      ran.push({
        board,
        sql: event.query.sql,
        parameters: event.query.parameters,
        ms: event.queryDurationMillis,
      });
  },
});
const app = buildApp({
  db,
  databaseUrl: url,
  temporal: null,
  logger: false,
  rateLimit: false,
  // One request at a time: never shed it for the event loop's start-up work.
  pressure: { maxEventLoopDelayMs: 60_000, maxEventLoopUtilization: 1 },
});
await app.ready();

const boards: Record<string, [string, string]> = {
  'federation overview': ['/api/analytics/overview', 'u-wangfang'],
  'process: innovation-proposal': ['/api/analytics/processes/innovation-proposal', 'u-wangfang'],
  'process: labor-dispute, one year': [
    `/api/analytics/processes/labor-dispute?from=${new Date(Date.now() + 8 * 3_600_000 - 364 * 86_400_000).toISOString().slice(0, 10)}`,
    'u-liuyang',
  ],
  innovation: ['/api/analytics/innovation', 'u-wangfang'],
  hardship: ['/api/analytics/hardship', 'u-chenjie'],
  disputes: ['/api/analytics/disputes', 'u-liuyang'],
};
const wanted = process.argv.slice(2);
const lines: string[] = [
  '# 看板 query plans',
  '',
  `Written by \`test/bench/analytics-plans.ts\` on ${new Date().toISOString().slice(0, 10)} from the database the analytics bench seeded (1M cases, kept with \`--keep-db\`). Each board is opened once as a federation-level staff member (the default 12 weeks, a year for labour disputes); its three slowest queries are shown with \`EXPLAIN (ANALYZE, BUFFERS)\`. The boards read the per-day rollups of ADR 036 (process boards, overview) and ADR 038 (innovation, hardship, disputes); what changes with the clock (open and overdue now, households in the file now) and distinct people stay live, off covering indexes.`,
  '',
];
for (const [name, [path, userId]] of Object.entries(boards)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const cookie = `${SESSION_COOKIE}=${(await createSession(db, userId, defaultSessionPolicy)).token}`;
  board = name;
  const started = performance.now();
  const res = await app.inject({ method: 'GET', url: path, headers: { cookie } });
  const total = performance.now() - started;
  board = '';
  if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode} ${res.body}`);
  const queries = ran.filter((r) => r.board === name).sort((a, b) => b.ms - a.ms);
  lines.push(`## ${name} (${Math.round(total)} ms once)`, '');
  for (const q of queries.slice(0, 3)) {
    const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql.raw(
      q.sql.replace(/\$(\d+)/g, (_, n) => literal(q.parameters[Number(n) - 1])),
    )}`.execute(db);
    lines.push(`### ${Math.round(q.ms)} ms`, '', '```sql', q.sql.trim(), '```', '', '```');
    lines.push(...rows.map((r) => r['QUERY PLAN']), '```', '');
  }
  console.log(
    `${name}: ${Math.round(total)} ms; slowest queries ${queries
      .slice(0, 3)
      .map((q) => Math.round(q.ms))
      .join(', ')} ms`,
  );
}

/** A parameter as an SQL literal, so EXPLAIN sees the values the board used. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return `'${value.toISOString()}'`;
  if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(',')}]::text[]`;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return `'${String(value).replace(/'/g, "''")}'`;
}

const out = join(findRepoRoot(), 'bench/results/analytics-plans.md');
writeFileSync(out, `${lines.join('\n')}\n`);
console.log(`wrote ${out}`);
await app.close();
await db.destroy();
