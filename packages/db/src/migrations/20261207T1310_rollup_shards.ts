import { type Kysely, sql } from 'kysely';

// Frozen in time: never import application code here.

/**
 * The per-day case and step rollups (ADR 036) had one row per process, unit and day (and step, and
 * duration bucket): every case started that day upserted the same row, and its row lock is held until the projection commits, after
 * the audit chain's lock (ADR 044). Concurrent starts queued on it: at 16 concurrent starts the upsert
 * waited 27 ms on average. Each row is now split into 16 shards, one per database connection
 * (`pg_backend_pid() % 16`), so writers on different connections rarely meet; readers already sum.
 * The rebuild writes shard 0.
 */
const SHARDED = {
  analytics_case_days: ['process_key', 'day', 'org_id'],
  analytics_step_days: ['process_key', 'day', 'org_id', 'node_id'],
  analytics_step_durations: ['process_key', 'day', 'org_id', 'node_id', 'bucket'],
} as const;

const casesRollup = (shard: string, key: string) =>
  sql.raw(`
  CREATE OR REPLACE FUNCTION analytics_cases_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      INSERT INTO analytics_case_days AS r (process_key, day, org_id${shard ? ', shard' : ''}, started, finished)
      VALUES (OLD.process_key, analytics_day(OLD.created_at), OLD.org_id${shard}, -1, 0)
      ON CONFLICT (${key}) DO UPDATE SET started = r.started - 1;
      IF OLD.status <> 'running' THEN
        INSERT INTO analytics_case_days AS r (process_key, day, org_id${shard ? ', shard' : ''}, started, finished)
        VALUES (OLD.process_key, analytics_day(OLD.updated_at), OLD.org_id${shard}, 0, -1)
        ON CONFLICT (${key}) DO UPDATE SET finished = r.finished - 1;
      END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
      INSERT INTO analytics_case_days AS r (process_key, day, org_id${shard ? ', shard' : ''}, started, finished)
      VALUES (NEW.process_key, analytics_day(NEW.created_at), NEW.org_id${shard}, 1, 0)
      ON CONFLICT (${key}) DO UPDATE SET started = r.started + 1;
      IF NEW.status <> 'running' THEN
        INSERT INTO analytics_case_days AS r (process_key, day, org_id${shard ? ', shard' : ''}, started, finished)
        VALUES (NEW.process_key, analytics_day(NEW.updated_at), NEW.org_id${shard}, 0, 1)
        ON CONFLICT (${key}) DO UPDATE SET finished = r.finished + 1;
      END IF;
    END IF;
    RETURN NULL;
  END $$`);

const timelineApply = (shard: string, key: string) =>
  sql.raw(`
  CREATE OR REPLACE FUNCTION analytics_timeline_apply(e timeline_events, sign int) RETURNS void LANGUAGE plpgsql AS $$
  DECLARE c record;
  BEGIN
    IF e.node_id IS NULL OR e.type NOT IN ('step-opened', 'returned', 'escalated', 'overdue') THEN RETURN; END IF;
    SELECT process_key, analytics_day(created_at) AS day, org_id INTO c FROM cases WHERE id = e.case_id;
    IF NOT FOUND THEN RETURN; END IF;
    INSERT INTO analytics_step_days AS r (process_key, day, org_id, node_id${shard ? ', shard' : ''}, opened, returned, overdue, escalated, step_name)
    VALUES (c.process_key, c.day, c.org_id, e.node_id${shard},
      sign * (e.type = 'step-opened')::int, sign * (e.type = 'returned')::int,
      sign * (e.type = 'overdue')::int, sign * (e.type = 'escalated')::int, e.step_name)
    ON CONFLICT (${key}) DO UPDATE SET
      opened = r.opened + excluded.opened, returned = r.returned + excluded.returned,
      overdue = r.overdue + excluded.overdue, escalated = r.escalated + excluded.escalated,
      step_name = coalesce(r.step_name, excluded.step_name);
  END $$`);

