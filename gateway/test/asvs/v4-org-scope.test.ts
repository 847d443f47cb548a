import { randomUUID } from 'node:crypto';
import type { CaseDetailDto, CaseListDto } from '@unionflow/contracts';
import { DEMO_PASSWORD, hashPassword, insertUsers, simpleApproval } from '@unionflow/db';
import type { AssigneeRule, ProcessDefinition } from '@unionflow/process-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../../workers/test-support/engine-harness';
import { type AuthHeaders, createTestApp, type TestApp } from '../../test-support/app-harness';
import { sessions } from '../../test-support/test-people';

let t: TestApp;
let engine: EngineHarness;
let as: (username: string) => Promise<AuthHeaders>;

/**
 * Two sibling unions under the city whose ids differ only where the first has a `_`: as a LIKE
 * pattern, `/org-city/org_t/%` also matches `/org-city/orgxt/…`. And an admin of another tree.
 */
const orgs = [
  { id: 'org_t', parent_id: 'org-city', name: '下划线工会', level: 'grassroots', path: '/org-city/org_t/' },
  { id: 'orgxt', parent_id: 'org-city', name: '相邻工会', level: 'grassroots', path: '/org-city/orgxt/' },
  { id: 'org-other', parent_id: null, name: '外市总工会', level: 'federation', path: '/org-other/' },
];
const people = [
  {
    id: 'u-t-reviewer',
    username: 'treviewer',
    display_name: '下划线审核员',
    org_id: 'org_t',
    roles: ['innovation-reviewer'],
  },
  { id: 'u-t-member', username: 'tmember', display_name: '下划线会员', org_id: 'org_t', roles: ['member'] },
  { id: 'u-xt-member', username: 'xtmember', display_name: '相邻会员', org_id: 'orgxt', roles: ['member'] },
  {
    id: 'u-xt-colleague',
    username: 'xtcolleague',
    display_name: '相邻同事',
    org_id: 'orgxt',
    roles: ['member'],
  },
  {
    id: 'u-other-admin',
    username: 'otheradmin',
    display_name: '外市管理员',
    org_id: 'org-other',
    roles: ['admin'],
  },
];

/** simple-approval with its review asked of someone else (and any other changes). */
const reviewedBy = (assignee: AssigneeRule, changes: Partial<ProcessDefinition> = {}): ProcessDefinition => ({
  ...simpleApproval,
  ...changes,
  nodes: simpleApproval.nodes.map((n) =>
    n.id === 'review' && n.kind === 'approval' ? { ...n, assignee } : n,
  ),
});

const startCase = async (username: string, processKey = 'simple-approval') => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    headers: { ...(await as(username)), 'idempotency-key': randomUUID() },
    payload: { processKey, data: { title: `${username} 的申请` } },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CaseDetailDto>().id;
};
const departmentList = async (username: string) => {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/cases?scope=department&limit=100',
    headers: await as(username),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseListDto>().items.map((c) => c.id);
};
const findUsers = async (username: string, q: string, caseId?: string) => {
  const query = new URLSearchParams({ q, ...(caseId ? { caseId } : {}) });
  return t.app.inject({ method: 'GET', url: `/api/users?${query}`, headers: await as(username) });
};
const usernames = (res: { json: () => unknown }) =>
  (res.json() as { username: string }[]).map((u) => u.username);

beforeAll(async () => {
  const taskQueue = `asvs-v4-scope-${randomUUID()}`;
  t = await createTestApp({ withTemporal: true, taskQueue });
  as = sessions(t.app);
  engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });
  await t.db
    .insertInto('orgs')
    .values(orgs.map((o) => ({ ...o, updated_at: new Date() })))
    .execute();
  await insertUsers(t.db, people, await hashPassword(DEMO_PASSWORD));
});
afterAll(async () => {
  await engine?.close();
  await t?.close();
});

describe('V4.2.1 user search is limited to the caller’s org subtree', () => {
  it('V4.2.1 a grassroots user does not find people of the federation above or of a sibling union', async () => {
    expect(usernames(await findUsers('lina', 'wangfang'))).toEqual([]);
    expect(usernames(await findUsers('lina', '王芳'))).toEqual([]);
    expect(usernames(await findUsers('treviewer', 'xt'))).toEqual([]);
    expect(usernames(await findUsers('treviewer', 'tmember'))).toEqual(['tmember']);
    // The federation sees its whole subtree.
    expect(usernames(await findUsers('wangfang', 'lina'))).toEqual(['lina']);
    expect(usernames(await findUsers('wangfang', 'xtmember'))).toEqual(['xtmember']);
    expect(usernames(await findUsers('otheradmin', 'lina'))).toEqual([]);
  });

  it('V4.2.1 with caseId the case’s org subtree is offered too, only for a case the caller may see', async () => {
    // A case of the city federation that the org_t reviewer below it is asked to decide: the case's
    // subtree (the whole city) is wider than the reviewer's own union. (A reviewer on another branch of
    // the tree would not see the case at all: ADR 011.)
    const assigned = reviewedBy({ kind: 'user', username: 'treviewer' });
    const view = await engine.start(
      assigned,
      { title: '市总工会的申请' },
      { userId: 'u-wangfang', orgId: 'org-city' },
    );
    expect(usernames(await findUsers('treviewer', 'xtcolleague'))).toEqual([]);
    expect(usernames(await findUsers('treviewer', 'xtcolleague', view.caseId))).toEqual(['xtcolleague']);
    // A transfer may go up the case's org line (ADR 011): lina finds her superior at the city
    // federation for zhangwei's case, but nobody on another branch of the tree.
    const ofZhangwei = await startCase('zhangwei');
    expect(usernames(await findUsers('lina', 'wangfang', ofZhangwei))).toEqual(['wangfang']);
    expect(usernames(await findUsers('lina', 'xtmember', ofZhangwei))).toEqual([]);
    // Not a case of theirs: the same 404 as an unknown case, and nobody is listed.
    const foreign = await startCase('zhangwei');
    const refused = await findUsers('treviewer', 'zhaolei', foreign);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().detail).toBe(`找不到案件 ${foreign} / no case ${foreign}`);
  });
});

