import type { Database } from '@unionflow/db';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { AuthUser } from '../../gateway/src/auth';
import { inboxCounts } from '../../gateway/src/cases/inbox-counts';
import { inboxPage } from '../../gateway/src/cases/inbox-repository';

/**
 * The plans of the statements the gateway runs for one inbox request, exactly as it sends them: the
 * inbox repository runs against a Kysely that records each compiled query, and each is then run
 * again under EXPLAIN ANALYZE with its own parameters.
 */
export async function inboxPlans(url: string, userId: string): Promise<Record<string, string>> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const captured: { sql: string; parameters: readonly unknown[] }[] = [];
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (event) => {
      if (event.level === 'query') captured.push(event.query);
    },
  });
  try {
    const row = await db
      .selectFrom('users as u')
      .innerJoin('orgs as o', 'o.id', 'u.org_id')
      .select(['u.id', 'u.username', 'u.display_name', 'u.org_id', 'o.name', 'o.path'])
      .where('u.id', '=', userId)
      .executeTakeFirstOrThrow();
    const user: AuthUser = {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      orgId: row.org_id,
      orgName: row.name,
      orgPath: row.path,
      roles: ['innovation-reviewer'],
      locale: 'zh-CN',
      timeZone: 'Asia/Shanghai',
    };
    const plans: Record<string, string> = {};
    const explain = async (name: string, run: () => Promise<unknown>) => {
      captured.length = 0;
      await run();
      for (const [i, q] of captured.entries()) {
        const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.sql}`,
          [...q.parameters],
        );
        plans[captured.length > 1 ? `${name} (${i + 1} of ${captured.length})` : name] =
          `${q.sql}\n\n${rows.map((r) => r['QUERY PLAN']).join('\n')}`;
      }
    };
    await explain(`inbox first page, ${userId}`, () => inboxPage(db, user, {}, 20, null));
    await explain(`inbox counts (to do per filter, done, started, copied), ${userId}`, () =>
      inboxCounts(db, user),
    );
    await explain(`inbox filter due=overdue, ${userId}`, () =>
      inboxPage(db, user, { due: 'overdue' }, 20, null),
    );
    return plans;
  } finally {
    await db.destroy();
  }
}
