import { randomUUID } from 'node:crypto';
import { publishDefinition, simpleApproval } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHeaders, createTestApp, login, type TestApp } from '../test-support/app-harness';

/** Who may call a route: anyone, any signed-in user, or admins only. */
/** `staff`: innovation reviewers, the committee and admins (lina and admin here, not zhangwei). */
/**
 * `centre`: the assistance centre only (household data): none of the roles here, admin included.
 * `rights`: mediators and admins (admin here). `assistance`: the assistance department only (nobody here).
 */
type Access = 'public' | 'user' | 'staff' | 'rights' | 'assistance' | 'centre' | 'admin';

/**
 * Every route the app serves and who may call it. A route added without a line here fails the first
 * test, so nobody ships a route whose guard was never decided.
 */
const MATRIX: Record<string, Access> = {
  'GET /docs': 'public',
  'GET /docs/static/index.html': 'public',
  'GET /docs/static/swagger-initializer.js': 'public',
  'GET /docs/json': 'public',
  'GET /docs/yaml': 'public',
  'GET /docs/static/*': 'public',
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  // Guarded by where the caller is, not by a session: loopback (as here) or METRICS_TOKEN (metrics.test.ts).
  'GET /metrics': 'public',
  'POST /api/auth/login': 'public',
  'POST /api/auth/logout': 'user',
  'POST /api/auth/password': 'user',
  'GET /api/me': 'user',
  'GET /api/federation/remotes': 'public',
  'POST /api/cases': 'user',
  'GET /api/cases': 'user',
  'GET /api/cases/:id': 'user',
  'POST /api/cases/:id/withdraw': 'user',
  'POST /api/cases/:id/urge': 'user',
  'POST /api/cases/:id/supplement': 'user',
  'POST /api/cases/:id/object': 'user',
  'POST /api/cases/:id/reveal': 'user',
  // The printable approval form: whoever may open the case (404 otherwise, checked below).
  'GET /api/cases/:id/approval-form': 'user',
  'GET /api/cases/:id/approval-form.pdf': 'user',
  'GET /api/inbox': 'user',
  'GET /api/inbox/export': 'user',
  'GET /api/cases/export': 'user',
  'GET /api/audit/export': 'admin',
  'GET /api/hardship/file/export': 'assistance',
  'POST /api/inbox/cc/read': 'user',
  'POST /api/tasks/:id/claim': 'user',
  'POST /api/tasks/:id/release': 'user',
  'POST /api/tasks/:id/decisions': 'user',
  'GET /api/processes': 'user',
  'POST /api/processes/:key/preview': 'user',
  'GET /api/admin/definitions': 'admin',
  'GET /api/admin/definitions/:key/draft': 'admin',
  'PUT /api/admin/definitions/:key/draft': 'admin',
  'POST /api/admin/definitions/:key/validate': 'admin',
  'POST /api/admin/definitions/:key/simulate': 'admin',
  'POST /api/admin/definitions/:key/publish': 'admin',
  'POST /api/admin/definitions/:key/retire': 'admin',
  'GET /api/admin/definitions/:key/versions': 'admin',
  'GET /api/admin/definitions/:key/versions/:version': 'admin',
  'POST /api/admin/definitions/:key/versions/:version/restore': 'admin',
  'GET /api/admin/definitions/:key/impact': 'admin',
  'POST /api/admin/cases/:id/migrate': 'admin',
  'POST /api/admin/cases/:id/retry': 'admin',
  'GET /api/admin/attention': 'admin',
  'GET /api/admin/attention/:id': 'admin',
  'POST /api/admin/cases/:id/attention/retry': 'admin',
  'POST /api/admin/cases/:id/attention/terminate': 'admin',
  'GET /api/events': 'user',
  'GET /api/notifications': 'user',
  'POST /api/notifications/read': 'user',
  'GET /api/audit/verify': 'admin',
  'GET /api/me/delegations': 'user',
  'POST /api/me/delegations': 'user',
  'DELETE /api/me/delegations/:id': 'user',
  'POST /api/admin/users/:username/hand-over': 'admin',
  'GET /api/admin/org-units': 'admin',
  'POST /api/admin/org-units': 'admin',
  'PATCH /api/admin/org-units/:id': 'admin',
  'GET /api/admin/users': 'admin',
  'POST /api/admin/users': 'admin',
  'PATCH /api/admin/users/:username': 'admin',
  'POST /api/admin/users/:username/deactivate': 'admin',
  'POST /api/admin/users/:username/reactivate': 'admin',
  'GET /api/admin/roles': 'admin',
  'GET /api/audit': 'admin',
  'GET /api/library': 'user',
  'GET /api/library/:caseId': 'user',
  'POST /api/library/:caseId/reuses': 'user',
  'GET /api/drafts': 'user',
  'POST /api/drafts': 'user',
  'GET /api/drafts/:id': 'user',
  'PUT /api/drafts/:id': 'user',
  'DELETE /api/drafts/:id': 'user',
  'POST /api/drafts/:id/submit': 'user',
  'POST /api/files': 'user',
  'GET /api/files/:id': 'user',
  'GET /api/mentorships': 'staff',
  'POST /api/mentorships': 'staff',
  // 公示: every member sees their own unit's board and may object to what is on it (ADR 019).
  'GET /api/notices': 'user',
  'POST /api/notices/:id/objections': 'user',
  'GET /api/users': 'user',
  // 年度清理复核 (ADR 024): the assistance centre only; recheck-campaigns.test.ts shows chenjie gets in.
  'GET /api/hardship/recheck-campaigns': 'centre',
  'POST /api/hardship/recheck-campaigns': 'centre',
  'GET /api/hardship/recheck-campaigns/:id': 'centre',
  // 看板 (ADR 029): department staff; household numbers for the assistance department only, not admins.
  'GET /api/analytics/overview': 'staff',
  'GET /api/analytics/processes/:key': 'staff',
  'GET /api/analytics/innovation': 'staff',
  'GET /api/analytics/disputes': 'rights',
  'GET /api/analytics/hardship': 'assistance',
  'GET /apps/:name/*': 'public',
  'GET /*': 'public',
};

