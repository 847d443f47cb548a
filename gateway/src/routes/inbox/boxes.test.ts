import { randomUUID } from 'node:crypto';
import type { BoxPageDto, CaseDetailDto, InboxPageDto } from '@unionflow/contracts';
import { publishDefinition, simpleApproval } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../../../workers/test-support/engine-harness';
import {
  type AuthHeaders,
  createTestApp,
  firstSignIn,
  login,
  type TestApp,
} from '../../../test-support/app-harness';

/** A review that copies wangfang (抄送) when it opens. */
const ccReview: ProcessDefinition = {
  ...simpleApproval,
  key: 'cc-review',
  name: { zh: '抄送审批', en: 'Review with copy' },
  nodes: [
    {
      ...(simpleApproval.nodes[0] as Extract<ProcessDefinition['nodes'][number], { kind: 'approval' }>),
      cc: [{ kind: 'user', username: 'wangfang' }],
    },
    ...simpleApproval.nodes.slice(1),
  ],
};

/**
 * A household file whose title is itself household data: chenjie (assistance centre) reviews it;
 * liuyang (rights) and zhaolei (grassroots cadre, assistance staff without the viewer role) are copied.
 */
const householdCc: ProcessDefinition = {
  key: 'household-cc',
  version: 1,
  name: { zh: '困难帮扶（抄送）', en: 'Hardship with copy' },
  department: 'assistance',
  sensitiveViewerRoles: ['assistance-centre'],
  form: [
    {
      key: 'title',
      label: { zh: '家庭情况', en: 'Household' },
      type: 'text',
      required: true,
      sensitive: true,
    },
  ],
  start: 'review',
  nodes: [
    {
      id: 'review',
      kind: 'approval',
      name: { zh: '帮扶中心审核', en: 'Centre review' },
      assignee: { kind: 'user', username: 'chenjie' },
      mode: 'single',
      emptyAssignee: 'admin-queue',
      cc: [
        { kind: 'user', username: 'liuyang' },
        { kind: 'user', username: 'zhaolei' },
      ],
      next: 'done',
    },
    { id: 'done', kind: 'end', name: { zh: '通过', en: 'Approved' }, outcome: 'approved' },
  ],
};

/** The same file, reviewed by liuyang, who holds no viewer role: his task shows the title masked. */
const householdByRights: ProcessDefinition = {
  ...householdCc,
  key: 'household-rights',
  nodes: [
    {
      ...(householdCc.nodes[0] as Extract<ProcessDefinition['nodes'][number], { kind: 'approval' }>),
      assignee: { kind: 'user', username: 'liuyang' },
      cc: [],
    },
    ...householdCc.nodes.slice(1),
  ],
};

let t: TestApp;
let engine: EngineHarness;
const as: Record<string, AuthHeaders> = {};
const ids: Record<'a' | 'b' | 'c' | 'h', string> = { a: '', b: '', c: '', h: '' };

async function box(user: string, query: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/inbox?${query}`, headers: as[user] });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return res.json<BoxPageDto>();
}

async function start(processKey: string, title: string): Promise<CaseDetailDto> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { ...as.zhangwei!, 'idempotency-key': randomUUID() },
    payload: { processKey, data: { title } },
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(201);
  return res.json<CaseDetailDto>();
}

async function decide(user: string, taskId: string, action: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/tasks/${encodeURIComponent(taskId)}/decisions`,
    headers: { ...as[user]!, 'idempotency-key': randomUUID() },
    payload: { action, comment: '已阅' },
  });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
}

/** Today in Beijing, and a day relative to it, as YYYY-MM-DD. */
function beijingDay(offsetDays = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  const taskQueue = `gw-${randomUUID()}`;
  t = await createTestApp({ withTemporal: true, taskQueue });
  engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });
  await publishDefinition(t.db, ccReview, null);
  await publishDefinition(t.db, householdCc, null);
  await publishDefinition(t.db, householdByRights, null);
  for (const u of ['zhangwei', 'lina', 'wangfang', 'liuyang', 'zhaolei', 'chenjie', 'admin'])
    as[u] = await login(t.app, u);
  // A reviewer of another company's union: the same role, another org.
  await t.db
    .insertInto('orgs')
    .values({
      id: 'org-other',
      parent_id: 'org-district',
      name: '另一家企业工会',
      level: 'grassroots',
      path: '/org-city/org-district/org-other/',
    })
    .execute();
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/admin/users',
    headers: as.admin!,
    payload: {
      username: 'otherreviewer',
      displayName: '外单位评审',
      orgId: 'org-other',
      roles: ['innovation-reviewer'],
      password: 'boxes-pass-1',
    },
  });
  expect(created.statusCode, created.body).toBe(201);
  as.otherreviewer = await firstSignIn(t.app, 'otherreviewer', 'boxes-pass-1');

  // A: approved by lina; B: rejected by lina; C: still waiting; H: a household file.
  const a = await start('cc-review', '更换除尘布袋 50%_折扣');
  ids.a = a.id;
  await decide('lina', a.tasks[0]!.id, 'approve');
  const b = await start('cc-review', '食堂窗口改造');
  ids.b = b.id;
  await decide('lina', b.tasks[0]!.id, 'reject');
  const c = await start('cc-review', '夜班通勤车');
  ids.c = c.id;
  const h = await start('household-cc', '家中两人患病，月收入1800元');
  ids.h = h.id;
});
afterAll(async () => {
  await engine?.close();
  await t?.close();
});