const tasksRollup = (shard: string, key: string) =>
  sql.raw(`
  CREATE OR REPLACE FUNCTION analytics_tasks_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
  DECLARE c record;
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'completed' AND OLD.completed_at IS NOT NULL THEN
      SELECT process_key, analytics_day(created_at) AS day, org_id INTO c FROM cases WHERE id = OLD.case_id;
      IF FOUND THEN
        INSERT INTO analytics_step_durations AS r (process_key, day, org_id, node_id, bucket${shard ? ', shard' : ''}, completed, step_name)
        VALUES (c.process_key, c.day, c.org_id, OLD.node_id,
          analytics_duration_bucket(extract(epoch FROM OLD.completed_at - OLD.created_at))${shard}, -1, OLD.step_name)
        ON CONFLICT (${key}) DO UPDATE SET completed = r.completed - 1;
      END IF;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'completed' AND NEW.completed_at IS NOT NULL THEN
      SELECT process_key, analytics_day(created_at) AS day, org_id INTO c FROM cases WHERE id = NEW.case_id;
      IF FOUND THEN
        INSERT INTO analytics_step_durations AS r (process_key, day, org_id, node_id, bucket${shard ? ', shard' : ''}, completed, step_name)
        VALUES (c.process_key, c.day, c.org_id, NEW.node_id,
          analytics_duration_bucket(extract(epoch FROM NEW.completed_at - NEW.created_at))${shard}, 1, NEW.step_name)
        ON CONFLICT (${key})
        DO UPDATE SET completed = r.completed + 1, step_name = coalesce(r.step_name, excluded.step_name);
      END IF;
    END IF;
    RETURN NULL;
  END $$`);

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION analytics_shard() RETURNS smallint LANGUAGE sql STABLE
    AS $$ SELECT (pg_backend_pid() % 16)::smallint $$`.execute(db);
  for (const [table, key] of Object.entries(SHARDED)) {
    await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN shard smallint NOT NULL DEFAULT 0`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} DROP CONSTRAINT ${sql.id(`${table}_pkey`)}`.execute(db);
    await sql`ALTER TABLE ${sql.table(table)} ADD PRIMARY KEY (${sql.raw([...key, 'shard'].join(', '))})`.execute(
      db,
    );
  }
  await casesRollup(', analytics_shard()', 'process_key, day, org_id, shard').execute(db);
  await timelineApply(', analytics_shard()', 'process_key, day, org_id, node_id, shard').execute(db);
  await tasksRollup(', analytics_shard()', 'process_key, day, org_id, node_id, bucket, shard').execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await casesRollup('', 'process_key, day, org_id').execute(db);
  await timelineApply('', 'process_key, day, org_id, node_id').execute(db);
  await tasksRollup('', 'process_key, day, org_id, node_id, bucket').execute(db);
  for (const [table, key] of Object.entries(SHARDED)) {
    const cols = key.join(', ');
    const firstName = '(array_agg(step_name) FILTER (WHERE step_name IS NOT NULL))[1] AS step_name';
    const [sums, rest] =
      table === 'analytics_case_days'
        ? ['sum(started)::int AS started, sum(finished)::int AS finished', 'started, finished']
        : table === 'analytics_step_days'
          ? [
              'sum(opened)::int AS opened, sum(returned)::int AS returned, sum(overdue)::int AS overdue, ' +
                `sum(escalated)::int AS escalated, ${firstName}`,
              'opened, returned, overdue, escalated, step_name',
            ]
          : [`sum(completed)::int AS completed, ${firstName}`, 'completed, step_name'];
    await sql
      .raw(
        `CREATE TEMP TABLE rollup_merged ON COMMIT DROP AS SELECT ${cols}, ${sums} FROM ${table} GROUP BY ${cols}`,
      )
      .execute(db);
    await sql.raw(`TRUNCATE ${table}`).execute(db);
    await sql.raw(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pkey`).execute(db);
    await sql.raw(`ALTER TABLE ${table} DROP COLUMN shard`).execute(db);
    await sql.raw(`INSERT INTO ${table} (${cols}, ${rest}) SELECT * FROM rollup_merged`).execute(db);
    await sql.raw(`DROP TABLE rollup_merged`).execute(db);
    await sql.raw(`ALTER TABLE ${table} ADD PRIMARY KEY (${cols})`).execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS analytics_shard()`.execute(db);
}