describe('V4.2.1 a delegation is picked from the caller’s own org line', () => {
  it('V4.2.1 lina finds her superior at the city federation for a delegation, never another branch', async () => {
    const forDelegation = async (q: string) =>
      usernames(
        await t.app.inject({
          method: 'GET',
          url: `/api/users?${new URLSearchParams({ q, purpose: 'delegation' })}`,
          headers: await as('lina'),
        }),
      );
    expect(await forDelegation('wangfang')).toEqual(['wangfang']);
    expect(await forDelegation('xtmember')).toEqual([]);
    expect(await forDelegation('otheradmin')).toEqual([]);
  });
});

describe('V4.2.1 org scope checks treat org ids literally (starts_with, not LIKE)', () => {
  it('V4.2.1 the department list of org_t shows its own cases, not those of orgxt', async () => {
    const own = await startCase('tmember');
    const sibling = await startCase('xtmember');
    const listed = await departmentList('treviewer');
    expect(listed).toContain(own);
    expect(listed).not.toContain(sibling);
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${sibling}`,
      headers: await as('treviewer'),
    });
    expect(detail.statusCode).toBe(404);
    // The city federation above both sees both.
    expect(await departmentList('wangfang')).toEqual(expect.arrayContaining([own, sibling]));
  });
});

describe('V4.1.3 the department list applies the case detail’s household rule', () => {
  it('V4.1.3 staff without the household role do not see household cases listed that the detail refuses', async () => {
    const household = reviewedBy(
      { kind: 'role', role: 'assistance-centre', scope: 'nearest' },
      {
        department: 'assistance',
        sensitiveViewerRoles: ['assistance-centre'],
        form: [
          ...simpleApproval.form,
          { key: 'income', label: { zh: '家庭收入', en: 'Income' }, type: 'money', sensitive: true },
        ],
      },
    );
    const view = await engine.start(household, { title: '帮扶申请', income: 100_000 });
    // zhaolei works assistance in the applicant's union but is no household viewer of this process.
    const detail = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${view.caseId}`,
      headers: await as('zhaolei'),
    });
    expect(detail.statusCode).toBe(404);
    expect(await departmentList('zhaolei')).not.toContain(view.caseId);
    // The centre, cleared for household data, sees it in both.
    expect(await departmentList('chenjie')).toContain(view.caseId);
    expect(await departmentList('admin')).toContain(view.caseId);
  });
});

describe('V4.2.1 admin case actions are limited to the admin’s org subtree', () => {
  it('V4.2.1 migrate and retry on another org’s case answer a plain 404 and change nothing', async () => {
    const id = await startCase('zhangwei');
    const before = await t.db
      .selectFrom('cases')
      .select(['process_version', 'status', 'last_seq'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const unknown = randomUUID();
    for (const [action, payload] of [
      ['migrate', { version: 1 }],
      ['retry', undefined],
    ] as const) {
      const foreign = await t.app.inject({
        method: 'POST',
        url: `/api/admin/cases/${id}/${action}`,
        headers: { ...(await as('otheradmin')), 'idempotency-key': randomUUID() },
        ...(payload ? { payload } : {}),
      });
      expect(foreign.statusCode, foreign.body).toBe(404);
      expect(foreign.json().detail).toBe(`找不到案件 ${id} / no case ${id}`);
      const missing = await t.app.inject({
        method: 'POST',
        url: `/api/admin/cases/${unknown}/${action}`,
        headers: { ...(await as('otheradmin')), 'idempotency-key': randomUUID() },
        ...(payload ? { payload } : {}),
      });
      expect(missing.statusCode).toBe(404);
      expect(Object.keys(foreign.json()).sort()).toEqual(Object.keys(missing.json()).sort());
    }
    const after = await t.db
      .selectFrom('cases')
      .select(['process_version', 'status', 'last_seq'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const timeline = await t.db
      .selectFrom('timeline_events')
      .select('type')
      .where('case_id', '=', id)
      .execute();
    expect(timeline.map((e) => e.type)).not.toContain('service-retried');
    // The admin whose subtree holds the case reaches it: nothing failed, so retry is a conflict, not a 404.
    const own = await t.app.inject({
      method: 'POST',
      url: `/api/admin/cases/${id}/retry`,
      headers: { ...(await as('admin')), 'idempotency-key': randomUUID() },
    });
    expect(own.statusCode, own.body).toBe(409);
  });
});