describe('the inbox boxes over HTTP', () => {
  it("lists lina's decisions in her done box with the catalog's label and the case status", async () => {
    const done = await box('lina', 'box=done');
    expect(done.box).toBe('done');
    expect(done.items.map((e) => [e.caseId, e.myDecision?.action, e.myDecision?.label.zh, e.status])).toEqual(
      [
        [ids.b, 'reject', '驳回', 'rejected'],
        [ids.a, 'approve', '同意', 'completed'],
      ],
    );
    expect(done.items[1]).toMatchObject({
      caseTitle: '更换除尘布袋 50%_折扣',
      applicant: { username: 'zhangwei' },
      myDecision: { stepName: { zh: '基层工会审核' } },
      unread: null,
    });
    expect(done.boxes).toMatchObject({ done: 2, todo: 1 });
    // The to-do box still lists only what waits: C.
    const todo = (
      await t.app.inject({ method: 'GET', url: '/api/inbox', headers: as.lina })
    ).json<InboxPageDto>();
    expect(todo.box).toBe('todo');
    expect(todo.items.map((i) => i.caseId)).toEqual([ids.c]);
  });

  it("lists zhangwei's applications newest first with status and current step", async () => {
    const started = await box('zhangwei', 'box=started');
    expect(started.items.map((e) => [e.caseId, e.status, e.currentStep?.zh ?? null])).toEqual([
      [ids.h, 'running', '帮扶中心审核'],
      [ids.c, 'running', '基层工会审核'],
      [ids.b, 'rejected', null],
      [ids.a, 'completed', null],
    ]);
    // The applicant reads their own household title.
    expect(started.items[0]!.caseTitle).toBe('家中两人患病，月收入1800元');
    expect(started.items[1]!.dueAt).not.toBeNull();
    expect(started.boxes).toMatchObject({ started: 4, done: 0, cc: 0, todo: 0 });
  });

  it('shows copies unread until marked read, with CSRF and idempotency like every write', async () => {
    const cc = await box('wangfang', 'box=cc');
    expect(cc.items.map((e) => [e.caseId, e.unread])).toEqual([
      [ids.c, true],
      [ids.b, true],
      [ids.a, true],
    ]);
    expect(cc.boxes).toMatchObject({ cc: 3, ccUnread: 3 });

    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/inbox/cc/read',
      headers: { cookie: as.wangfang!.cookie },
      payload: { caseIds: [ids.a] },
    });
    expect(noToken.statusCode).toBe(403);
    const key = randomUUID();
    const read = await t.app.inject({
      method: 'POST',
      url: '/api/inbox/cc/read',
      headers: { ...as.wangfang!, 'idempotency-key': key },
      payload: { caseIds: [ids.a] },
    });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toEqual({ updated: 1, ccUnread: 2 });
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/inbox/cc/read',
      headers: { ...as.wangfang!, 'idempotency-key': key },
      payload: { caseIds: [ids.a] },
    });
    expect(replay.json()).toEqual({ updated: 1, ccUnread: 2 });
    const after = await box('wangfang', 'box=cc');
    expect(after.items.find((e) => e.caseId === ids.a)?.unread).toBe(false);
    expect(after.boxes.ccUnread).toBe(2);
    // Marking someone else's case read changes nothing.
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/inbox/cc/read',
      headers: as.lina!,
      payload: { caseIds: [ids.b] },
    });
    expect(other.json()).toEqual({ updated: 0, ccUnread: 0 });
  });

  it('reads a copy only from 抄送我的: the bell neither counts it nor marks it read, nor does opening the case', async () => {
    const unreadCopies = async () => (await box('wangfang', 'box=cc')).boxes.ccUnread;
    const before = await unreadCopies();
    expect(before).toBeGreaterThan(0);
    const bell = await t.app.inject({ method: 'GET', url: '/api/notifications', headers: as.wangfang });
    const copies = bell.json<{ items: { id: string; type: string; readAt: string | null }[] }>().items;
    const unreadCopy = copies.find((n) => n.type === 'cc' && n.readAt === null);
    expect(unreadCopy).toBeDefined();
    // The bell's own unread count leaves copies out.
    const unreadNotCopies = copies.filter((n) => n.type !== 'cc' && n.readAt === null).length;
    expect(bell.json<{ unread: number }>().unread).toBe(unreadNotCopies);
    // Opening the case page (from a link, the bell, the address bar) reads nothing.
    const page = await t.app.inject({ method: 'GET', url: `/api/cases/${ids.b}`, headers: as.wangfang });
    expect(page.statusCode).toBe(200);
    expect(await unreadCopies()).toBe(before);
    // The bell's "mark read", for that copy or for everything, leaves copies unread.
    for (const payload of [{ ids: [unreadCopy!.id] }, { all: true }]) {
      const read = await t.app.inject({
        method: 'POST',
        url: '/api/notifications/read',
        headers: { ...as.wangfang!, 'idempotency-key': randomUUID() },
        payload,
      });
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json<{ unread: number }>().unread).toBe(0);
    }
    expect(await unreadCopies()).toBe(before);
    // Opening it from the box (the shell sends this then) reads it.
    const fromBox = await t.app.inject({
      method: 'POST',
      url: '/api/inbox/cc/read',
      headers: { ...as.wangfang!, 'idempotency-key': randomUUID() },
      payload: { caseIds: [ids.b] },
    });
    expect(fromBox.json()).toEqual({ updated: 1, ccUnread: before - 1 });
  });

  it('masks a household title for a copied reader and never lists a copy the case page refuses', async () => {
    const liuyang = await box('liuyang', 'box=cc');
    expect(liuyang.items.map((e) => [e.caseId, e.caseTitle])).toEqual([[ids.h, '***']]);
    const detail = await t.app.inject({ method: 'GET', url: `/api/cases/${ids.h}`, headers: as.liuyang });
    expect(detail.statusCode).toBe(200);
    // zhaolei was copied too, but as assistance staff without the viewer role the file is closed to him.
    const copies = await t.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', 'u-zhaolei')
      .where('case_id', '=', ids.h)
      .execute();
    expect(copies).toHaveLength(1);
    const refused = await t.app.inject({ method: 'GET', url: `/api/cases/${ids.h}`, headers: as.zhaolei });
    expect(refused.statusCode).toBe(404);
    const zhaolei = await box('zhaolei', 'box=cc');
    expect(zhaolei.items).toEqual([]);
    expect(zhaolei.boxes).toMatchObject({ cc: 0, ccUnread: 0 });
    // A keyword finds the masked title only by its number, never by the words it hides.
    expect((await box('liuyang', `box=cc&q=${encodeURIComponent('患病')}`)).items).toEqual([]);
    const hNumber = liuyang.items[0]!.caseNumber;
    expect((await box('liuyang', `box=cc&q=${hNumber}`)).items.map((e) => e.caseId)).toEqual([ids.h]);
    expect(
      (await box('zhangwei', `box=started&q=${encodeURIComponent('患病')}`)).items.map((e) => e.caseId),
    ).toEqual([ids.h]);
    // The to-do box masks it the same way for a reviewer who sees the file masked.
    const h2 = await start('household-rights', '配偶失业，子女上学');
    const todo = (
      await t.app.inject({ method: 'GET', url: '/api/inbox', headers: as.liuyang })
    ).json<InboxPageDto>();
    expect(todo.items.map((i) => [i.caseId, i.caseTitle])).toEqual([[h2.id, '***']]);
    expect(todo.items[0]!.applicant.displayName).toBe('张伟');
    // The keyword search does not find the hidden file either.
    expect((await box('zhaolei', `box=cc&q=${encodeURIComponent('患病')}`)).items).toEqual([]);
  });

  it('filters by process, Beijing date range, keyword (wildcards taken literally) and overdue', async () => {
    expect((await box('zhangwei', 'box=started&process=household-cc')).items.map((e) => e.caseId)).toEqual([
      ids.h,
    ]);
    expect((await box('zhangwei', 'box=started&process=simple-approval')).items).toEqual([]);
    const kw = async (q: string) =>
      (await box('zhangwei', `box=started&q=${encodeURIComponent(q)}`)).items.map((e) => e.caseId);
    expect(await kw('50%_')).toEqual([ids.a]);
    expect(await kw('%')).toEqual([ids.a]);
    expect(await kw('_')).toEqual([ids.a]);
    expect(await kw('食堂')).toEqual([ids.b]);
    const number = (await box('zhangwei', 'box=started')).items.find((e) => e.caseId === ids.c)!.caseNumber;
    expect(await kw(number.toLowerCase())).toEqual([ids.c]);
    expect(
      (await box('lina', `box=done&q=${encodeURIComponent('食堂')}`)).items.map((e) => e.caseId),
    ).toEqual([ids.b]);

    const today = beijingDay();
    expect((await box('zhangwei', `box=started&from=${today}&to=${today}`)).items).toHaveLength(5);
    expect((await box('zhangwei', `box=started&to=${beijingDay(-1)}`)).items).toEqual([]);
    expect((await box('zhangwei', `box=started&from=${beijingDay(1)}`)).items).toEqual([]);
    expect((await box('lina', `box=done&from=${today}`)).items).toHaveLength(2);
    expect((await box('wangfang', `box=cc&to=${beijingDay(-1)}`)).items).toEqual([]);

    // C's review ran out of time: it is overdue in every box that lists it.
    await t.db
      .updateTable('tasks')
      .set({ due_at: new Date(Date.now() - 3600_000) })
      .where('case_id', '=', ids.c)
      .execute();
    await t.db
      .updateTable('task_candidates')
      .set({ due_at: new Date(Date.now() - 3600_000) })
      .where(
        'task_id',
        'in',
        (await engine.openTasks(ids.c)).map((task) => task.id),
      )
      .execute();
    expect((await box('zhangwei', 'box=started&overdue=true')).items.map((e) => e.caseId)).toEqual([ids.c]);
    expect((await box('wangfang', 'box=cc&overdue=true')).items.map((e) => e.caseId)).toEqual([ids.c]);
    const todo = (
      await t.app.inject({ method: 'GET', url: '/api/inbox?overdue=true', headers: as.lina })
    ).json<InboxPageDto>();
    expect(todo.items.map((i) => i.caseId)).toEqual([ids.c]);
    const todoKw = (
      await t.app.inject({
        method: 'GET',
        url: `/api/inbox?q=${encodeURIComponent('食堂')}`,
        headers: as.lina,
      })
    ).json<InboxPageDto>();
    expect(todoKw.items).toEqual([]);
  });

  it('pages every box by keyset without gaps or repeats', async () => {
    for (const [user, name] of [
      ['zhangwei', 'started'],
      ['lina', 'done'],
      ['wangfang', 'cc'],
    ] as const) {
      const whole = (await box(user, `box=${name}`)).items.map((e) => e.key);
      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const page: BoxPageDto = await box(user, `box=${name}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(1);
        walked.push(...page.items.map((e) => e.key));
        cursor = page.nextCursor;
      } while (cursor);
      expect(walked).toEqual(whole);
      expect(walked.length).toBeGreaterThan(1);
    }
  });

  it('refuses a bad box, a bad date and a forged cursor with 400', async () => {
    for (const query of [
      'box=archive',
      'box=done&from=2026-02-30',
      'box=started&from=2026-12-06&to=2026-12-01',
      'box=cc&cursor=bm9wZQ',
      `box=done&cursor=${Buffer.from(JSON.stringify(['2026-12-06T00:00:00Z', 'not-a-number'])).toString('base64url')}`,
    ]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/inbox?${query}`, headers: as.lina });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail, query).toMatch(/[\u4e00-\u9fff].* \/ /);
    }
  });

  it("shows someone of another org nothing of this org's cases", async () => {
    for (const name of ['todo', 'done', 'started', 'cc']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/inbox?box=${name}`,
        headers: as.otherreviewer,
      });
      expect(res.json().items, name).toEqual([]);
      expect(res.json().boxes, name).toEqual({ todo: 0, done: 0, started: 0, cc: 0, ccUnread: 0 });
    }
    const read = await t.app.inject({
      method: 'POST',
      url: '/api/inbox/cc/read',
      headers: as.otherreviewer,
      payload: { caseIds: [ids.a, ids.b, ids.c] },
    });
    expect(read.json()).toEqual({ updated: 0, ccUnread: 0 });
  });
});
