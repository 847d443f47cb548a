import { randomUUID } from 'node:crypto';
import type {
  DefinitionOverviewDto,
  DraftViewDto,
  ProcessSummaryDto,
  SaveDraftResultDto,
  SimulateResultDto,
  ValidationReportDto,
  VersionDocumentDto,
  VersionSummaryDto,
} from '@unionflow/contracts';
import { simpleApproval } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHeaders, createTestApp, login, type TestApp } from '../../../test-support/app-harness';

let t: TestApp;
let admin: AuthHeaders;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(async () => {
  await t?.close();
});

const base = '/api/admin/definitions/simple-approval';
const renamed: ProcessDefinition = {
  ...simpleApproval,
  name: { zh: '简单审批（第二版）', en: 'Simple approval v2' },
};
/** A node nothing leads to: the validator reports it as unreachable. */
const withOrphan: ProcessDefinition = {
  ...renamed,
  nodes: [
    ...renamed.nodes,
    { id: 'orphan', kind: 'end', name: { zh: '孤立结束', en: 'Orphan end' }, outcome: 'approved' },
  ],
};

const getDraft = async () =>
  (await t.app.inject({ method: 'GET', url: `${base}/draft`, headers: admin })).json<DraftViewDto>();
const putDraft = (document: object, baseUpdatedAt?: string, url = `${base}/draft`) =>
  t.app.inject({ method: 'PUT', url, headers: admin, payload: { document, baseUpdatedAt } });

