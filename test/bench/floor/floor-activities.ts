import type pg from 'pg';

/** The floor's one activity: a single-row insert per step, on the bench's database. */
export function createFloorActivities(pool: pg.Pool) {
  return {
    async writeStep(caseId: string, step: number): Promise<void> {
      await pool.query(
        'insert into bench_floor_steps (case_id, step) values ($1, $2) on conflict do nothing',
        [caseId, step],
      );
    },
  };
}

export type FloorActivities = ReturnType<typeof createFloorActivities>;

/** The table the floor writes; created by the benchmark before the floor worker starts. */
export const FLOOR_TABLE_DDL = `create table if not exists bench_floor_steps (
  case_id text not null,
  step int not null,
  written_at timestamptz not null default now(),
  primary key (case_id, step)
)`;