const ROLES = ['anonymous', 'zhangwei', 'lina', 'admin'] as const;
type Role = (typeof ROLES)[number];

const routes = new Set<string>();
let t: TestApp;
const headers: Partial<Record<Role, AuthHeaders>> = {};

/** A concrete URL for a route pattern: params get plausible values that exist nowhere. */
function concrete(url: string): string {
  return url
    .replace(':id', randomUUID())
    .replace(':key', 'simple-approval')
    .replace(':version', '1')
    .replace(':username', 'nobody-here')
    .replace(':name', 'shell')
    .replace('*', 'index.html');
}

beforeAll(async () => {
  t = await createTestApp({
    register: (app) =>
      app.addHook('onRoute', (route) => {
        const methods = Array.isArray(route.method) ? route.method : [route.method];
        // HEAD mirrors GET (same guard); OPTIONS is not served.
        for (const m of methods) if (m !== 'HEAD') routes.add(`${m} ${route.url}`);
      }),
  });
  for (const role of ROLES) if (role !== 'anonymous') headers[role] = await login(t.app, role);
});
afterAll(async () => {
  await t?.close();
});

describe('the permission matrix', () => {
  const gaps = (registered: Set<string>) => ({
    missing: [...registered].filter((r) => !(r in MATRIX)),
    stale: Object.keys(MATRIX).filter((r) => !registered.has(r)),
  });

  it('has exactly one entry per registered route', () => {
    expect(gaps(routes)).toEqual({ missing: [], stale: [] });
  });

  it('would catch a route added without an entry', () => {
    expect(gaps(new Set([...routes, 'POST /api/new-thing'])).missing).toEqual(['POST /api/new-thing']);
  });

  for (const [route, access] of Object.entries(MATRIX)) {
    const [method, url] = route.split(' ') as [string, string];
    for (const role of ROLES) {
      const expectation =
        role === 'anonymous'
          ? access === 'public'
            ? 'allowed'
            : 401
          : access === 'centre' ||
              access === 'assistance' ||
              (access === 'admin' && role !== 'admin') ||
              (access === 'staff' && role === 'zhangwei') ||
              (access === 'rights' && role !== 'admin')
            ? 403
            : 'allowed';
      it(`${route} as ${role} → ${expectation}`, async () => {
        // Logging out ends the session, so it gets a session of its own.
        const auth =
          role === 'anonymous'
            ? {}
            : route === 'POST /api/auth/logout'
              ? await login(t.app, role)
              : headers[role];
        const write = method !== 'GET';
        const res = await t.app.inject({
          method: method as 'GET',
          url: concrete(url),
          headers: {
            ...auth,
            // The event stream answers 406 to non-stream clients, which proves the guard let us in.
            ...(url === '/api/events' ? { accept: 'application/json' } : {}),
            ...(write ? { 'content-type': 'application/json' } : {}),
          },
          ...(write ? { payload: '{}' } : {}),
        });
        if (expectation === 'allowed') {
          expect([401, 403], `${res.statusCode} ${res.body.slice(0, 200)}`).not.toContain(res.statusCode);
        } else {
          expect(res.statusCode, res.body.slice(0, 200)).toBe(expectation);
          expect(res.headers['content-type']).toContain('application/problem+json');
        }
        // Readiness reports the missing engine (this app runs without Temporal); nothing else may fail.
        if (route !== 'GET /readyz') expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
      });
    }
  }

  it('refuses signed-in writes without the CSRF token', async () => {
    const { cookie } = headers.zhangwei!;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/me/delegations',
      headers: { cookie },
      payload: { to: 'lina', reason: '出差' },
    });
    expect(res.statusCode).toBe(403);
    expect(await t.db.selectFrom('delegations').select('id').execute()).toEqual([]);
  });
});

/** A hardship-like process: household income is sensitive, only the assistance centre may read it. */
const householdDef: ProcessDefinition = {
  ...simpleApproval,
  key: 'household-check',
  department: 'assistance',
  sensitiveViewerRoles: ['assistance-centre'],
  form: [
    ...simpleApproval.form,
    { key: 'income', label: { zh: '家庭收入', en: 'Household income' }, type: 'money', sensitive: true },
  ],
};