describe('drafts', () => {
  it('loads the seeded draft and saves it back (round trip)', async () => {
    const loaded = await getDraft();
    expect(loaded).toMatchObject({ key: 'simple-approval', source: 'draft', updatedBy: 'admin' });
    expect(loaded.document).toEqual(simpleApproval);

    const saved = await putDraft(renamed, loaded.updatedAt);
    expect(saved.statusCode).toBe(200);
    const result = saved.json<SaveDraftResultDto>();
    expect(result.validation).toEqual({ ok: true, errors: [] });
    expect(new Date(result.updatedAt).getTime()).toBeGreaterThan(new Date(loaded.updatedAt).getTime());

    const again = await getDraft();
    expect(again.document).toEqual(renamed);
    expect(again.updatedAt).toBe(result.updatedAt);
  });

  it('refuses a save based on a draft someone else has changed since (409)', async () => {
    const loaded = await getDraft();
    expect((await putDraft(renamed, loaded.updatedAt)).statusCode).toBe(200);
    const stale = await putDraft({ ...renamed, department: 'rights' }, loaded.updatedAt);
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().detail).toMatch(/someone else changed this draft at \d{4}-\d\d-\d\dT/);
    expect((await getDraft()).document).toEqual(renamed);
  });

  it('requires the document key to match the URL and keeps drafts under 1 MiB', async () => {
    const wrongKey = await putDraft({ ...renamed, key: 'other' });
    expect(wrongKey.statusCode).toBe(400);
    expect(wrongKey.json().detail).toContain('simple-approval');
    const huge = await putDraft({ ...renamed, description: 'x'.repeat(1024 * 1024) });
    expect(huge.statusCode).toBe(413);
  });

  it('saves an invalid draft and says what is wrong; validate names the unreachable node', async () => {
    const saved = await putDraft(withOrphan);
    expect(saved.statusCode).toBe(200);
    const { validation } = saved.json<SaveDraftResultDto>();
    expect(validation.ok).toBe(false);
    expect(validation.errors).toContainEqual(
      expect.objectContaining({ nodeId: 'orphan', code: 'unreachable' }),
    );

    const stored = await t.app.inject({ method: 'POST', url: `${base}/validate`, headers: admin });
    expect(stored.statusCode, stored.body).toBe(200);
    const report = stored.json<ValidationReportDto>();
    expect(report.ok).toBe(false);
    const orphan = report.errors.find((e) => e.nodeId === 'orphan');
    // Named for people: the step's number and name, never its id.
    expect(orphan?.message.zh).toBe('第 3 步「孤立结束」从开始无法到达。');
    expect(orphan?.message.en).toBe('Step 3 "Orphan end" cannot be reached from the start.');

    const given = await t.app.inject({
      method: 'POST',
      url: `${base}/validate`,
      headers: admin,
      payload: { document: renamed },
    });
    expect(given.json<ValidationReportDto>()).toEqual({ ok: true, errors: [] });
  });

  it('checks that named approvers and 抄送 people exist, naming the step in words', async () => {
    const [review, end] = renamed.nodes as [
      ProcessDefinition['nodes'][number],
      ProcessDefinition['nodes'][number],
    ];
    const countersign = (usernames: string[], cc: string[]): ProcessDefinition => ({
      ...renamed,
      nodes: [
        { ...review, next: 'countersign' } as ProcessDefinition['nodes'][number],
        {
          id: 'countersign',
          kind: 'approval',
          name: { zh: '市总工会会签', en: 'City countersign' },
          assignee: { kind: 'users', usernames },
          mode: 'all',
          cc: [{ kind: 'users', usernames: cc }],
          next: end.id,
        },
        end,
      ],
    });
    const validate = (document: ProcessDefinition) =>
      t.app.inject({ method: 'POST', url: `${base}/validate`, headers: admin, payload: { document } });

    const bad = await validate(countersign(['wangfang', 'ghost'], ['liuyang', 'nobody']));
    expect(bad.statusCode, bad.body).toBe(200);
    expect(bad.json<ValidationReportDto>()).toEqual({
      ok: false,
      errors: [
        {
          code: 'unknown-user',
          nodeId: 'countersign',
          message: {
            zh: '第 2 步「市总工会会签」指定的人员 ghost、nobody 不存在或已停用。',
            en: 'Step 2 "City countersign" names people who do not exist or are disabled: ghost, nobody.',
          },
        },
      ],
    });
    const good = await validate(countersign(['wangfang', 'lina'], ['liuyang']));
    expect(good.json<ValidationReportDto>()).toEqual({ ok: true, errors: [] });
  });

  it('answers 404 for a process with neither draft nor version, and falls back to the latest version', async () => {
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/admin/definitions/nope/draft', headers: admin }))
        .statusCode,
    ).toBe(404);
    const key = `fresh-${randomUUID().slice(0, 8)}`;
    const created = await putDraft(
      { ...simpleApproval, key },
      undefined,
      `/api/admin/definitions/${key}/draft`,
    );
    expect(created.statusCode).toBe(200);
    const list = (await t.app.inject({ method: 'GET', url: '/api/admin/definitions', headers: admin })).json<
      DefinitionOverviewDto[]
    >();
    expect(list.find((d) => d.key === key)).toMatchObject({
      latestVersion: null,
      publishedAt: null,
      hasDraft: true,
      draftChanged: true,
    });

    await t.db.deleteFrom('process_drafts').where('key', '=', key).execute();
    await t.db
      .insertInto('process_versions')
      .values({
        key,
        version: 1,
        document: JSON.stringify({ ...simpleApproval, key }) as never,
        published_at: new Date(),
        published_by: 'u-admin',
      })
      .execute();
    const fallback = await t.app.inject({
      method: 'GET',
      url: `/api/admin/definitions/${key}/draft`,
      headers: admin,
    });
    expect(fallback.json<DraftViewDto>()).toMatchObject({
      source: 'version',
      updatedBy: 'admin',
      document: { key },
    });
  });

  it('creates a new process once: a second create of the same key is a 409 that saves nothing', async () => {
    const key = `new-${randomUUID().slice(0, 8)}`;
    const url = `/api/admin/definitions/${key}/draft`;
    const create = (name: string) =>
      t.app.inject({
        method: 'PUT',
        url,
        headers: admin,
        payload: { document: { ...simpleApproval, key, name: { zh: name } }, create: true },
      });
    const [a, b] = await Promise.all([create('补助申请甲'), create('补助申请乙')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().detail).toContain('已被使用');
    const kept = (await t.app.inject({ method: 'GET', url, headers: admin })).json<DraftViewDto>();
    const winner = a.statusCode === 200 ? '补助申请甲' : '补助申请乙';
    expect(kept.document).toMatchObject({ name: { zh: winner } });
    // Creating again, or creating over a shipped process, is refused the same way.
    expect((await create('再建一次')).statusCode).toBe(409);
    const simple = await t.app.inject({
      method: 'PUT',
      url: '/api/admin/definitions/simple-approval/draft',
      headers: admin,
      payload: { document: simpleApproval, create: true },
    });
    expect(simple.statusCode).toBe(409);
  });
});

