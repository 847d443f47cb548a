import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createDb, migrateToLatest, seedDemoOrganisation } from '@unionflow/db';
import { createTestDatabase, findRepoRoot } from '@unionflow/devstack';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { createSession, defaultSessionPolicy, SESSION_COOKIE } from '../../gateway/src/auth';
import { writeReport } from './report';

type Memory = { rss: number; heapUsed: number; external: number };

const MiB = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;

/** Asks the gateway child for a memory figure over IPC. */
function ask(child: ChildProcess, msg: 'reset' | 'peak'): Promise<Memory> {
  return new Promise((resolve) => {
    const onMessage = (m: { reset?: Memory; peak?: Memory }) => {
      const value = m[msg];
      if (!value) return;
      child.off('message', onMessage);
      resolve(value);
    };
    child.on('message', onMessage);
    child.send(msg);
  });
}

/**
 * Seeds `rows` cases waiting at lina's step (one task each), then downloads the department list and
 * the to-do box as .xlsx from a gateway in its own process, measuring time to the last byte and the
 * gateway's peak memory (RSS and V8 heap, sampled every 5 ms) against its idle baseline.
 */
export async function exportBench(opts: { rows: number }) {
  const log = (s: string) => console.log(`[bench] ${s}`);
  const root = findRepoRoot();
  const database = await createTestDatabase();
  const db = createDb(database.url);
  let child: ChildProcess | undefined;
  try {
    await migrateToLatest(db);
    await seedDemoOrganisation(db);
    const seedStart = performance.now();
    await sql`
      INSERT INTO cases (id, number, title, process_key, process_version, department, applicant_id, org_id,
        status, outcome, current_step, data, parent_case_id, last_seq, created_at, updated_at)
      SELECT 'bx-' || i, 'BX-' || lpad(i::text, 6, '0'), '导出基准 ' || i, 'simple-approval', 1, 'innovation',
        'u-zhangwei', 'org-steel', 'running', NULL, '{"zh":"基层工会审核","en":"Grassroots union review"}'::jsonb,
        jsonb_build_object('title', '导出基准 ' || i, 'amount', 123456), NULL, 1,
        timestamptz '2026-01-01 00:00:00+00' + i * interval '1 minute',
        timestamptz '2026-01-01 00:00:00+00' + i * interval '1 minute'
      FROM generate_series(1, ${opts.rows}) AS i`.execute(db);
    await sql`
      INSERT INTO tasks (id, case_id, node_id, step_name, kind, status, assignee_id, form, created_at, due_at,
        completed_at, decision)
      SELECT 'bx-task-' || i, 'bx-' || i, 'review', '{"zh":"基层工会审核","en":"Grassroots union review"}'::jsonb,
        'approval', 'open', NULL, '[]'::jsonb, timestamptz '2026-01-01 00:00:00+00' + i * interval '1 minute',
        NULL, NULL, NULL
      FROM generate_series(1, ${opts.rows}) AS i`.execute(db);
    await sql`
      INSERT INTO task_candidates (task_id, user_id, open, due_at, created_at, on_behalf_of)
      SELECT 'bx-task-' || i, 'u-lina', true, NULL, timestamptz '2026-01-01 00:00:00+00' + i * interval '1 minute', NULL
      FROM generate_series(1, ${opts.rows}) AS i`.execute(db);
    await sql`ANALYZE`.execute(db);
    log(`seeded ${opts.rows} cases and tasks in ${Math.round((performance.now() - seedStart) / 1000)} s`);

    child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/bench/export-gateway.ts'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url, PORT: '0' },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    const gateway = child;
    const base = await new Promise<string>((resolve, reject) => {
      createInterface({ input: gateway.stdout! }).on('line', (line) => {
        const m = /listening .*"port":(\d+)/.exec(line);
        if (m) resolve(`http://127.0.0.1:${m[1]}`);
      });
      gateway.on('exit', () => reject(new Error('the gateway exited before listening')));
    });
    const cookie = async (userId: string) =>
      `${SESSION_COOKIE}=${(await createSession(db, userId, defaultSessionPolicy)).token}`;
    const exports: [string, string, string][] = [
      ['department list (admin)', '/api/cases/export?scope=department', await cookie('u-admin')],
      ['to-do box (lina)', '/api/inbox/export?box=todo', await cookie('u-lina')],
    ];

    const rows: string[] = [];
    const metrics: Record<string, unknown> = {};
    for (const [name, path, c] of exports) {
      log(`${name}…`);
      // A small warm-up (routes compiled, pool open), so the baseline is the gateway at rest.
      await (
        await fetch(`${base}${path.replace('export?', 'export?q=warm-up&')}`, { headers: { cookie: c } })
      ).arrayBuffer();
      const idle = await ask(gateway, 'reset');
      const started = performance.now();
      const res = await fetch(`${base}${path}`, { headers: { cookie: c } });
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      const chunks: Buffer[] = [];
      let firstByteMs = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        if (!firstByteMs) firstByteMs = performance.now() - started;
        chunks.push(Buffer.from(chunk));
      }
      const totalMs = performance.now() - started;
      const peak = await ask(gateway, 'peak');
      const file = Buffer.concat(chunks);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(file as never);
      const dataRows = (book.worksheets[0]?.rowCount ?? 1) - 1;
      if (dataRows !== opts.rows) throw new Error(`${name}: ${dataRows} rows, expected ${opts.rows}`);
      const entry = {
        rows: dataRows,
        seconds: Math.round(totalMs / 100) / 10,
        firstByteMs: Math.round(firstByteMs),
        rowsPerSecond: Math.round(dataRows / (totalMs / 1000)),
        fileMiB: MiB(file.length),
        idle: { rssMiB: MiB(idle.rss), heapMiB: MiB(idle.heapUsed) },
        peak: { rssMiB: MiB(peak.rss), heapMiB: MiB(peak.heapUsed), externalMiB: MiB(peak.external) },
      };
      metrics[name] = entry;
      rows.push(
        `| ${name} | ${entry.rows.toLocaleString('en')} | ${entry.seconds} | ${entry.firstByteMs} | ${entry.rowsPerSecond.toLocaleString('en')} | ${entry.fileMiB} | ${entry.idle.rssMiB} → ${entry.peak.rssMiB} | ${entry.idle.heapMiB} → ${entry.peak.heapMiB} |`,
      );
    }
    const table = [
      '| export | rows | seconds | first byte ms | rows/s | file MiB | gateway RSS MiB (idle → peak) | V8 heap MiB (idle → peak) |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows,
    ].join('\n');
    return writeReport(root, 'export', `Excel exports of ${opts.rows.toLocaleString('en')} rows`, [], {
      metrics,
      metricsOnlyInJson: true,
      sections: [table],
      notes: [
        'One download at a time from a gateway in its own process (no Temporal); the file is parsed with exceljs afterwards to check its row count.',
        'Memory is the gateway process only, sampled every 5 ms from process.memoryUsage(); "idle" is after a warm-up export and a forced GC.',
        'Exports stream: rows are read 500 at a time and committed to the zip stream, so the peak should not grow with the row count (ADR 027).',
      ],
    });
  } finally {
    child?.kill('SIGTERM');
    await db.destroy();
    await database.drop();
  }
}
