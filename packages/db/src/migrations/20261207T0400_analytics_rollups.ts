import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

/**
 * Per-day rollups for the 看板 (ADR 036). A process board sums a few thousand of these rows instead of
 * joining hundreds of thousands of cases, tasks and timeline rows. Each rollup is keyed by the case's
 * process, unit and the Asia/Shanghai day it started (its cohort), except `finished`, keyed by the day it
 * ended, as the boards count them. Triggers keep them in the transaction that writes the read model,
 * whoever writes it (projection, parked-case close, seed); `analytics_rollups_rebuild()` recomputes them
 * from the read model (the backfill below, and after a bulk load with triggers off).
 *
 * Step durations are a histogram: bucket 0 holds under a minute, bucket b ≥ 1 holds
 * [60·1.05^(b−1), 60·1.05^b) seconds, so a percentile read from summed buckets is within 2.5% (or 30 s).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE analytics_case_days (
      process_key text NOT NULL, day date NOT NULL, org_id text NOT NULL,
      started int NOT NULL DEFAULT 0, finished int NOT NULL DEFAULT 0,
      PRIMARY KEY (process_key, day, org_id))`.execute(db);
  await sql`
    CREATE TABLE analytics_step_days (
      process_key text NOT NULL, day date NOT NULL, org_id text NOT NULL, node_id text NOT NULL,
      opened int NOT NULL DEFAULT 0, returned int NOT NULL DEFAULT 0,
      overdue int NOT NULL DEFAULT 0, escalated int NOT NULL DEFAULT 0, step_name jsonb,
      PRIMARY KEY (process_key, day, org_id, node_id))`.execute(db);
  await sql`
    CREATE TABLE analytics_step_durations (
      process_key text NOT NULL, day date NOT NULL, org_id text NOT NULL, node_id text NOT NULL,
      bucket smallint NOT NULL, completed int NOT NULL DEFAULT 0, step_name jsonb,
      PRIMARY KEY (process_key, day, org_id, node_id, bucket))`.execute(db);

  await sql`
    CREATE FUNCTION analytics_day(at timestamptz) RETURNS date
    LANGUAGE sql IMMUTABLE AS $$ SELECT (at AT TIME ZONE 'Asia/Shanghai')::date $$`.execute(db);
  await sql`
    CREATE FUNCTION analytics_duration_bucket(seconds double precision) RETURNS smallint
    LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE WHEN seconds IS NULL OR seconds < 60 THEN 0
        ELSE least(32767, 1 + floor(ln(seconds / 60) / ln(1.05)))::smallint END $$`.execute(db);

  // Cases: started on the day they were created; finished on the day of their last update once not running.
  await sql`
    CREATE FUNCTION analytics_cases_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO analytics_case_days AS r (process_key, day, org_id, started, finished)
        VALUES (OLD.process_key, analytics_day(OLD.created_at), OLD.org_id, -1, 0)
        ON CONFLICT (process_key, day, org_id) DO UPDATE SET started = r.started - 1;
        IF OLD.status <> 'running' THEN
          INSERT INTO analytics_case_days AS r (process_key, day, org_id, started, finished)
          VALUES (OLD.process_key, analytics_day(OLD.updated_at), OLD.org_id, 0, -1)
          ON CONFLICT (process_key, day, org_id) DO UPDATE SET finished = r.finished - 1;
        END IF;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO analytics_case_days AS r (process_key, day, org_id, started, finished)
        VALUES (NEW.process_key, analytics_day(NEW.created_at), NEW.org_id, 1, 0)
        ON CONFLICT (process_key, day, org_id) DO UPDATE SET started = r.started + 1;
        IF NEW.status <> 'running' THEN
          INSERT INTO analytics_case_days AS r (process_key, day, org_id, started, finished)
          VALUES (NEW.process_key, analytics_day(NEW.updated_at), NEW.org_id, 0, 1)
          ON CONFLICT (process_key, day, org_id) DO UPDATE SET finished = r.finished + 1;
        END IF;
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  // Only a change to what a case counts as touches the rollup: most updates (data, current step) do not.
  await sql`
    CREATE TRIGGER analytics_cases_rollup_write AFTER INSERT OR DELETE ON cases
    FOR EACH ROW EXECUTE FUNCTION analytics_cases_rollup()`.execute(db);
  await sql`
    CREATE TRIGGER analytics_cases_rollup_update AFTER UPDATE ON cases FOR EACH ROW
    WHEN (OLD.process_key IS DISTINCT FROM NEW.process_key OR OLD.org_id IS DISTINCT FROM NEW.org_id
      OR OLD.created_at IS DISTINCT FROM NEW.created_at
      OR (OLD.status <> 'running') IS DISTINCT FROM (NEW.status <> 'running')
      OR (NEW.status <> 'running' AND analytics_day(OLD.updated_at) IS DISTINCT FROM analytics_day(NEW.updated_at)))
    EXECUTE FUNCTION analytics_cases_rollup()`.execute(db);
  // A case never changes process, unit or start once registered; the task and timeline rollups rely on it.
  await sql`
    CREATE FUNCTION analytics_cases_keys_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'a case keeps its process, unit and start time (the 看板 rollups are keyed by them)';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER analytics_cases_keys_fixed BEFORE UPDATE ON cases FOR EACH ROW
    WHEN (OLD.process_key IS DISTINCT FROM NEW.process_key OR OLD.org_id IS DISTINCT FROM NEW.org_id
      OR OLD.created_at IS DISTINCT FROM NEW.created_at)
    EXECUTE FUNCTION analytics_cases_keys_fixed()`.execute(db);

  // Tasks: a completed task adds one to its step's duration bucket, under its case's cohort.
  await sql`
    CREATE FUNCTION analytics_tasks_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE c record;
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'completed' AND OLD.completed_at IS NOT NULL THEN
        SELECT process_key, analytics_day(created_at) AS day, org_id INTO c FROM cases WHERE id = OLD.case_id;
        IF FOUND THEN
          INSERT INTO analytics_step_durations AS r (process_key, day, org_id, node_id, bucket, completed, step_name)
          VALUES (c.process_key, c.day, c.org_id, OLD.node_id,
            analytics_duration_bucket(extract(epoch FROM OLD.completed_at - OLD.created_at)), -1, OLD.step_name)
          ON CONFLICT (process_key, day, org_id, node_id, bucket) DO UPDATE SET completed = r.completed - 1;
        END IF;
      END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'completed' AND NEW.completed_at IS NOT NULL THEN
        SELECT process_key, analytics_day(created_at) AS day, org_id INTO c FROM cases WHERE id = NEW.case_id;
        IF FOUND THEN
          INSERT INTO analytics_step_durations AS r (process_key, day, org_id, node_id, bucket, completed, step_name)
          VALUES (c.process_key, c.day, c.org_id, NEW.node_id,
            analytics_duration_bucket(extract(epoch FROM NEW.completed_at - NEW.created_at)), 1, NEW.step_name)
          ON CONFLICT (process_key, day, org_id, node_id, bucket)
          DO UPDATE SET completed = r.completed + 1, step_name = coalesce(r.step_name, excluded.step_name);
        END IF;
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER analytics_tasks_rollup_write AFTER INSERT OR DELETE ON tasks
    FOR EACH ROW EXECUTE FUNCTION analytics_tasks_rollup()`.execute(db);
  await sql`
    CREATE TRIGGER analytics_tasks_rollup_update AFTER UPDATE ON tasks FOR EACH ROW
    WHEN ((OLD.status = 'completed' AND OLD.completed_at IS NOT NULL)
        IS DISTINCT FROM (NEW.status = 'completed' AND NEW.completed_at IS NOT NULL)
      OR (NEW.status = 'completed' AND (OLD.node_id IS DISTINCT FROM NEW.node_id
        OR OLD.case_id IS DISTINCT FROM NEW.case_id OR OLD.created_at IS DISTINCT FROM NEW.created_at
        OR OLD.completed_at IS DISTINCT FROM NEW.completed_at)))
    EXECUTE FUNCTION analytics_tasks_rollup()`.execute(db);

  // Timeline: steps opened, returns, passed deadlines and escalations, under the case's cohort.
  await sql`
    CREATE FUNCTION analytics_timeline_apply(e timeline_events, sign int) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE c record;
    BEGIN
      IF e.node_id IS NULL OR e.type NOT IN ('step-opened', 'returned', 'escalated', 'overdue') THEN RETURN; END IF;
      SELECT process_key, analytics_day(created_at) AS day, org_id INTO c FROM cases WHERE id = e.case_id;
      IF NOT FOUND THEN RETURN; END IF;
      INSERT INTO analytics_step_days AS r (process_key, day, org_id, node_id, opened, returned, overdue, escalated, step_name)
      VALUES (c.process_key, c.day, c.org_id, e.node_id,
        sign * (e.type = 'step-opened')::int, sign * (e.type = 'returned')::int,
        sign * (e.type = 'overdue')::int, sign * (e.type = 'escalated')::int, e.step_name)
      ON CONFLICT (process_key, day, org_id, node_id) DO UPDATE SET
        opened = r.opened + excluded.opened, returned = r.returned + excluded.returned,
        overdue = r.overdue + excluded.overdue, escalated = r.escalated + excluded.escalated,
        step_name = coalesce(r.step_name, excluded.step_name);
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION analytics_timeline_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM analytics_timeline_apply(OLD, -1); END IF;
      IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM analytics_timeline_apply(NEW, 1); END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER analytics_timeline_rollup AFTER INSERT OR UPDATE OR DELETE ON timeline_events
    FOR EACH ROW EXECUTE FUNCTION analytics_timeline_rollup()`.execute(db);

  // The rollups recomputed from the read model: the backfill, and the way back after a bulk load.
  await sql`
    CREATE FUNCTION analytics_rollups_rebuild() RETURNS void LANGUAGE plpgsql AS $$
    BEGIN
      TRUNCATE analytics_case_days, analytics_step_days, analytics_step_durations;
      INSERT INTO analytics_case_days (process_key, day, org_id, started, finished)
      SELECT process_key, day, org_id, sum(started)::int, sum(finished)::int FROM (
        SELECT process_key, analytics_day(created_at) AS day, org_id, 1 AS started, 0 AS finished FROM cases
        UNION ALL
        SELECT process_key, analytics_day(updated_at), org_id, 0, 1 FROM cases WHERE status <> 'running'
      ) x GROUP BY 1, 2, 3;
      INSERT INTO analytics_step_durations (process_key, day, org_id, node_id, bucket, completed, step_name)
      SELECT c.process_key, analytics_day(c.created_at), c.org_id, t.node_id,
        analytics_duration_bucket(extract(epoch FROM t.completed_at - t.created_at)), count(*)::int,
        (array_agg(t.step_name))[1]
      FROM tasks t JOIN cases c ON c.id = t.case_id
      WHERE t.status = 'completed' AND t.completed_at IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5;
      INSERT INTO analytics_step_days (process_key, day, org_id, node_id, opened, returned, overdue, escalated, step_name)
      SELECT c.process_key, analytics_day(c.created_at), c.org_id, e.node_id,
        count(*) FILTER (WHERE e.type = 'step-opened')::int, count(*) FILTER (WHERE e.type = 'returned')::int,
        count(*) FILTER (WHERE e.type = 'overdue')::int, count(*) FILTER (WHERE e.type = 'escalated')::int,
        (array_agg(e.step_name) FILTER (WHERE e.step_name IS NOT NULL))[1]
      FROM timeline_events e JOIN cases c ON c.id = e.case_id
      WHERE e.node_id IS NOT NULL AND e.type IN ('step-opened', 'returned', 'escalated', 'overdue')
      GROUP BY 1, 2, 3, 4;
    END $$`.execute(db);
  await sql`SELECT analytics_rollups_rebuild()`.execute(db);

  // "Overdue now" stays live (it changes with the clock, not with a write): both sides of its semi-join
  // answer from an index alone.
  await sql`DROP INDEX IF EXISTS cases_process_running_idx`.execute(db);
  await sql`
    CREATE INDEX cases_process_running_idx ON cases (process_key, org_id) INCLUDE (id) WHERE status = 'running'
  `.execute(db);
  await sql`
    CREATE INDEX tasks_open_due_idx ON tasks (case_id) INCLUDE (due_at) WHERE status IN ('open', 'claimed')
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS tasks_open_due_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS cases_process_running_idx`.execute(db);
  await sql`
    CREATE INDEX cases_process_running_idx ON cases (process_key, org_id) WHERE status = 'running'
  `.execute(db);
  await sql`DROP TRIGGER IF EXISTS analytics_timeline_rollup ON timeline_events`.execute(db);
  for (const t of ['analytics_tasks_rollup_write', 'analytics_tasks_rollup_update'])
    await sql`DROP TRIGGER IF EXISTS ${sql.id(t)} ON tasks`.execute(db);
  for (const t of [
    'analytics_cases_rollup_write',
    'analytics_cases_rollup_update',
    'analytics_cases_keys_fixed',
  ])
    await sql`DROP TRIGGER IF EXISTS ${sql.id(t)} ON cases`.execute(db);
  for (const f of [
    'analytics_rollups_rebuild()',
    'analytics_timeline_rollup()',
    'analytics_timeline_apply(timeline_events, int)',
    'analytics_tasks_rollup()',
    'analytics_cases_keys_fixed()',
    'analytics_cases_rollup()',
    'analytics_duration_bucket(double precision)',
    'analytics_day(timestamptz)',
  ])
    await sql.raw(`DROP FUNCTION IF EXISTS ${f}`).execute(db);
  for (const t of ['analytics_step_durations', 'analytics_step_days', 'analytics_case_days'])
    await sql`DROP TABLE IF EXISTS ${sql.id(t)}`.execute(db);
}
