import { randomUUID } from 'node:crypto';
import type { CaseDetailDto, ProblemDto } from '@unionflow/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../../../workers/test-support/engine-harness';
import { createTestApp, type TestApp } from '../../../test-support/app-harness';
import { addUser } from '../../../test-support/org-fixtures';
import { sessions } from '../../../test-support/test-people';

let t: TestApp;
let engine: EngineHarness;
let as: ReturnType<typeof sessions>;

const household = {
  householdMembers: '本人；妻（无业）',
  householdSize: 2,
  address: '济南市钢城区艾山街道 1 号',
  workSituation: '在岗',
  causeCategory: 'illness',
  causeDetail: '妻子需长期透析',
  monthlyIncomeFen: 450_000,
  idNumber: '370102198801011234',
};

const start = async (username: string, processKey = 'hardship-case') =>
  t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { ...(await as(username)), 'idempotency-key': randomUUID() },
    payload: { processKey, data: household },
  });

beforeAll(async () => {
  const taskQueue = `open-file-${randomUUID()}`;
  t = await createTestApp({ withTemporal: true, taskQueue });
  as = sessions(t.app);
  engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });
  await addUser(t.db, { username: 'sunli', orgId: 'org-steel', roles: ['member'] });
  await addUser(t.db, { username: 'zhouqiang', orgId: 'org-steel', roles: ['member'] });
});
afterAll(async () => {
  await engine?.close();
  await t?.close();
});

describe('one open hardship file per household (issue #15)', () => {
  it('refuses a second hardship case with 409 naming the open one, in Chinese and English', async () => {
    const first = await start('zhangwei');
    expect(first.statusCode, first.body).toBe(201);
    const open = first.json<CaseDetailDto>();

    const second = await start('zhangwei');
    expect(second.statusCode, second.body).toBe(409);
    const problem = second.json<ProblemDto>();
    expect(problem.code).toBe('household-file-open');
    expect(problem.existingCase).toEqual({ id: open.id, number: open.number });
    expect(problem.detail).toContain('不能重复建档');
    expect(problem.detail).toContain('one file at a time');
    expect(problem.detail).toContain(open.number);

    // Only the one case exists.
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/cases?scope=mine&process=hardship-case',
      headers: await as('zhangwei'),
    });
    expect(mine.json<{ items: unknown[] }>().items).toHaveLength(1);
  });

  it('refuses a submitted draft the same way, and keeps the draft', async () => {
    const auth = await as('zhangwei');
    const draft = await t.app.inject({
      method: 'POST',
      url: '/api/drafts',
      headers: { ...auth, 'idempotency-key': randomUUID() },
      payload: { processKey: 'hardship-case', data: household },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const draftId = draft.json<{ id: string }>().id;
    const submitted = await t.app.inject({
      method: 'POST',
      url: `/api/drafts/${draftId}/submit`,
      headers: { ...auth, 'idempotency-key': randomUUID() },
    });
    expect(submitted.statusCode, submitted.body).toBe(409);
    expect(submitted.json<ProblemDto>().existingCase?.number).toMatch(/\S/);
    const kept = await t.app.inject({ method: 'GET', url: `/api/drafts/${draftId}`, headers: auth });
    expect(kept.statusCode).toBe(200);
  });

  it('gives one 201 and one 409 to two concurrent starts by the same household', async () => {
    const [a, b] = await Promise.all([start('sunli'), start('sunli')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const created = (a.statusCode === 201 ? a : b).json<CaseDetailDto>();
    const refused = (a.statusCode === 409 ? a : b).json<ProblemDto>();
    expect(refused.existingCase).toEqual({ id: created.id, number: created.number });
    const rows = await t.db
      .selectFrom('cases')
      .select('id')
      .where('applicant_id', '=', 'u-sunli')
      .where('process_key', '=', 'hardship-case')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('lets another household open its own file, and leaves other processes alone', async () => {
    expect((await start('zhouqiang')).statusCode).toBe(201);
    const aid = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { ...(await as('zhangwei')), 'idempotency-key': randomUUID() },
      payload: { processKey: 'labor-dispute', data: {} },
    });
    // Whatever the dispute form asks, the answer is not the household-file conflict.
    expect(aid.json<ProblemDto>().code).not.toBe('household-file-open');
  });

  it('opens a new file once the running one has ended', async () => {
    const open = await t.db
      .selectFrom('cases')
      .select('id')
      .where('applicant_id', '=', 'u-zhouqiang')
      .executeTakeFirstOrThrow();
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${open.id}/withdraw`,
      headers: { ...(await as('zhouqiang')), 'idempotency-key': randomUUID() },
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect((await start('zhouqiang')).statusCode).toBe(201);
  });
});
