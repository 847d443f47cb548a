import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/app-harness';
import { type AuthUser, createSession, defaultSessionPolicy, resolveSession } from '../auth';
import { inboxCounts } from './inbox-counts';

let t: TestApp;
const hour = 3_600_000;

/** A running case of lina's with one task per entry, each offered to lina (and claimed or not). */
async function seed() {
  const now = Date.now();
  await t.db
    .insertInto('cases')
    .values({
      id: '00000001-0000-4000-8000-000000000000',
      number: 'COUNTS-1',
      title: '计数',
      process_key: 'simple-approval',
      process_version: 1,
      department: 'innovation',
      applicant_id: 'u-zhangwei',
      org_id: 'org-steel',
      status: 'running',
      outcome: null,
      current_step: null,
      data: JSON.stringify({ title: '计数' }) as never,
      last_seq: 1,
      created_at: new Date(now),
      updated_at: new Date(now),
    })
    .execute();
  const tasks = [
    { id: 'tc-overdue', status: 'open', assignee: null, due: now - hour, open: true, obo: null },
    { id: 'tc-soon', status: 'open', assignee: null, due: now + 2 * hour, open: true, obo: null },
    { id: 'tc-later', status: 'open', assignee: null, due: now + 72 * hour, open: true, obo: 'u-wangfang' },
    { id: 'tc-none', status: 'claimed', assignee: 'u-lina', due: null, open: true, obo: null },
    // Claimed by someone else: lina still sees it among the open ones, not as hers.
    { id: 'tc-other', status: 'claimed', assignee: 'u-wangfang', due: null, open: true, obo: null },
    // Closed: counted nowhere.
    { id: 'tc-done', status: 'claimed', assignee: 'u-lina', due: now - hour, open: false, obo: null },
  ] as const;
  for (const task of tasks) {
    await t.db
      .insertInto('tasks')
      .values({
        id: task.id,
        case_id: '00000001-0000-4000-8000-000000000000',
        node_id: 'review',
        step_name: JSON.stringify({ zh: '审核' }) as never,
        kind: 'approval',
        status: task.status,
        assignee_id: task.assignee,
        form: '[]' as never,
        created_at: new Date(now),
        due_at: task.due === null ? null : new Date(task.due),
        completed_at: null,
        decision: null,
      })
      .execute();
    await t.db
      .insertInto('task_candidates')
      .values({
        task_id: task.id,
        user_id: 'u-lina',
        open: task.open,
        due_at: task.due === null ? null : new Date(task.due),
        created_at: new Date(now),
        on_behalf_of: task.obo,
      })
      .execute();
  }
}

/** A demo user as the gateway knows them after sign-in: through a session, as a request would. */
async function reader(id: string): Promise<AuthUser> {
  const { token } = await createSession(t.db, id, defaultSessionPolicy);
  const session = await resolveSession(t.db, token, defaultSessionPolicy);
  if (!session) throw new Error(`no session for ${id}`);
  return session.user;
}

beforeAll(async () => {
  t = await createTestApp();
  await seed();
});
afterAll(async () => t?.close());

describe('inbox counts', () => {
  it('counts open tasks per filter; claimed counts only the ones claimed by the reader', async () => {
    const lina = await inboxCounts(t.db, await reader('u-lina'));
    expect(lina.todo).toEqual({ all: 5, overdue: 1, dueSoon: 1, claimed: 1, delegated: 1 });
    expect(lina.boxes).toEqual({ done: 0, started: 0, cc: 0, ccUnread: 0 });
    const wangfang = await inboxCounts(t.db, await reader('u-wangfang'));
    expect(wangfang.todo).toEqual({ all: 0, overdue: 0, dueSoon: 0, claimed: 0, delegated: 0 });
  });

  it('counts the other boxes in the same statement: the applicant started the case', async () => {
    const zhangwei = await inboxCounts(t.db, await reader('u-zhangwei'));
    expect(zhangwei.todo.all).toBe(0);
    expect(zhangwei.boxes).toEqual({ done: 0, started: 1, cc: 0, ccUnread: 0 });
  });
});