describe('case visibility by role and org scope', () => {
  const caseIds: Record<string, string> = {};

  beforeAll(async () => {
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
    const hash = (
      await t.db
        .selectFrom('users')
        .select('password_hash')
        .where('username', '=', 'lina')
        .executeTakeFirstOrThrow()
    ).password_hash;
    for (const [id, role] of [
      ['otherreviewer', 'innovation-reviewer'],
      ['othercentre', 'assistance-centre'],
    ] as const) {
      await t.db
        .insertInto('users')
        .values({
          id: `u-${id}`,
          username: id,
          display_name: id,
          password_hash: hash,
          org_id: 'org-other',
          superior_id: null,
          locale: 'zh-CN',
          time_zone: 'Asia/Shanghai',
          disabled: false,
        })
        .execute();
      await t.db
        .insertInto('user_roles')
        .values({ user_id: `u-${id}`, role })
        .execute();
    }
    const published = await publishDefinition(t.db, householdDef, null);
    const now = new Date();
    for (const [name, def] of [
      ['innovation', simpleApproval],
      ['household', published],
    ] as const) {
      const id = randomUUID();
      caseIds[name] = id;
      await t.db
        .insertInto('cases')
        .values({
          id,
          number: `T-${name}`,
          title: `${name} case`,
          process_key: def.key,
          process_version: def.version,
          department: def.department,
          applicant_id: 'u-zhangwei',
          org_id: 'org-steel',
          status: 'running',
          outcome: null,
          current_step: JSON.stringify(null) as never,
          data: JSON.stringify({ title: `${name} case`, income: 1800 }) as never,
          parent_case_id: null,
          last_seq: 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    // liuyang (rights department) was copied on the household case; so was zhaolei, whose department
    // (assistance) holds the file closed to him: a copy does not open it.
    await t.db
      .insertInto('notifications')
      .values(
        ['u-liuyang', 'u-zhaolei', 'u-otherreviewer'].map((user_id) => ({
          user_id,
          case_id: caseIds.household!,
          type: 'cc',
          message: JSON.stringify({ zh: '抄送' }) as never,
          created_at: now,
          read_at: null,
        })),
      )
      .execute();
  });

  const expectations: [string, string, number, unknown][] = [
    // [case, user, status, income as seen]
    ['innovation', 'zhangwei', 200, 1800],
    ['innovation', 'lina', 200, 1800],
    ['innovation', 'wangfang', 200, 1800],
    ['innovation', 'admin', 200, 1800],
    ['innovation', 'otherreviewer', 404, undefined],
    ['innovation', 'liuyang', 404, undefined],
    ['innovation', 'zhaolei', 404, undefined],
    ['household', 'otherreviewer', 200, '***'],
    ['household', 'zhangwei', 200, 1800],
    ['household', 'chenjie', 200, 1800],
    ['household', 'othercentre', 404, undefined],
    ['household', 'zhaolei', 404, undefined],
    ['household', 'lina', 404, undefined],
    ['household', 'liuyang', 200, '***'],
    ['household', 'admin', 200, '***'],
  ];
  for (const [name, username, status, income] of expectations) {
    it(`${name} case as ${username} → ${status}${status === 200 ? ` (income ${income})` : ''}`, async () => {
      const auth = await login(t.app, username);
      const res = await t.app.inject({ method: 'GET', url: `/api/cases/${caseIds[name]}`, headers: auth });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(status);
      if (status === 200) expect(res.json().data.income).toBe(income);
    });
    it(`${name} approval form as ${username} → ${status}, masked as the case page`, async () => {
      const auth = await login(t.app, username);
      const res = await t.app.inject({
        method: 'GET',
        url: `/api/cases/${caseIds[name]}/approval-form`,
        headers: auth,
      });
      expect(res.statusCode, res.body.slice(0, 200)).toBe(status);
      if (status !== 200 || name !== 'household') return;
      const row = res.json().fields.find((f: { label: string }) => f.label === '家庭收入');
      expect(row?.value).toBe(income === '***' ? '***' : '18 元');
    });
  }

  // The inbox boxes apply the same rule in SQL: none lists a case its page refuses, and the started and
  // cc boxes list every case the caller applied for or was copied on and may read.
  for (const username of [...new Set(expectations.map(([, u]) => u))]) {
    it(`the inbox boxes of ${username} agree with the case page`, async () => {
      const auth = await login(t.app, username);
      const listed = new Set<string>();
      for (const box of ['todo', 'done', 'started', 'cc']) {
        const res = await t.app.inject({ method: 'GET', url: `/api/inbox?box=${box}`, headers: auth });
        expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
        for (const item of res.json().items as { caseId: string }[]) listed.add(item.caseId);
      }
      for (const [name, user, status] of expectations) {
        if (user !== username) continue;
        const related =
          username === 'zhangwei' ||
          (name === 'household' && ['liuyang', 'otherreviewer'].includes(username));
        expect(listed.has(caseIds[name]!), `${name} listed for ${username}`).toBe(status === 200 && related);
      }
    });
  }
});
