import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

/**
 * Rollups for the department 看板 (ADR 038), kept like the process ones (ADR 036): row triggers change
 * them in the transaction that writes the read model, whoever writes it, and
 * `analytics_department_rollups_rebuild()` recomputes them (the backfill below, and after a bulk load).
 *
 * - `analytics_tier_days`: cases whose data carries a tier, per process, Asia/Shanghai start day, unit
 *   and tier (proposals by tier and unit);
 * - `analytics_submitter_months`: who submitted proposals, per month and unit, so the distinct submitters
 *   of a range are those of its whole months (a few rows per person) and of its edge days (from the cases);
 * - `analytics_payment_days`: money paid, per case department, pay day, unit and kind (awards by quarter,
 *   aid by kind; an aid request's kind is the one its data names);
 * - `analytics_dispute_cases`: what one labour dispute counts for (mediated, settled, referred, the amount
 *   settled, settled within 15 days), recomputed from its case and tasks whenever one of them changes;
 *   `analytics_dispute_days` sums those rows per start day and unit, by a trigger on the per-case rows;
 * - `analytics_file_months`: periods of the hardship file's history started and ended, per unit, level
 *   and month, so "households at a month's end" is a prefix sum (started before it − ended before it).
 *
 * The keys the boards read (ANALYTICS_KEYS in the domain package) are written here as they are today: the
 * aid request's process and kind field, the dispute process, its mediation and agreement steps, outcomes,
 * amount field and 15-day limit. Changing one means a migration that redefines these functions and
 * rebuilds; the rollup tests compare every figure with the raw aggregate built from ANALYTICS_KEYS.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE analytics_tier_days (
      process_key text NOT NULL, day date NOT NULL, org_id text NOT NULL, tier text,
      proposals int NOT NULL DEFAULT 0,
      CONSTRAINT analytics_tier_days_key UNIQUE NULLS NOT DISTINCT (process_key, day, org_id, tier))`.execute(
    db,
  );
  await sql`
    CREATE TABLE analytics_submitter_months (
      process_key text NOT NULL, month date NOT NULL, org_id text NOT NULL, applicant_id text NOT NULL,
      proposals int NOT NULL DEFAULT 0,
      PRIMARY KEY (process_key, month, org_id, applicant_id))`.execute(db);
  await sql`
    CREATE TABLE analytics_payment_days (
      department text NOT NULL, day date NOT NULL, org_id text NOT NULL, kind text NOT NULL,
      payments int NOT NULL DEFAULT 0, amount_fen bigint NOT NULL DEFAULT 0,
      PRIMARY KEY (department, day, org_id, kind))`.execute(db);
  await sql`
    CREATE TABLE analytics_dispute_cases (
      case_id text PRIMARY KEY, day date NOT NULL, org_id text NOT NULL,
      mediated boolean NOT NULL, settled boolean NOT NULL, referred boolean NOT NULL,
      amount_fen bigint NOT NULL, within_limit boolean NOT NULL)`.execute(db);
  await sql`
    CREATE TABLE analytics_dispute_days (
      day date NOT NULL, org_id text NOT NULL,
      filed int NOT NULL DEFAULT 0, mediated int NOT NULL DEFAULT 0, settled int NOT NULL DEFAULT 0,
      referred int NOT NULL DEFAULT 0, amount_fen bigint NOT NULL DEFAULT 0, within_limit int NOT NULL DEFAULT 0,
      PRIMARY KEY (day, org_id))`.execute(db);
  await sql`
    CREATE TABLE analytics_file_months (
      org_id text NOT NULL, month date NOT NULL, level text NOT NULL,
      started int NOT NULL DEFAULT 0, ended int NOT NULL DEFAULT 0,
      PRIMARY KEY (org_id, month, level))`.execute(db);

  await sql`
    CREATE FUNCTION analytics_month(at timestamptz) RETURNS date
    LANGUAGE sql IMMUTABLE AS $$ SELECT date_trunc('month', at AT TIME ZONE 'Asia/Shanghai')::date $$`.execute(
    db,
  );

  // Proposals by tier: a case counts under its start day once its data carries a tier.
  await sql`
    CREATE FUNCTION analytics_tier_apply(c cases, sign int) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      IF c.data IS NULL OR NOT (c.data ? 'tier') THEN RETURN; END IF;
      INSERT INTO analytics_tier_days AS r (process_key, day, org_id, tier, proposals)
      VALUES (c.process_key, analytics_day(c.created_at), c.org_id, c.data->>'tier', sign)
      ON CONFLICT ON CONSTRAINT analytics_tier_days_key DO UPDATE SET proposals = r.proposals + excluded.proposals;
    END $$`.execute(db);

  // Submitters: proposals (only) per person, month and unit.
  await sql`
    CREATE FUNCTION analytics_submitter_apply(c cases, sign int) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      IF c.process_key IS DISTINCT FROM 'innovation-proposal' THEN RETURN; END IF;
      INSERT INTO analytics_submitter_months AS r (process_key, month, org_id, applicant_id, proposals)
      VALUES (c.process_key, analytics_month(c.created_at), c.org_id, c.applicant_id, sign)
      ON CONFLICT (process_key, month, org_id, applicant_id) DO UPDATE SET proposals = r.proposals + excluded.proposals;
    END $$`.execute(db);

  // Money paid: counted under the case's department and unit, on the day it was paid, once the case exists.
  await sql`
    CREATE FUNCTION analytics_payment_apply(c cases, p payments, sign int) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      IF c.id IS NULL OR c.department IS NULL OR p.status <> 'paid' THEN RETURN; END IF;
      INSERT INTO analytics_payment_days AS r (department, day, org_id, kind, payments, amount_fen)
      VALUES (c.department, analytics_day(p.paid_at), c.org_id,
        coalesce(CASE WHEN c.process_key = 'hardship-aid-request' THEN c.data->>'aidType' END, p.kind),
        sign, sign * p.amount_fen)
      ON CONFLICT (department, day, org_id, kind) DO UPDATE SET
        payments = r.payments + excluded.payments, amount_fen = r.amount_fen + excluded.amount_fen;
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION analytics_payments_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE c cases;
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        SELECT * INTO c FROM cases WHERE id = OLD.case_id;
        IF FOUND THEN PERFORM analytics_payment_apply(c, OLD, -1); END IF;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        SELECT * INTO c FROM cases WHERE id = NEW.case_id;
        IF FOUND THEN PERFORM analytics_payment_apply(c, NEW, 1); END IF;
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER analytics_payments_rollup_write AFTER INSERT OR DELETE ON payments
    FOR EACH ROW EXECUTE FUNCTION analytics_payments_rollup()`.execute(db);
  await sql`
    CREATE TRIGGER analytics_payments_rollup_update AFTER UPDATE ON payments FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.paid_at IS DISTINCT FROM NEW.paid_at
      OR OLD.amount_fen IS DISTINCT FROM NEW.amount_fen OR OLD.kind IS DISTINCT FROM NEW.kind
      OR OLD.case_id IS DISTINCT FROM NEW.case_id)
    EXECUTE FUNCTION analytics_payments_rollup()`.execute(db);

  // A labour dispute's facts, from its case and its completed mediation and agreement steps.
  await sql`
    CREATE VIEW analytics_dispute_facts AS
    SELECT c.id AS case_id, analytics_day(c.created_at) AS day, c.org_id,
      EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id AND t.node_id = 'session'
        AND t.status = 'completed') AS mediated,
      coalesce(c.outcome = 'settled', false) AS settled,
      coalesce(c.outcome = 'referred-to-arbitration', false) AS referred,
      CASE WHEN c.outcome = 'settled' AND jsonb_typeof(c.data->'paidAmountFen') = 'number'
        AND abs((c.data->>'paidAmountFen')::numeric) < 9e18
        THEN (c.data->>'paidAmountFen')::numeric::bigint ELSE 0 END AS amount_fen,
      coalesce(c.outcome = 'settled', false) AND EXISTS (SELECT 1 FROM tasks t WHERE t.case_id = c.id
        AND t.node_id = 'settlement' AND t.status = 'completed'
        AND t.completed_at <= c.created_at + make_interval(days => 15)) AS within_limit
    FROM cases c WHERE c.process_key = 'labor-dispute'`.execute(db);
  await sql`
    CREATE FUNCTION analytics_dispute_refresh(cid text) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = cid AND c.process_key = 'labor-dispute') THEN
        DELETE FROM analytics_dispute_cases d WHERE d.case_id = cid;
        RETURN;
      END IF;
      INSERT INTO analytics_dispute_cases AS r
      SELECT * FROM analytics_dispute_facts f WHERE f.case_id = cid
      ON CONFLICT (case_id) DO UPDATE SET day = excluded.day, org_id = excluded.org_id,
        mediated = excluded.mediated, settled = excluded.settled, referred = excluded.referred,
        amount_fen = excluded.amount_fen, within_limit = excluded.within_limit
      WHERE (r.day, r.org_id, r.mediated, r.settled, r.referred, r.amount_fen, r.within_limit)
        IS DISTINCT FROM (excluded.day, excluded.org_id, excluded.mediated, excluded.settled, excluded.referred,
          excluded.amount_fen, excluded.within_limit);
    END $$`.execute(db);
  // The day sums follow the per-case rows: the old row's facts out, the new row's in.
  await sql`
    CREATE FUNCTION analytics_dispute_day_apply(f analytics_dispute_cases, sign int) RETURNS void
    LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO analytics_dispute_days AS r (day, org_id, filed, mediated, settled, referred, amount_fen, within_limit)
      VALUES (f.day, f.org_id, sign, sign * f.mediated::int, sign * f.settled::int, sign * f.referred::int,
        sign * f.amount_fen, sign * f.within_limit::int)
      ON CONFLICT (day, org_id) DO UPDATE SET filed = r.filed + excluded.filed,
        mediated = r.mediated + excluded.mediated, settled = r.settled + excluded.settled,
        referred = r.referred + excluded.referred, amount_fen = r.amount_fen + excluded.amount_fen,
        within_limit = r.within_limit + excluded.within_limit;
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION analytics_dispute_cases_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM analytics_dispute_day_apply(OLD, -1); END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM analytics_dispute_day_apply(NEW, 1); END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER analytics_dispute_cases_rollup AFTER INSERT OR UPDATE OR DELETE ON analytics_dispute_cases
    FOR EACH ROW EXECUTE FUNCTION analytics_dispute_cases_rollup()`.execute(db);
  // Only a completed (or no longer completed) mediation or agreement step changes a dispute's facts.
  await sql`
    CREATE FUNCTION analytics_dispute_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM analytics_dispute_refresh(OLD.case_id); END IF;
      IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.case_id IS DISTINCT FROM OLD.case_id) THEN
        PERFORM analytics_dispute_refresh(NEW.case_id);
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER analytics_dispute_tasks_insert AFTER INSERT ON tasks FOR EACH ROW
    WHEN (NEW.node_id IN ('session', 'settlement') AND NEW.status = 'completed')
    EXECUTE FUNCTION analytics_dispute_tasks()`.execute(db);
  await sql`
    CREATE TRIGGER analytics_dispute_tasks_delete AFTER DELETE ON tasks FOR EACH ROW
    WHEN (OLD.node_id IN ('session', 'settlement') AND OLD.status = 'completed')
    EXECUTE FUNCTION analytics_dispute_tasks()`.execute(db);
  await sql`
    CREATE TRIGGER analytics_dispute_tasks_update AFTER UPDATE ON tasks FOR EACH ROW
    WHEN ((OLD.node_id IN ('session', 'settlement') OR NEW.node_id IN ('session', 'settlement'))
      AND (OLD.status IS DISTINCT FROM NEW.status OR OLD.completed_at IS DISTINCT FROM NEW.completed_at
        OR OLD.node_id IS DISTINCT FROM NEW.node_id OR OLD.case_id IS DISTINCT FROM NEW.case_id))
    EXECUTE FUNCTION analytics_dispute_tasks()`.execute(db);

  // Cases: a tier, a department or aid kind of paid money, a dispute's outcome or amount.
  await sql`
    CREATE FUNCTION analytics_department_cases() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      p payments;
      tier_changed boolean := TG_OP <> 'UPDATE' OR OLD.data->'tier' IS DISTINCT FROM NEW.data->'tier';
      submitter_changed boolean := TG_OP <> 'UPDATE' OR OLD.applicant_id IS DISTINCT FROM NEW.applicant_id;
      paid_changed boolean := TG_OP <> 'UPDATE' OR OLD.department IS DISTINCT FROM NEW.department
        OR OLD.data->'aidType' IS DISTINCT FROM NEW.data->'aidType';
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF tier_changed THEN PERFORM analytics_tier_apply(OLD, -1); END IF;
        IF submitter_changed THEN PERFORM analytics_submitter_apply(OLD, -1); END IF;
        IF paid_changed THEN
          FOR p IN SELECT * FROM payments WHERE case_id = OLD.id AND status = 'paid' LOOP
            PERFORM analytics_payment_apply(OLD, p, -1);
          END LOOP;
        END IF;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        IF tier_changed THEN PERFORM analytics_tier_apply(NEW, 1); END IF;
        IF submitter_changed THEN PERFORM analytics_submitter_apply(NEW, 1); END IF;
        IF paid_changed THEN
          FOR p IN SELECT * FROM payments WHERE case_id = NEW.id AND status = 'paid' LOOP
            PERFORM analytics_payment_apply(NEW, p, 1);
          END LOOP;
        END IF;
      END IF;
      IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.process_key = 'labor-dispute' THEN
        PERFORM analytics_dispute_refresh(OLD.id);
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.process_key = 'labor-dispute'
        AND (TG_OP = 'INSERT' OR NEW.id IS DISTINCT FROM OLD.id) THEN
        PERFORM analytics_dispute_refresh(NEW.id);
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER analytics_department_cases_write AFTER INSERT OR DELETE ON cases
    FOR EACH ROW EXECUTE FUNCTION analytics_department_cases()`.execute(db);
  // Most updates (the current step, other data) leave these figures alone and skip the function.
  await sql`
    CREATE TRIGGER analytics_department_cases_update AFTER UPDATE ON cases FOR EACH ROW
    WHEN (OLD.data->'tier' IS DISTINCT FROM NEW.data->'tier' OR OLD.applicant_id IS DISTINCT FROM NEW.applicant_id OR OLD.department IS DISTINCT FROM NEW.department
      OR OLD.data->'aidType' IS DISTINCT FROM NEW.data->'aidType' OR OLD.outcome IS DISTINCT FROM NEW.outcome
      OR OLD.data->'paidAmountFen' IS DISTINCT FROM NEW.data->'paidAmountFen' OR OLD.id IS DISTINCT FROM NEW.id)
    EXECUTE FUNCTION analytics_department_cases()`.execute(db);

  // The hardship file's history: a period counts as started in the month it began, ended in the month it
  // ended. Plain arguments rather than the table's row type, so the history table can still be dropped.
  await sql`
    CREATE FUNCTION analytics_file_apply(unit text, lvl text, began timestamptz, left_at timestamptz, sign int) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO analytics_file_months AS r (org_id, month, level, started, ended)
      VALUES (unit, analytics_month(began), lvl, sign, 0)
      ON CONFLICT ON CONSTRAINT analytics_file_months_pkey DO UPDATE SET started = r.started + excluded.started;
      IF left_at IS NOT NULL THEN
        INSERT INTO analytics_file_months AS r (org_id, month, level, started, ended)
        VALUES (unit, analytics_month(left_at), lvl, 0, sign)
        ON CONFLICT ON CONSTRAINT analytics_file_months_pkey DO UPDATE SET ended = r.ended + excluded.ended;
      END IF;
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION analytics_file_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM analytics_file_apply(OLD.org_id, OLD.level, OLD.started_at, OLD.ended_at, -1);
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM analytics_file_apply(NEW.org_id, NEW.level, NEW.started_at, NEW.ended_at, 1);
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER analytics_file_rollup_write AFTER INSERT OR DELETE ON hardship_file_history
    FOR EACH ROW EXECUTE FUNCTION analytics_file_rollup()`.execute(db);
  await sql`
    CREATE TRIGGER analytics_file_rollup_update AFTER UPDATE ON hardship_file_history FOR EACH ROW
    WHEN (OLD.org_id IS DISTINCT FROM NEW.org_id OR OLD.level IS DISTINCT FROM NEW.level
      OR OLD.started_at IS DISTINCT FROM NEW.started_at OR OLD.ended_at IS DISTINCT FROM NEW.ended_at)
    EXECUTE FUNCTION analytics_file_rollup()`.execute(db);

  // The rollups recomputed from the read model: the backfill, and the way back after a bulk load.
  await sql`
    CREATE FUNCTION analytics_department_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      TRUNCATE analytics_tier_days, analytics_submitter_months, analytics_payment_days, analytics_dispute_cases, analytics_dispute_days,
        analytics_file_months;
      INSERT INTO analytics_tier_days (process_key, day, org_id, tier, proposals)
      SELECT process_key, analytics_day(created_at), org_id, data->>'tier', count(*)::int
      FROM cases WHERE data ? 'tier' GROUP BY 1, 2, 3, 4;
      INSERT INTO analytics_submitter_months (process_key, month, org_id, applicant_id, proposals)
      SELECT process_key, analytics_month(created_at), org_id, applicant_id, count(*)::int
      FROM cases WHERE process_key = 'innovation-proposal' GROUP BY 1, 2, 3, 4;
      INSERT INTO analytics_payment_days (department, day, org_id, kind, payments, amount_fen)
      SELECT c.department, analytics_day(p.paid_at), c.org_id,
        coalesce(CASE WHEN c.process_key = 'hardship-aid-request' THEN c.data->>'aidType' END, p.kind),
        count(*)::int, sum(p.amount_fen)::bigint
      FROM payments p JOIN cases c ON c.id = p.case_id
      WHERE p.status = 'paid' AND c.department IS NOT NULL GROUP BY 1, 2, 3, 4;
      -- One pass for the per-case rows, their day sums from them (not row by row through the trigger).
      ALTER TABLE analytics_dispute_cases DISABLE TRIGGER analytics_dispute_cases_rollup;
      INSERT INTO analytics_dispute_cases SELECT * FROM analytics_dispute_facts;
      ALTER TABLE analytics_dispute_cases ENABLE TRIGGER analytics_dispute_cases_rollup;
      INSERT INTO analytics_dispute_days (day, org_id, filed, mediated, settled, referred, amount_fen, within_limit)
      SELECT day, org_id, count(*)::int, count(*) FILTER (WHERE mediated)::int, count(*) FILTER (WHERE settled)::int,
        count(*) FILTER (WHERE referred)::int, sum(amount_fen)::bigint, count(*) FILTER (WHERE within_limit)::int
      FROM analytics_dispute_cases GROUP BY 1, 2;
      INSERT INTO analytics_file_months (org_id, month, level, started, ended)
      SELECT org_id, month, level, sum(started)::int, sum(ended)::int FROM (
        SELECT org_id, analytics_month(started_at) AS month, level, 1 AS started, 0 AS ended
        FROM hardship_file_history
        UNION ALL
        SELECT org_id, analytics_month(ended_at), level, 0, 1 FROM hardship_file_history WHERE ended_at IS NOT NULL
      ) x GROUP BY 1, 2, 3;
    END $$`.execute(db);
  await sql`SELECT analytics_department_rollups_rebuild()`.execute(db);

  // What stays live reads an index alone: the proposals of a range's edge days (for their submitters),
  // the members in scope, and the households in the file now by level.
  await sql`
    CREATE INDEX IF NOT EXISTS cases_process_started_applicant_idx ON cases (process_key, created_at)
    INCLUDE (org_id, applicant_id)`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS users_active_org_idx ON users (org_id) WHERE NOT disabled`.execute(db);
  await sql`
    CREATE INDEX IF NOT EXISTS hardship_files_in_file_idx ON hardship_files (org_id, level) WHERE status = 'in-file'
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS hardship_files_in_file_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS users_active_org_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS cases_process_started_applicant_idx`.execute(db);
  await sql`DROP TRIGGER IF EXISTS analytics_dispute_cases_rollup ON analytics_dispute_cases`.execute(db);
  await sql`DROP TRIGGER IF EXISTS analytics_department_cases_write ON cases`.execute(db);
  await sql`DROP TRIGGER IF EXISTS analytics_department_cases_update ON cases`.execute(db);
  for (const t of [
    'analytics_dispute_tasks_insert',
    'analytics_dispute_tasks_delete',
    'analytics_dispute_tasks_update',
  ])
    await sql`DROP TRIGGER IF EXISTS ${sql.id(t)} ON tasks`.execute(db);
  for (const t of ['analytics_payments_rollup_write', 'analytics_payments_rollup_update'])
    await sql`DROP TRIGGER IF EXISTS ${sql.id(t)} ON payments`.execute(db);
  for (const t of ['analytics_file_rollup_write', 'analytics_file_rollup_update'])
    await sql`DROP TRIGGER IF EXISTS ${sql.id(t)} ON hardship_file_history`.execute(db);
  for (const f of [
    'analytics_department_rollups_rebuild()',
    'analytics_file_rollup()',
    'analytics_file_apply(text, text, timestamptz, timestamptz, int)',
    'analytics_department_cases()',
    'analytics_dispute_tasks()',
    'analytics_dispute_cases_rollup()',
    'analytics_dispute_day_apply(analytics_dispute_cases, int)',
    'analytics_dispute_refresh(text)',
    'analytics_payments_rollup()',
    'analytics_payment_apply(cases, payments, int)',
    'analytics_tier_apply(cases, int)',
    'analytics_submitter_apply(cases, int)',
    'analytics_month(timestamptz)',
  ])
    await sql.raw(`DROP FUNCTION IF EXISTS ${f}`).execute(db);
  await sql`DROP VIEW IF EXISTS analytics_dispute_facts`.execute(db);
  for (const t of [
    'analytics_file_months',
    'analytics_dispute_days',
    'analytics_dispute_cases',
    'analytics_payment_days',
    'analytics_tier_days',
    'analytics_submitter_months',
  ])
    await sql`DROP TABLE IF EXISTS ${sql.id(t)}`.execute(db);
}
