import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import { pauseRollups, resumeRollups } from './rollup-triggers';

/** UUID-shaped ids derived from a number, so generated cases pass the API's id checks. */
const caseIdSql = (n: string) => `lpad(to_hex(${n}), 8, '0') || '-0000-4000-8000-000000000000'`;

/**
 * Bulk-loads a large inbox: `users` reviewers across 100 grassroots unions and `tasks` tasks (four per
 * case, one candidate each, about 80% open, due times spread over a week, some without a due time).
 * `tasks` must be a multiple of four.
 */
export async function seedInbox(
  db: Kysely<Database>,
  opts: { users: number; tasks: number },
  log: (s: string) => void,
) {
  const cases = Math.ceil(opts.tasks / 4);
  log(`seeding ${opts.users} users, ${cases} cases, ${opts.tasks} tasks…`);
  await pauseRollups(db);
  await sql`INSERT INTO orgs (id, parent_id, name, level, path)
    SELECT 'bo-' || i, 'org-district', '基层工会 ' || i, 'grassroots', '/org-city/org-district/bo-' || i || '/'
    FROM generate_series(0, 99) i`.execute(db);
  // A reviewer works in the unit of the cases they review (cases c of unit c % 100, tasks 4c..4c+3,
  // task t held by user t % users): a task outside one's org line does not open its case (ADR 011).
  await sql`INSERT INTO users (id, username, display_name, password_hash, org_id, superior_id, locale, time_zone, disabled)
    SELECT 'bu-' || i, 'bench' || i, '评审 ' || i, (SELECT password_hash FROM users WHERE username = 'admin'), 'bo-' || ((i / 4) % 100), NULL, 'zh-CN', 'Asia/Shanghai', false
    FROM generate_series(0, ${opts.users - 1}) i`.execute(db);
  await sql`INSERT INTO user_roles (user_id, role) SELECT 'bu-' || i, 'innovation-reviewer' FROM generate_series(0, ${opts.users - 1}) i`.execute(
    db,
  );
  // In slices of a million tasks (a quarter million cases): each slice is one set-based statement per
  // table, so 10M tasks seed in minutes, and the log shows progress.
  const SLICE = 1_000_000;
  for (let from = 0; from < opts.tasks; from += SLICE) {
    const to = Math.min(opts.tasks, from + SLICE) - 1;
    await sql
      .raw(`INSERT INTO cases (id, number, title, process_key, process_version, department, applicant_id, org_id, status, outcome, current_step, data, last_seq, created_at, updated_at)
      SELECT ${caseIdSql('c')}, 'BENCH' || lpad(c::text, 8, '0'), '合理化建议 ' || c, 'simple-approval', 1, 'innovation', 'u-zhangwei', 'bo-' || (c % 100), 'running', NULL,
        '{"zh":"基层工会审核"}'::jsonb, jsonb_build_object('title', '合理化建议 ' || c), 1, now() - (c % 10000) * interval '1 minute', now()
      FROM generate_series(${from / 4}, ${Math.ceil((to + 1) / 4) - 1}) c`)
      .execute(db);
    // Tasks and their one candidate each in one statement: the candidates come from the inserted rows.
    await sql
      .raw(`WITH inserted AS (
        INSERT INTO tasks (id, case_id, node_id, step_name, kind, status, assignee_id, form, created_at, due_at, completed_at, decision)
        SELECT 'bt-' || t, ${caseIdSql('t / 4')}, 'review', '{"zh":"基层工会审核"}'::jsonb, 'approval',
          CASE WHEN (t / ${opts.users}) % 5 = 0 THEN 'completed' ELSE 'open' END, 'bu-' || (t % ${opts.users}), '[]'::jsonb,
          now() - ((t * 13) % 7200) * interval '1 minute',
          CASE WHEN (t / ${opts.users}) % 10 = 3 THEN NULL ELSE now() + (((t / ${opts.users}) * 7 + t) % 240 - 48) * interval '1 hour' END,
          NULL, NULL
        FROM generate_series(${from}, ${to}) t
        RETURNING id, assignee_id, status, due_at, created_at)
      INSERT INTO task_candidates (task_id, user_id, open, due_at, created_at, on_behalf_of)
      SELECT id, assignee_id, status = 'open', due_at, created_at, NULL FROM inserted`)
      .execute(db);
    // Holding a task opens its case to the reviewer (ADR 011); the projection records it as it assigns.
    await sql
      .raw(`INSERT INTO task_holders (case_id, user_id)
      SELECT ${caseIdSql('t / 4')}, 'bu-' || (t % ${opts.users}) FROM generate_series(${from}, ${to}) t
      ON CONFLICT DO NOTHING`)
      .execute(db);
    log(`  ${(to + 1).toLocaleString('en')} tasks`);
  }
  await resumeRollups(db);
  // As autovacuum leaves a table after a bulk insert: statistics, and the visibility map index-only scans read.
  await sql`VACUUM ANALYZE`.execute(db);
}

/** The inbox query plan for one user, as PostgreSQL chose it. */
export async function explainInbox(db: Kysely<Database>, userId: string): Promise<string> {
  const { rows } = await sql<{ 'QUERY PLAN': string }>`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
    SELECT tc.task_id FROM task_candidates tc JOIN tasks t ON t.id = tc.task_id JOIN cases c ON c.id = t.case_id
    WHERE tc.user_id = ${userId} AND tc.open
    ORDER BY coalesce(tc.due_at, 'infinity'::timestamptz), tc.created_at, tc.task_id LIMIT 21`.execute(db);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}
