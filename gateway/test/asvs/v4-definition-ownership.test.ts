import { randomUUID } from 'node:crypto';
import type {
  AuditPageDto,
  CaseDetailDto,
  DefinitionOverviewDto,
  InboxPageDto,
  RetireResultDto,
} from '@unionflow/contracts';
import { simpleApproval } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../../workers/test-support/engine-harness';
import {
  type AuthHeaders,
  createTestApp,
  firstSignIn,
  login,
  type TestApp,
} from '../../test-support/app-harness';

let t: TestApp;
let engine: EngineHarness;
let root: AuthHeaders;
let steelAdmin: AuthHeaders;
let siblingOrgId: string;

/** A process the steel union's own admin designs: reviewed by the grassroots innovation reviewer. */
const steelIdea: ProcessDefinition = {
  ...simpleApproval,
  key: 'steel-safety-idea',
  name: { zh: '安全小建议', en: 'Safety suggestion' },
};

const write = (headers: AuthHeaders) => ({ ...headers, 'idempotency-key': randomUUID() });

function saveDraft(auth: AuthHeaders, doc: ProcessDefinition, ownerOrgId?: string) {
  return t.app.inject({
    method: 'PUT',
    url: `/api/admin/definitions/${doc.key}/draft`,
    headers: write(auth),
    payload: { document: doc, ...(ownerOrgId ? { ownerOrgId } : {}) },
  });
}

function post(auth: AuthHeaders, url: string, payload: Record<string, unknown> = {}) {
  return t.app.inject({ method: 'POST', url, headers: write(auth), payload });
}

async function definitions(auth: AuthHeaders): Promise<DefinitionOverviewDto[]> {
  const res = await t.app.inject({ method: 'GET', url: '/api/admin/definitions', headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DefinitionOverviewDto[]>();
}

async function startable(auth: AuthHeaders): Promise<string[]> {
  const res = await t.app.inject({ method: 'GET', url: '/api/processes', headers: auth });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ key: string }[]>().map((p) => p.key);
}

function startCase(auth: AuthHeaders, processKey: string, title: string) {
  return post(auth, '/api/cases', { processKey, data: { title } });
}

/** What a refused write must not have changed: versions, drafts, owners and definition audit events. */
async function definitionState() {
  const [versions, drafts, owners, audit] = await Promise.all([
    t.db
      .selectFrom('process_versions')
      .select(['key', 'version'])
      .orderBy('key')
      .orderBy('version')
      .execute(),
    t.db.selectFrom('process_drafts').select(['key', 'updated_at']).orderBy('key').execute(),
    t.db.selectFrom('process_owners').selectAll().orderBy('key').execute(),
    t.db.selectFrom('audit_events').select('id').where('type', 'like', 'definition-%').execute(),
  ]);
  return { versions, drafts, owners, audit: audit.length };
}

beforeAll(async () => {
  const taskQueue = `own-${randomUUID()}`;
  t = await createTestApp({ withTemporal: true, taskQueue });
  engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });
  root = await login(t.app, 'admin');
  // A second grassroots union beside the steel one, and an admin of the steel union only.
  const unit = await post(root, '/api/admin/org-units', { parentId: 'org-district', name: '纺织厂工会' });
  expect(unit.statusCode, unit.body).toBe(201);
  siblingOrgId = unit.json<{ id: string }>().id;
  const user = await post(root, '/api/admin/users', {
    username: 'steeladmin',
    displayName: '钢厂管理员',
    orgId: 'org-steel',
    roles: ['admin', 'member'],
    password: 'steel-admin-pass-1',
  });
  expect(user.statusCode, user.body).toBe(201);
  steelAdmin = await firstSignIn(t.app, 'steeladmin', 'steel-admin-pass-1');
});
afterAll(async () => {
  await engine?.close();
  await t?.close();
});

