import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import { pauseRollups, resumeRollups } from './rollup-triggers';

/** UUID-shaped ids derived from a number, so generated cases pass the API's id checks. */
const caseId = (n: string) => `lpad(to_hex(${n}), 8, '0') || '-0000-4000-9000-000000000000'`;

/** Which process case `c` belongs to: 40% proposals, 20% disputes, 10% files, 10% aid, 20% other. */
const PROCESS = `(ARRAY['innovation-proposal','innovation-proposal','innovation-proposal','innovation-proposal',
  'labor-dispute','labor-dispute','hardship-case','hardship-aid-request','simple-approval','simple-approval'])[c % 10 + 1]`;
const DEPARTMENT = `(ARRAY['innovation','innovation','innovation','innovation','rights','rights','assistance',
  'assistance','innovation','innovation'])[c % 10 + 1]`;

/**
 * Bulk-loads a year of work for the 看板: `cases` cases over 100 grassroots unions and the last 365
 * days, about 70% ended, three tasks and their timeline rows each (some returned, overdue or
 * escalated), payments for ended proposals and aid, a hardship file per hardship case with its history.
 */
export async function seedAnalytics(db: Kysely<Database>, opts: { cases: number }, log: (s: string) => void) {
  log(`seeding ${opts.cases.toLocaleString('en')} cases with tasks, timeline, payments and files…`);
  await sql`INSERT INTO orgs (id, parent_id, name, level, path)
    SELECT 'ao-' || i, 'org-district', '基层工会 ' || i, 'grassroots', '/org-city/org-district/ao-' || i || '/'
    FROM generate_series(0, 99) i`.execute(db);
  await sql`INSERT INTO users (id, username, display_name, password_hash, org_id, superior_id, locale, time_zone, disabled)
    SELECT 'au-' || i, 'member' || i, '会员 ' || i, (SELECT password_hash FROM users WHERE username = 'admin'),
      'ao-' || (i % 100), NULL, 'zh-CN', 'Asia/Shanghai', false
    FROM generate_series(0, 19999) i`.execute(db);
  // The 看板 rollups (ADR 036) are kept by row triggers; a bulk load turns them off and rebuilds the
  // rollups once at the end, as the migration's backfill does.
  await pauseRollups(db);
  const created = `now() - ((c::bigint * 7919) % 525600) * interval '1 minute'`;
  await sql
    .raw(`INSERT INTO cases (id, number, title, process_key, process_version, department, applicant_id, org_id, status,
      outcome, current_step, data, last_seq, created_at, updated_at)
    SELECT ${caseId('c')}, 'AN' || lpad(c::text, 9, '0'), '看板案件 ' || c, ${PROCESS}, 1, ${DEPARTMENT},
      'au-' || (c % 20000), 'ao-' || (c % 100),
      CASE WHEN c % 10 < 7 THEN 'completed' ELSE 'running' END,
      CASE WHEN c % 10 >= 7 THEN NULL WHEN c % 3 = 0 THEN 'referred-to-arbitration' ELSE 'settled' END,
      NULL,
      jsonb_build_object('tier', (ARRAY['breakthrough','topic','proposal','suggestion'])[c % 4 + 1],
        'aidType', (ARRAY['living','medical','education'])[c % 3 + 1], 'paidAmountFen', (c % 50) * 10000),
      3, ${created}, ${created} + ((c % 30) + 1) * interval '1 day'
    FROM generate_series(0, ${opts.cases - 1}) c`)
    .execute(db);
  log('cases in; tasks…');
  await sql
    .raw(`INSERT INTO tasks (id, case_id, node_id, step_name, kind, status, assignee_id, form, created_at, due_at, completed_at, decision)
    SELECT 'at-' || c || '-' || s, ${caseId('c')}, (ARRAY['intake','session','settlement'])[s + 1],
      '{"zh":"环节"}'::jsonb, 'approval',
      CASE WHEN c % 10 >= 7 AND s = 2 THEN 'open' ELSE 'completed' END, NULL, '[]'::jsonb,
      ${created} + s * interval '2 days', ${created} + s * interval '2 days' + interval '3 days',
      CASE WHEN c % 10 >= 7 AND s = 2 THEN NULL ELSE ${created} + s * interval '2 days' + ((c * s) % 96) * interval '1 hour' END,
      NULL
    FROM generate_series(0, ${opts.cases - 1}) c, generate_series(0, 2) s`)
    .execute(db);
  log('tasks in; timeline…');
  await sql
    .raw(`INSERT INTO timeline_events (case_id, seq, idx, at, type, actor_id, on_behalf_of_id, node_id, step_name, comment, data)
    SELECT ${caseId('c')}, s + 1, 0, ${created} + s * interval '2 days',
      CASE WHEN s = 0 THEN 'step-opened' WHEN s = 1 AND c % 7 = 0 THEN 'returned'
        WHEN s = 1 AND c % 11 = 0 THEN 'overdue' WHEN s = 1 AND c % 13 = 0 THEN 'escalated' ELSE 'step-opened' END,
      NULL, NULL, (ARRAY['intake','session','settlement'])[s + 1], '{"zh":"环节"}'::jsonb, NULL, '{}'::jsonb
    FROM generate_series(0, ${opts.cases - 1}) c, generate_series(0, 2) s`)
    .execute(db);
  log('timeline in; payments and files…');
  await sql
    .raw(`INSERT INTO payments (id, case_id, node_id, payee_id, kind, amount_fen, status, paid_at, reclaimed_at)
    SELECT ${caseId('c')} || ':disburse', ${caseId('c')}, 'disburse', 'au-' || (c % 20000),
      CASE WHEN c % 10 < 4 THEN 'innovation-award' ELSE 'hardship-aid' END, (c % 100 + 1) * 10000, 'paid',
      ${created} + interval '10 days', NULL
    FROM generate_series(0, ${opts.cases - 1}) c WHERE c % 10 < 7 AND (c % 10 < 4 OR c % 10 = 7)`)
    .execute(db);
  await sql
    .raw(`INSERT INTO hardship_files (case_id, applicant_id, org_id, level, status, cadre_id, card_number, opened_at,
      last_verified_at, archived_at, updated_at)
    SELECT ${caseId('c')}, 'au-' || (c % 20000), 'ao-' || (c % 100), (ARRAY['deep','relative','temporary'])[c % 3 + 1],
      CASE WHEN c % 4 = 0 THEN 'exited' ELSE 'in-file' END, NULL, NULL, ${created}, NULL,
      CASE WHEN c % 4 = 0 THEN ${created} + interval '90 days' END, now()
    FROM generate_series(0, ${opts.cases - 1}) c WHERE c % 10 = 6`)
    .execute(db);
  // The file's history (ADR 033): one household in five moved level 45 days after admission.
  const moved = `c % 50 = 16 AND ${created} + interval '45 days' < now()`;
  await sql
    .raw(`INSERT INTO hardship_file_history (case_id, applicant_id, org_id, level, started_at, start_reason, ended_at, end_reason)
    SELECT ${caseId('c')}, 'au-' || (c % 20000), 'ao-' || (c % 100),
      (ARRAY['deep','relative','temporary'])[(c + CASE WHEN ${moved} THEN 1 ELSE 0 END) % 3 + 1],
      ${created}, CASE WHEN c % 40 = 36 THEN 'readmitted' ELSE 'admitted' END,
      CASE WHEN ${moved} THEN ${created} + interval '45 days' WHEN c % 4 = 0 THEN ${created} + interval '90 days' END,
      CASE WHEN ${moved} THEN 'level-changed' WHEN c % 4 = 0 THEN 'exited' END
    FROM generate_series(0, ${opts.cases - 1}) c WHERE c % 10 = 6`)
    .execute(db);
  await sql
    .raw(`INSERT INTO hardship_file_history (case_id, applicant_id, org_id, level, started_at, start_reason, ended_at, end_reason)
    SELECT ${caseId('c')}, 'au-' || (c % 20000), 'ao-' || (c % 100), (ARRAY['deep','relative','temporary'])[c % 3 + 1],
      ${created} + interval '45 days', 'level-changed',
      CASE WHEN c % 4 = 0 THEN ${created} + interval '90 days' END, CASE WHEN c % 4 = 0 THEN 'exited' END
    FROM generate_series(0, ${opts.cases - 1}) c WHERE c % 10 = 6 AND ${moved}`)
    .execute(db);
  log('rolling up…');
  await resumeRollups(db);
  // What autovacuum does to a live database: statistics, and the visibility map that lets the boards'
  // covering indexes answer without reading the tables (index-only scans).
  await sql`VACUUM (ANALYZE)`.execute(db);
}
