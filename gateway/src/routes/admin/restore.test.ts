import type { AuditPageDto, VersionDocumentDto, VersionSummaryDto } from '@unionflow/contracts';
import { simpleApproval } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthHeaders, createTestApp, login, type TestApp } from '../../../test-support/app-harness';

let t: TestApp;
let admin: AuthHeaders;
const base = '/api/admin/definitions/simple-approval';
const renamed: ProcessDefinition = {
  ...simpleApproval,
  name: { zh: '简单审批（改）', en: 'Simple approval, changed' },
};

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  const draft = await t.app.inject({
    method: 'PUT',
    url: `${base}/draft`,
    headers: admin,
    payload: { document: renamed },
  });
  expect(draft.statusCode, draft.body).toBe(200);
  const published = await t.app.inject({ method: 'POST', url: `${base}/publish`, headers: admin });
  expect(published.statusCode, published.body).toBe(201);
});
afterAll(async () => {
  await t?.close();
});

const versions = async () =>
  (await t.app.inject({ method: 'GET', url: `${base}/versions`, headers: admin })).json<
    VersionSummaryDto[]
  >();
const restore = (version: number, baseVersion: number, key?: string) =>
  t.app.inject({
    method: 'POST',
    url: `${base}/versions/${version}/restore`,
    headers: key ? { ...admin, 'idempotency-key': key } : admin,
    payload: { baseVersion },
  });

describe('restoring an older version', () => {
  it('marks the version in force and names the publisher', async () => {
    expect(await versions()).toEqual([
      expect.objectContaining({
        version: 2,
        current: true,
        publishedBy: 'admin',
        publishedByName: '系统管理员',
      }),
      expect.objectContaining({ version: 1, current: false, restoredFrom: null }),
    ]);
  });

  it('refuses a restore based on a version that is no longer the latest (409), publishing nothing', async () => {
    const stale = await restore(1, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json().detail).toContain('第 2 版');
    expect((await versions()).map((v) => v.version)).toEqual([2, 1]);
  });

  it('answers 404 for a version that does not exist and 400 without a base version', async () => {
    expect((await restore(9, 2)).statusCode).toBe(404);
    const noBase = await t.app.inject({
      method: 'POST',
      url: `${base}/versions/1/restore`,
      headers: admin,
      payload: {},
    });
    expect(noBase.statusCode).toBe(400);
  });

  it('publishes v1 again as v3, once per Idempotency-Key, and audits it with before and after', async () => {
    const first = await restore(1, 2, 'restore-v1');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ key: 'simple-approval', version: 3, restoredFrom: 1 });
    const replay = await restore(1, 2, 'restore-v1');
    expect(replay.statusCode).toBe(201);
    expect(replay.json().version).toBe(3);

    const list = await versions();
    expect(list.map((v) => [v.version, v.current, v.restoredFrom])).toEqual([
      [3, true, 1],
      [2, false, null],
      [1, false, null],
    ]);
    const v3 = (
      await t.app.inject({ method: 'GET', url: `${base}/versions/3`, headers: admin })
    ).json<VersionDocumentDto>();
    expect(v3.document).toMatchObject({ version: 3, name: simpleApproval.name });

    const audit = (
      await t.app.inject({ method: 'GET', url: '/api/audit?type=definition-restored', headers: admin })
    ).json<AuditPageDto>();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({
      actor: { username: 'admin' },
      payload: { name: simpleApproval.name.zh, version: { from: 2, to: 3 }, restoredFrom: 1 },
    });
    const verify = await t.app.inject({ method: 'GET', url: '/api/audit/verify', headers: admin });
    expect(verify.json()).toMatchObject({ ok: true });
  });
});