describe('publishing', () => {
  it('refuses an invalid draft with 422 naming the node', async () => {
    expect((await putDraft(withOrphan)).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'POST', url: `${base}/publish`, headers: admin });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json<{ detail: string; errors: { path: string; message: string }[] }>();
    expect(problem.errors).toContainEqual({
      path: 'orphan',
      message: expect.stringContaining('「孤立结束」'),
    });
    expect(problem.detail).toMatch(/cannot be published; first: /);
    const versions = (await t.app.inject({ method: 'GET', url: `${base}/versions`, headers: admin })).json<
      VersionSummaryDto[]
    >();
    expect(versions.map((v) => v.version)).toEqual([1]);
  });

  it('publishes a valid draft as version 2, which applicants then start', async () => {
    expect((await putDraft(renamed)).statusCode).toBe(200);
    const key = randomUUID();
    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/publish`,
      headers: { ...admin, 'idempotency-key': key },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ key: 'simple-approval', version: 2 });
    const replay = await t.app.inject({
      method: 'POST',
      url: `${base}/publish`,
      headers: { ...admin, 'idempotency-key': key },
    });
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().version).toBe(2);

    const zhangwei = await login(t.app, 'zhangwei');
    const processes = (await t.app.inject({ method: 'GET', url: '/api/processes', headers: zhangwei })).json<
      ProcessSummaryDto[]
    >();
    expect(processes.find((p) => p.key === 'simple-approval')).toMatchObject({
      version: 2,
      name: renamed.name,
    });

    const versions = (await t.app.inject({ method: 'GET', url: `${base}/versions`, headers: admin })).json<
      VersionSummaryDto[]
    >();
    expect(versions).toEqual([
      expect.objectContaining({ version: 2, publishedBy: 'admin', runningCases: 0 }),
      expect.objectContaining({ version: 1, publishedBy: 'admin', runningCases: 0 }),
    ]);
    const v2 = (
      await t.app.inject({ method: 'GET', url: `${base}/versions/2`, headers: admin })
    ).json<VersionDocumentDto>();
    expect(v2.document).toMatchObject({ key: 'simple-approval', version: 2, name: renamed.name });
    expect(
      (await t.app.inject({ method: 'GET', url: `${base}/versions/9`, headers: admin })).statusCode,
    ).toBe(404);

    const list = (await t.app.inject({ method: 'GET', url: '/api/admin/definitions', headers: admin })).json<
      DefinitionOverviewDto[]
    >();
    expect(list.find((d) => d.key === 'simple-approval')).toMatchObject({
      latestVersion: 2,
      hasDraft: true,
      draftChanged: false,
      name: renamed.name,
    });
    await putDraft({ ...renamed, department: 'rights' });
    const changed = (
      await t.app.inject({ method: 'GET', url: '/api/admin/definitions', headers: admin })
    ).json<DefinitionOverviewDto[]>();
    expect(changed.find((d) => d.key === 'simple-approval')?.draftChanged).toBe(true);
  });
});

describe('simulation', () => {
  it("predicts that lina reviews zhangwei's simple approval", async () => {
    const simulate = (payload: object) =>
      t.app.inject({ method: 'POST', url: `${base}/simulate`, headers: admin, payload });
    const byDefault = (
      await simulate({ data: { title: 'x' }, document: simpleApproval })
    ).json<SimulateResultDto>();
    expect(byDefault.applicant.username).toBe('zhangwei');
    expect(byDefault.steps.map((s) => [s.nodeId, s.assignees.map((a) => a.username)])).toEqual([
      ['review', ['lina']],
      ['approved', []],
    ]);
    expect(byDefault.outcome).toBe('approved');

    const explicit = await simulate({ applicant: 'zhangwei', data: { title: 'x' } });
    expect(explicit.statusCode).toBe(200);
    expect(explicit.json<SimulateResultDto>().steps[0]?.assignees.map((a) => a.username)).toEqual(['lina']);

    expect((await simulate({ applicant: 'nobody' })).statusCode).toBe(422);
    const malformed = await simulate({ document: { key: 'simple-approval', nodes: 'oops' } });
    expect(malformed.statusCode).toBe(422);
  });
});
