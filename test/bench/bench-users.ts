import type { Database } from '@unionflow/db';
import { publishDefinition } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import { type Kysely, sql } from 'kysely';
import { createSession, defaultSessionPolicy, SESSION_COOKIE } from '../../gateway/src/auth';

/** A signed-in person the load generator plays. */
export interface BenchUser {
  id: string;
  username: string;
  cookie: string;
  csrf: string;
  /** Sent as X-Forwarded-For: rate limits count per person, as behind the production proxy. */
  ip: string;
}

/** Key of the bench process: three sequential approvals, reviewers named per case in r1, r2, r3. */
export const THREE_STEPS = 'bench-three-steps';

const step = (id: string, zh: string, field: string, next: string) => ({
  id,
  kind: 'approval' as const,
  name: { zh },
  assignee: { kind: 'field' as const, field },
  mode: 'single' as const,
  next,
});

/** Three approvals in a row, each assigned to the reviewer the case data names. */
export const threeSteps: ProcessDefinition = {
  key: THREE_STEPS,
  version: 1,
  name: { zh: '三级审批（压测）', en: 'Three approvals (bench)' },
  department: 'innovation',
  form: [
    { key: 'title', label: { zh: '标题' }, type: 'text', required: true },
    { key: 'r1', label: { zh: '初审人' }, type: 'user', required: true },
    { key: 'r2', label: { zh: '复审人' }, type: 'user', required: true },
    { key: 'r3', label: { zh: '终审人' }, type: 'user', required: true },
  ],
  start: 'first',
  nodes: [
    step('first', '初审', 'r1', 'second'),
    step('second', '复审', 'r2', 'third'),
    step('third', '终审', 'r3', 'end'),
    { id: 'end', kind: 'end', name: { zh: '通过' }, outcome: 'approved' },
  ],
};

/**
 * Creates `applicants` members and `reviewers` innovation reviewers in the steel company's union
 * (password hash copied from the seeded admin, so nobody pays for argon2), a session for each, and
 * publishes the three-step process.
 */
export async function createBenchUsers(
  db: Kysely<Database>,
  counts: { applicants: number; reviewers: number },
): Promise<{ applicants: BenchUser[]; reviewers: BenchUser[] }> {
  const make = async (prefix: string, n: number, role: string, ipBase: number) => {
    if (n === 0) return [];
    await sql`INSERT INTO users (id, username, display_name, password_hash, org_id, superior_id, locale, time_zone, disabled)
      SELECT ${`bu-${prefix}-`} || i, ${`bench-${prefix}-`} || i, ${`压测 ${prefix} `} || i,
        (SELECT password_hash FROM users WHERE username = 'admin'), 'org-steel', NULL, 'zh-CN', 'Asia/Shanghai', false
      FROM generate_series(0, ${n - 1}) i`.execute(db);
    await sql`INSERT INTO user_roles (user_id, role) SELECT ${`bu-${prefix}-`} || i, ${role} FROM generate_series(0, ${n - 1}) i`.execute(
      db,
    );
    return Promise.all(
      Array.from({ length: n }, async (_, i): Promise<BenchUser> => {
        const id = `bu-${prefix}-${i}`;
        const session = await createSession(db, id, defaultSessionPolicy);
        return {
          id,
          username: `bench-${prefix}-${i}`,
          cookie: `${SESSION_COOKIE}=${session.token}`,
          csrf: session.csrfToken,
          ip: `10.${ipBase}.${Math.floor(i / 250)}.${(i % 250) + 1}`,
        };
      }),
    );
  };
  const applicants = await make('a', counts.applicants, 'member', 1);
  const reviewers = await make('r', counts.reviewers, 'innovation-reviewer', 2);
  await publishDefinition(db, threeSteps, null);
  return { applicants, reviewers };
}
