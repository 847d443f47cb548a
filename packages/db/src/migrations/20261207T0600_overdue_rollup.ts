import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

/**
 * "Overdue now" on the federation board (ADR 041): a running case counts when one of its open tasks is
 * past due, i.e. when its earliest open due time is before now. Two tables, kept by row triggers in the
 * writing transaction like the other 看板 rollups (ADR 036, ADR 038):
 *
 * - `analytics_case_dues`: one row per running case with an open (or claimed) task that has a due time,
 *   holding that case's earliest open due time; recomputed from the case and its open tasks whenever a
 *   task opens, closes, is re-timed or deleted, or the case stops (or resumes) running;
 * - `analytics_due_months`: those rows counted per process, Asia/Shanghai month of the earliest due time,
 *   and unit, by a trigger on the per-case rows.
 *
 * The board counts the months before now's month from the second table and the cases whose earliest due
 * time falls in now's month before now from the first (an index range): exact at any instant, and a few
 * hundred rows plus at most a month of cases instead of every running case joined to its open tasks.
 * Only additions: the triggers are created before the backfill in this transaction, so no write falls
 * between them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE analytics_case_dues (
      case_id text PRIMARY KEY, process_key text NOT NULL, org_id text NOT NULL,
      first_due_at timestamptz NOT NULL)`.execute(db);
  await sql`
    CREATE INDEX analytics_case_dues_due_idx ON analytics_case_dues (process_key, first_due_at) INCLUDE (org_id)
  `.execute(db);
  await sql`
    CREATE TABLE analytics_due_months (
      process_key text NOT NULL, month date NOT NULL, org_id text NOT NULL,
      cases int NOT NULL DEFAULT 0,
      PRIMARY KEY (process_key, month, org_id))`.execute(db);

  // The case row is locked first, so two transactions changing the same case's tasks recompute one after
  // the other (each reads the other's committed tasks) instead of the later overwriting with a stale min.
  await sql`
    CREATE FUNCTION analytics_case_due_refresh(cid text) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE c record; due timestamptz;
    BEGIN
      SELECT id, process_key, org_id, status INTO c FROM cases WHERE id = cid FOR NO KEY UPDATE;
      IF FOUND AND c.status = 'running' THEN
        SELECT min(t.due_at) INTO due FROM tasks t WHERE t.case_id = cid AND t.status IN ('open', 'claimed');
      END IF;
      IF due IS NULL THEN
        DELETE FROM analytics_case_dues d WHERE d.case_id = cid;
        RETURN;
      END IF;
      INSERT INTO analytics_case_dues AS r (case_id, process_key, org_id, first_due_at)
      VALUES (cid, c.process_key, c.org_id, due)
      ON CONFLICT (case_id) DO UPDATE SET process_key = excluded.process_key, org_id = excluded.org_id,
        first_due_at = excluded.first_due_at
      WHERE (r.process_key, r.org_id, r.first_due_at)
        IS DISTINCT FROM (excluded.process_key, excluded.org_id, excluded.first_due_at);
    END $$`.execute(db);

  // The month counts follow the per-case rows: the old row out, the new one in.
  await sql`
    CREATE FUNCTION analytics_due_month_apply(d analytics_case_dues, sign int) RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO analytics_due_months AS r (process_key, month, org_id, cases)
      VALUES (d.process_key, analytics_month(d.first_due_at), d.org_id, sign)
      ON CONFLICT (process_key, month, org_id) DO UPDATE SET cases = r.cases + excluded.cases;
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION analytics_case_dues_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM analytics_due_month_apply(OLD, -1); END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM analytics_due_month_apply(NEW, 1); END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER analytics_case_dues_rollup_write AFTER INSERT OR DELETE ON analytics_case_dues
    FOR EACH ROW EXECUTE FUNCTION analytics_case_dues_rollup()`.execute(db);
  // A new earliest due time in the same month changes no count.
  await sql`
    CREATE TRIGGER analytics_case_dues_rollup_update AFTER UPDATE ON analytics_case_dues FOR EACH ROW
    WHEN (OLD.process_key IS DISTINCT FROM NEW.process_key OR OLD.org_id IS DISTINCT FROM NEW.org_id
      OR analytics_month(OLD.first_due_at) IS DISTINCT FROM analytics_month(NEW.first_due_at))
    EXECUTE FUNCTION analytics_case_dues_rollup()`.execute(db);

  await sql`
    CREATE FUNCTION analytics_due_tasks() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM analytics_case_due_refresh(OLD.case_id); END IF;
      IF TG_OP = 'INSERT' OR (TG_OP = 'UPDATE' AND NEW.case_id IS DISTINCT FROM OLD.case_id) THEN
        PERFORM analytics_case_due_refresh(NEW.case_id);
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  // Only an open task with a due time matters; claiming one (open → claimed) changes nothing.
  await sql`
    CREATE TRIGGER analytics_due_tasks_insert AFTER INSERT ON tasks FOR EACH ROW
    WHEN (NEW.status IN ('open', 'claimed') AND NEW.due_at IS NOT NULL)
    EXECUTE FUNCTION analytics_due_tasks()`.execute(db);
  await sql`
    CREATE TRIGGER analytics_due_tasks_delete AFTER DELETE ON tasks FOR EACH ROW
    WHEN (OLD.status IN ('open', 'claimed') AND OLD.due_at IS NOT NULL)
    EXECUTE FUNCTION analytics_due_tasks()`.execute(db);
  await sql`
    CREATE TRIGGER analytics_due_tasks_update AFTER UPDATE ON tasks FOR EACH ROW
    WHEN (((OLD.status IN ('open', 'claimed') AND OLD.due_at IS NOT NULL)
        OR (NEW.status IN ('open', 'claimed') AND NEW.due_at IS NOT NULL))
      AND ((OLD.status IN ('open', 'claimed')) IS DISTINCT FROM (NEW.status IN ('open', 'claimed'))
        OR OLD.due_at IS DISTINCT FROM NEW.due_at OR OLD.case_id IS DISTINCT FROM NEW.case_id))
    EXECUTE FUNCTION analytics_due_tasks()`.execute(db);

  // A case that stops running (or runs again) leaves (or rejoins) the count; its unit and process are
  // fixed (ADR 036). A case has no tasks when it is inserted, and none left when it is deleted.
  await sql`
    CREATE FUNCTION analytics_due_cases() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM analytics_case_due_refresh(CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END);
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER analytics_due_cases_update AFTER UPDATE ON cases FOR EACH ROW
    WHEN ((OLD.status = 'running') IS DISTINCT FROM (NEW.status = 'running'))
    EXECUTE FUNCTION analytics_due_cases()`.execute(db);
  await sql`
    CREATE TRIGGER analytics_due_cases_delete AFTER DELETE ON cases FOR EACH ROW
    EXECUTE FUNCTION analytics_due_cases()`.execute(db);

  // Recomputed from the read model: the backfill, and the way back after a bulk load.
  await sql`
    CREATE FUNCTION analytics_due_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      TRUNCATE analytics_case_dues, analytics_due_months;
      ALTER TABLE analytics_case_dues DISABLE TRIGGER analytics_case_dues_rollup_write;
      INSERT INTO analytics_case_dues (case_id, process_key, org_id, first_due_at)
      SELECT c.id, c.process_key, c.org_id, min(t.due_at)
      FROM cases c JOIN tasks t ON t.case_id = c.id AND t.status IN ('open', 'claimed') AND t.due_at IS NOT NULL
      WHERE c.status = 'running' GROUP BY c.id;
      ALTER TABLE analytics_case_dues ENABLE TRIGGER analytics_case_dues_rollup_write;
      INSERT INTO analytics_due_months (process_key, month, org_id, cases)
      SELECT process_key, analytics_month(first_due_at), org_id, count(*)::int
      FROM analytics_case_dues GROUP BY 1, 2, 3;
    END $$`.execute(db);
  await sql`SELECT analytics_due_rollups_rebuild()`.execute(db);
  await sql`ANALYZE analytics_case_dues, analytics_due_months`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['analytics_due_cases_update', 'analytics_due_cases_delete'])
    await sql`DROP TRIGGER IF EXISTS ${sql.id(t)} ON cases`.execute(db);
  for (const t of ['analytics_due_tasks_insert', 'analytics_due_tasks_delete', 'analytics_due_tasks_update'])
    await sql`DROP TRIGGER IF EXISTS ${sql.id(t)} ON tasks`.execute(db);
  for (const f of [
    'analytics_due_rollups_rebuild()',
    'analytics_due_cases()',
    'analytics_due_tasks()',
    'analytics_case_dues_rollup()',
    'analytics_due_month_apply(analytics_case_dues, int)',
    'analytics_case_due_refresh(text)',
  ])
    await sql.raw(`DROP FUNCTION IF EXISTS ${f}`).execute(db);
  await sql`DROP TABLE IF EXISTS analytics_due_months`.execute(db);
  await sql`DROP TABLE IF EXISTS analytics_case_dues`.execute(db);
}