describe('V4.1.3 / V4.2.1 a scoped admin manages only processes its subtree owns', () => {
  it('V4.2.1 does not see, edit, publish or retire a federation-wide process (404, nothing written)', async () => {
    expect((await definitions(steelAdmin)).map((d) => d.key)).not.toContain('simple-approval');
    const before = await definitionState();

    const read = await t.app.inject({
      method: 'GET',
      url: '/api/admin/definitions/simple-approval/draft',
      headers: steelAdmin,
    });
    expect(read.statusCode).toBe(404);
    const rewritten = {
      ...simpleApproval,
      nodes: simpleApproval.nodes.map((n) =>
        n.kind === 'approval' ? { ...n, assignee: { kind: 'user' as const, userId: 'u-steeladmin' } } : n,
      ),
    };
    const saved = await saveDraft(steelAdmin, rewritten as ProcessDefinition);
    expect(saved.statusCode).toBe(404);
    expect(saved.headers['content-type']).toContain('application/problem+json');
    expect(saved.json().detail).toContain('没有名为 simple-approval 的流程');
    for (const action of ['publish', 'retire', 'validate', 'simulate']) {
      const res = await post(steelAdmin, `/api/admin/definitions/simple-approval/${action}`);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(404);
    }
    const versions = await t.app.inject({
      method: 'GET',
      url: '/api/admin/definitions/simple-approval/versions',
      headers: steelAdmin,
    });
    expect(versions.statusCode).toBe(404);

    expect(await definitionState()).toEqual(before);
  });

  it('V4.2.1 cannot touch a sibling union’s process, nor create one owned outside its subtree', async () => {
    const sibling = { ...steelIdea, key: 'textile-idea', name: { zh: '纺织厂建议', en: 'Textile idea' } };
    const created = await saveDraft(root, sibling, siblingOrgId);
    expect(created.statusCode, created.body).toBe(200);
    const before = await definitionState();

    expect((await saveDraft(steelAdmin, sibling)).statusCode).toBe(404);
    expect((await post(steelAdmin, '/api/admin/definitions/textile-idea/publish')).statusCode).toBe(404);
    const federationWide = await saveDraft(steelAdmin, { ...steelIdea, key: 'steel-grab' }, 'org-city');
    expect(federationWide.statusCode).toBe(422);
    expect(federationWide.json().detail).toContain('不在您管理的范围内');

    expect(await definitionState()).toEqual(before);
  });

  it('V4.1.3 cannot reach a sibling union’s process through a sub-process step (422, nothing published)', async () => {
    const textile = await post(root, '/api/admin/definitions/textile-idea/publish');
    expect(textile.statusCode, textile.body).toBe(201);
    const borrow: ProcessDefinition = {
      ...steelIdea,
      key: 'steel-borrow',
      start: 'child',
      nodes: [
        {
          id: 'child',
          kind: 'subprocess',
          name: { zh: '借用纺织厂流程', en: 'Borrowed textile process' },
          processKey: 'textile-idea',
          next: 'approved',
        },
        { id: 'approved', kind: 'end', name: { zh: '通过', en: 'Approved' }, outcome: 'approved' },
      ],
    };
    expect((await saveDraft(steelAdmin, borrow)).statusCode).toBe(200);
    const published = await post(steelAdmin, '/api/admin/definitions/steel-borrow/publish');
    expect(published.statusCode, published.body).toBe(422);
    expect(published.json().detail).toContain('子流程 textile-idea 属于纺织厂工会');
    const versions = await t.db
      .selectFrom('process_versions')
      .select('version')
      .where('key', '=', 'steel-borrow')
      .execute();
    expect(versions).toEqual([]);
    // Only the draft was stored; a scoped admin's list is its own processes.
    await t.db.deleteFrom('process_drafts').where('key', '=', 'steel-borrow').execute();
    await t.db.deleteFrom('process_owners').where('key', '=', 'steel-borrow').execute();
  });

  it('V4.1.3 publishes its own process, owned by its union, audited with before → after', async () => {
    const saved = await saveDraft(steelAdmin, steelIdea);
    expect(saved.statusCode, saved.body).toBe(200);
    const published = await post(steelAdmin, `/api/admin/definitions/${steelIdea.key}/publish`);
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ key: steelIdea.key, version: 1 });

    const mine = await definitions(steelAdmin);
    expect(mine.map((d) => d.key)).toEqual([steelIdea.key]);
    expect(mine[0]).toMatchObject({
      owner: { id: 'org-steel', name: '山钢莱芜分公司工会' },
      retiredAt: null,
    });
    // The federation's admins see every process with its owner.
    const all = await definitions(root);
    expect(all.find((d) => d.key === 'simple-approval')?.owner).toEqual({
      id: 'org-city',
      name: '济南市总工会',
    });
    expect(all.find((d) => d.key === steelIdea.key)?.owner?.id).toBe('org-steel');

    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/audit?type=definition-published',
      headers: steelAdmin,
    });
    expect(audit.statusCode, audit.body).toBe(200);
    expect(audit.json<AuditPageDto>().items).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ username: 'steeladmin' }),
        payload: expect.objectContaining({
          orgId: 'org-steel',
          key: steelIdea.key,
          version: { from: null, to: 1 },
        }),
      }),
    ]);
  });
});

