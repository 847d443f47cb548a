import { randomUUID } from 'node:crypto';
import type { AuditEntryDto, AuditPageDto } from '@unionflow/contracts';
import { type AuditEventInput, appendAuditEvents, publishDefinition, simpleApproval } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuthHeaders,
  createTestApp,
  firstSignIn,
  login,
  type TestApp,
} from '../../../test-support/app-harness';

/** A household process: income is sensitive, only the assistance centre may read it. */
const householdDef: ProcessDefinition = {
  ...simpleApproval,
  key: 'household-audit',
  department: 'assistance',
  sensitiveViewerRoles: ['assistance-centre'],
  form: [
    ...simpleApproval.form,
    { key: 'income', label: { zh: '家庭收入', en: 'Household income' }, type: 'money', sensitive: true },
  ],
};

let t: TestApp;
let admin: AuthHeaders;
const cases = { household: randomUUID(), innovation: randomUUID(), other: randomUUID() };

async function page(query: string, auth: AuthHeaders = admin): Promise<AuditPageDto> {
  const res = await t.app.inject({ method: 'GET', url: `/api/audit?${query}`, headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<AuditPageDto>();
}

async function all(query: string, auth: AuthHeaders = admin): Promise<AuditEntryDto[]> {
  const items: AuditEntryDto[] = [];
  let cursor: string | null = null;
  do {
    const p = await page(`${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, auth);
    items.push(...p.items);
    cursor = p.nextCursor;
  } while (cursor);
  return items;
}

async function createUser(username: string, orgId: string, roles: string[]): Promise<AuthHeaders> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/admin/users',
    headers: admin,
    payload: { username, displayName: username, orgId, roles, password: 'audit-pass-1' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return firstSignIn(t.app, username, 'audit-pass-1');
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
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
  const household = await publishDefinition(t.db, householdDef, null);
  const now = new Date('2026-11-20T02:00:00Z');
  for (const [name, def, org] of [
    ['household', household, 'org-steel'],
    ['innovation', simpleApproval, 'org-steel'],
    ['other', simpleApproval, 'org-other'],
  ] as const) {
    await t.db
      .insertInto('cases')
      .values({
        id: cases[name],
        number: `AUD-${name}`,
        title: `${name} case`,
        process_key: def.key,
        process_version: def.version,
        department: def.department,
        applicant_id: 'u-zhangwei',
        org_id: org,
        status: 'running',
        outcome: null,
        current_step: JSON.stringify(null) as never,
        data: JSON.stringify({ title: name, income: 1800 }) as never,
        parent_case_id: null,
        last_seq: 0,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 2, minute)).toISOString();
  const events: AuditEventInput[] = [
    {
      eventKey: 'audit-test:1',
      caseId: cases.household,
      at: at(1),
      actorId: 'u-zhaolei',
      type: 'approved',
      payload: {
        nodeId: 'review',
        comment: '入户核实：家庭月收入1800元',
        data: { income: 1800, fields: ['income'] },
      },
    },
    {
      eventKey: 'audit-test:2',
      caseId: cases.innovation,
      at: at(2),
      actorId: 'u-lina',
      type: 'approved',
      payload: { nodeId: 'review', comment: '同意', data: { amount: 500 } },
    },
    {
      eventKey: 'audit-test:3',
      caseId: cases.other,
      at: at(3),
      actorId: 'u-zhangwei',
      type: 'case-started',
      payload: { data: { number: 'AUD-other' } },
    },
    { eventKey: 'audit-test:4', caseId: null, at: at(4), actorId: null, type: 'engine-note', payload: {} },
  ];
  await t.db.transaction().execute((trx) => appendAuditEvents(trx, events));
});
afterAll(async () => {
  await t?.close();
});

describe('GET /api/audit', () => {
  it('lists every event newest first, with household data masked', async () => {
    await createUser('auditnewbie', 'org-steel', ['member']);
    const items = await all('');
    expect(items.map((e) => e.type).slice(0, 5)).toEqual([
      'user-created',
      'engine-note',
      'case-started',
      'approved',
      'approved',
    ]);
    const ids = items.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);

    const household = items.find((e) => e.caseId === cases.household)!;
    expect(household).toMatchObject({
      caseNumber: 'AUD-household',
      actor: { username: 'zhaolei', displayName: '赵磊' },
      payload: { comment: '***', data: { income: '***', fields: ['income'] } },
    });
    expect(JSON.stringify(items)).not.toContain('1800');
    const innovation = items.find((e) => e.caseId === cases.innovation)!;
    expect(innovation.payload).toMatchObject({ comment: '同意', data: { amount: 500 } });
    expect(items[0]).toMatchObject({ actor: { username: 'admin' }, payload: { username: 'auditnewbie' } });
    expect(items[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('filters by case (id or number), actor, kind and time range', async () => {
    expect((await page(`caseId=${cases.innovation}`)).items.map((e) => e.actor?.username)).toEqual(['lina']);
    expect((await page('caseId=AUD-household')).items.map((e) => e.caseId)).toEqual([cases.household]);
    expect((await page('caseId=AUD-none')).items).toEqual([]);
    expect((await page('actor=zhaolei')).items.map((e) => e.caseId)).toEqual([cases.household]);
    expect((await page('type=case-started')).items.map((e) => e.caseId)).toEqual([cases.other]);
    const range = await page(
      `from=${encodeURIComponent('2026-11-20T02:02:00Z')}&to=${encodeURIComponent('2026-11-20T02:04:00Z')}`,
    );
    expect(range.items.map((e) => e.type)).toEqual(['case-started', 'approved']);
  });

  it('refuses malformed filters and cursors with 400', async () => {
    for (const q of ['from=yesterday', 'type=Bad%20Type', 'limit=0', 'cursor=WyJ4Il0']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/audit?${q}`, headers: admin });
      expect(res.statusCode, q).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('shows an admin of a grassroots union only events of their subtree', async () => {
    const steel = await createUser('steelauditadmin', 'org-steel', ['admin']);
    const items = await all('', steel);
    const caseIds = new Set(items.map((e) => e.caseId));
    expect(caseIds.has(cases.household)).toBe(true);
    expect(caseIds.has(cases.innovation)).toBe(true);
    expect(caseIds.has(cases.other)).toBe(false);
    expect(items.map((e) => e.type)).not.toContain('engine-note');
    // The city admin's creation of a user in this union belongs to the union.
    expect(items.some((e) => e.type === 'user-created' && e.payload.username === 'auditnewbie')).toBe(true);
  });

  it('is open to auditors and closed to everyone else; sensitive viewers see household data', async () => {
    const auditor = await createUser('cityauditor', 'org-city', ['auditor']);
    expect((await page('', auditor)).items.length).toBeGreaterThan(0);
    const verify = await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: auditor });
    expect(verify.statusCode).toBe(200);
    expect(verify.json()).toMatchObject({ ok: true });

    const centre = await createUser('centreauditor', 'org-city', ['auditor', 'assistance-centre']);
    const seen = (await page(`caseId=${cases.household}`, centre)).items[0]!;
    expect(seen.payload).toMatchObject({ comment: '入户核实：家庭月收入1800元', data: { income: 1800 } });

    for (const username of ['zhangwei', 'chenjie']) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/audit',
        headers: await login(t.app, username),
      });
      expect(res.statusCode, username).toBe(403);
    }
  });
});
