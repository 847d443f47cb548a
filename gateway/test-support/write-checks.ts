import type { Database } from '@unionflow/db';
import type { Kysely } from 'kysely';
import type { App } from '../src/app';
import type { AuthHeaders } from './app-harness';

/** Row counts of the given tables, to show a refused request wrote nothing. */
export async function tableCounts(
  db: Kysely<Database>,
  tables: readonly (keyof Database)[],
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

/** Starts a simple-approval case over HTTP; its id and its first task's id. */
export async function startSimpleCase(
  app: App,
  headers: AuthHeaders,
  title: string,
): Promise<{ caseId: string; taskId: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/cases',
    headers,
    payload: { processKey: 'simple-approval', data: { title } },
  });
  if (res.statusCode !== 201) throw new Error(`start failed: ${res.statusCode} ${res.body}`);
  return { caseId: res.json().id, taskId: res.json().tasks[0].id };
}
