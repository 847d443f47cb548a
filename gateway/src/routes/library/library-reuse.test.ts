import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, type TestApp } from '../../../test-support/app-harness';

/**
 * 借鉴共享 over HTTP with the demo users (ADR 033): a member records a reuse of a published result once,
 * and the innovation 看板 counts it for innovation staff only.
 */
let t: TestApp;
const entry = randomUUID();

beforeAll(async () => {
  t = await createTestApp();
  // A result lina published, as the award step leaves it in the library.
  await t.db
    .insertInto('library_entries')
    .values({
      case_id: entry,
      case_number: 'IN-2026-000001',
      process_key: 'innovation-proposal',
      title: '除尘布袋快换卡箍',
      kind: 'five-small',
      tier: 'proposal',
      summary: '单次停机时间由 4 小时降到 40 分钟。',
      author_id: 'u-lina',
      org_id: 'org-steel',
      award_fen: 500_000,
      published_at: new Date(),
    })
    .execute();
});
afterAll(async () => {
  await t?.close();
});

async function reuse(username: string, caseId = entry, note?: string) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/library/${caseId}/reuses`,
    headers: await login(t.app, username),
    payload: note === undefined ? {} : { note },
  });
  return { status: res.statusCode, body: res.json() };
}

async function board(username: string) {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/analytics/innovation',
    headers: await login(t.app, username),
  });
  return { status: res.statusCode, body: res.json() };
}

describe('recording a reuse of a library result', () => {
  it('counts a member once, says so on the entry, and answers a repeat with 409', async () => {
    const first = await reuse('zhangwei', entry, '炼钢厂二号转炉除尘系统');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ caseId: entry, reuses: 1, reusedByMe: true });
    const again = await reuse('zhangwei');
    expect(again.status).toBe(409);
    expect(again.body.detail).toContain('已登记借鉴');
    const listed = await t.app.inject({
      method: 'GET',
      url: '/api/library',
      headers: await login(t.app, 'wangfang'),
    });
    expect(listed.json().items[0]).toMatchObject({ caseId: entry, reuses: 1, reusedByMe: false });
  });

  it('lets exactly one of two racing requests of one member through', async () => {
    const both = await Promise.all([reuse('zhaolei'), reuse('zhaolei')]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('refuses the author their own result, an unknown result, and a note too long', async () => {
    expect((await reuse('lina')).status).toBe(422);
    expect((await reuse('wangfang', randomUUID())).status).toBe(404);
    expect((await reuse('wangfang', entry, '长'.repeat(501))).status).toBe(400);
  });
});

describe('library reuse on the innovation 看板', () => {
  it('shows innovation staff the reuses in their scope, by month and by result', async () => {
    const { status, body } = await board('wangfang');
    expect(status).toBe(200);
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    expect(body.library).toEqual({
      published: 1,
      reuses: 2,
      entriesReused: 1,
      byMonth: [{ month, reuses: 2, entries: 1 }],
      mostReused: [
        {
          caseId: entry,
          caseNumber: 'IN-2026-000001',
          title: '除尘布袋快换卡箍',
          unit: '山钢莱芜分公司工会',
          reuses: 2,
          units: 1,
        },
      ],
    });
  });

  it('is refused to a member and to a mediator', async () => {
    expect((await board('zhangwei')).status).toBe(403);
    expect((await board('liuyang')).status).toBe(403);
  });
});