describe('V4.1.3 only the owning subtree starts an org’s process', () => {
  it('members of the steel union see and start it; a city federation member is refused, nothing written', async () => {
    const member = await login(t.app, 'zhangwei');
    expect(await startable(member)).toContain(steelIdea.key);
    const outsider = await login(t.app, 'wangfang');
    expect(await startable(outsider)).not.toContain(steelIdea.key);
    expect(await startable(outsider)).toContain('simple-approval');

    const refused = await startCase(outsider, steelIdea.key, '越权申请');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toContain('仅限山钢莱芜分公司工会及其下级组织的会员发起');
    const written = await t.db
      .selectFrom('cases')
      .select('id')
      .where('process_key', '=', steelIdea.key)
      .execute();
    expect(written).toEqual([]);
  });
});

describe('V4.1.1 retiring a process, enforced by the server: no new cases, running ones go on', () => {
  it('retire hides it from 发起申请 and refuses new starts while a running case completes', async () => {
    const member = await login(t.app, 'zhangwei');
    const started = await startCase(member, steelIdea.key, '护栏加高');
    expect(started.statusCode, started.body).toBe(201);
    const running = started.json<CaseDetailDto>();

    const retired = await post(steelAdmin, `/api/admin/definitions/${steelIdea.key}/retire`, {
      reason: '并入年度合理化建议',
    });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json<RetireResultDto>()).toMatchObject({ key: steelIdea.key, runningCases: 1 });
    expect((await definitions(steelAdmin))[0]?.retiredAt).toBe(retired.json<RetireResultDto>().retiredAt);

    expect(await startable(member)).not.toContain(steelIdea.key);
    const casesBefore = await t.db.selectFrom('cases').select('id').execute();
    const refused = await startCase(member, steelIdea.key, '再来一个');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('已停用，不能再发起新的申请');
    expect(await t.db.selectFrom('cases').select('id').execute()).toEqual(casesBefore);

    const again = await post(steelAdmin, `/api/admin/definitions/${steelIdea.key}/retire`);
    expect(again.statusCode).toBe(409);

    // The case started before goes on to its end.
    const reviewer = await login(t.app, 'lina');
    const inbox = (
      await t.app.inject({ method: 'GET', url: '/api/inbox', headers: reviewer })
    ).json<InboxPageDto>();
    const task = inbox.items.find((i) => i.caseId === running.id);
    expect(task).toBeDefined();
    const decided = await post(reviewer, `/api/tasks/${encodeURIComponent(task!.id)}/decisions`, {
      action: 'approve',
      comment: '同意',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${running.id}`, headers: member })
    ).json<CaseDetailDto>();
    expect(detail).toMatchObject({ status: 'completed', outcome: 'approved' });
  });

  it('V7.1.4 the retirement is in the audit log with before → after, and the chain still verifies', async () => {
    const audit = await t.app.inject({
      method: 'GET',
      url: '/api/audit?type=definition-retired',
      headers: steelAdmin,
    });
    expect(audit.statusCode, audit.body).toBe(200);
    const items = audit.json<AuditPageDto>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      actor: { username: 'steeladmin' },
      payload: {
        orgId: 'org-steel',
        key: steelIdea.key,
        status: { from: 'published', to: 'retired' },
        runningCases: 1,
        reason: '并入年度合理化建议',
      },
    });
    const verify = await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: root });
    expect(verify.statusCode, verify.body).toBe(200);
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('publishing a new version brings a retired process back', async () => {
    const published = await post(steelAdmin, `/api/admin/definitions/${steelIdea.key}/publish`);
    expect(published.statusCode, published.body).toBe(201);
    expect(await startable(await login(t.app, 'zhangwei'))).toContain(steelIdea.key);
    const row = await t.db
      .selectFrom('audit_events')
      .select('payload')
      .where('type', '=', 'definition-published')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.payload).toMatchObject({
      version: { from: 1, to: 2 },
      status: { from: 'retired', to: 'published' },
    });
  });
});
