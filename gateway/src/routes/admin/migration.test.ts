import { randomUUID } from 'node:crypto';
import type {
  CaseDetailDto,
  ImpactReportDto,
  MigrateResultDto,
  VersionSummaryDto,
} from '@unionflow/contracts';
import { simpleApproval } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../../../workers/test-support/engine-harness';
import { type AuthHeaders, createTestApp, login, type TestApp } from '../../../test-support/app-harness';

let t: TestApp;
let engine: EngineHarness;
let admin: AuthHeaders;
let applicant: AuthHeaders;

beforeAll(async () => {
  const taskQueue = `gw-admin-${randomUUID()}`;
  t = await createTestApp({ withTemporal: true, taskQueue });
  engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });
  admin = await login(t.app, 'admin');
  applicant = await login(t.app, 'zhangwei');
});
afterAll(async () => {
  await engine?.close();
  await t?.close();
});

const base = '/api/admin/definitions/simple-approval';
/** Keeps the `review` step: running cases may move here. */
const keepsReview: ProcessDefinition = {
  ...simpleApproval,
  name: { zh: '简单审批（改）', en: 'Simple approval (revised)' },
  nodes: simpleApproval.nodes.map((n) =>
    n.id === 'review' ? { ...n, name: { zh: '工会审核', en: 'Union review' } } : n,
  ),
};
/** Replaces `review` with another step: a case waiting at `review` cannot move here. */
const dropsReview: ProcessDefinition = {
  ...simpleApproval,
  start: 'check',
  nodes: simpleApproval.nodes.map((n) => (n.id === 'review' ? { ...n, id: 'check' } : n)),
};

async function publish(document: ProcessDefinition): Promise<number> {
  const saved = await t.app.inject({
    method: 'PUT',
    url: `${base}/draft`,
    headers: admin,
    payload: { document },
  });
  expect(saved.json().validation.ok).toBe(true);
  const res = await t.app.inject({ method: 'POST', url: `${base}/publish`, headers: admin });
  expect(res.statusCode).toBe(201);
  return res.json().version;
}

const impact = async (query = '') =>
  (
    await t.app.inject({ method: 'GET', url: `${base}/impact${query}`, headers: admin })
  ).json<ImpactReportDto>();
const caseDetail = async (id: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: applicant })).json<CaseDetailDto>();
const migrate = (id: string, version: number, key?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/admin/cases/${id}/migrate`,
    headers: key ? { ...admin, 'idempotency-key': key } : admin,
    payload: { version },
  });

describe('running cases and new versions', () => {
  it('shows the impact of a new version and moves a running case only where its step still exists', async () => {
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: applicant,
      payload: { processKey: 'simple-approval', data: { title: '迁移测试' } },
    });
    expect(started.statusCode).toBe(201);
    const caseId = started.json<CaseDetailDto>().id;

    // The draft as the next version keeps `review`: the case could move.
    await t.app.inject({
      method: 'PUT',
      url: `${base}/draft`,
      headers: admin,
      payload: { document: keepsReview },
    });
    const before = await impact();
    expect(before).toMatchObject({ key: 'simple-approval', target: 'draft', targetVersion: 2 });
    expect(before.cases).toEqual([
      expect.objectContaining({
        caseId,
        version: 1,
        currentSteps: [
          { nodeId: 'review', name: simpleApproval.nodes[0]!.name, kind: 'approval', matches: true },
        ],
        missingDoneSteps: [],
        canMove: true,
      }),
    ]);

    expect(await publish(keepsReview)).toBe(2);
    expect(await publish(dropsReview)).toBe(3);
    const toThree = await impact('?version=3');
    expect(toThree.cases).toEqual([
      expect.objectContaining({
        caseId,
        currentSteps: [
          { nodeId: 'review', name: simpleApproval.nodes[0]!.name, kind: 'approval', matches: false },
        ],
        canMove: false,
      }),
    ]);
    expect((await impact('?version=2')).cases[0]?.canMove).toBe(true);
    expect((await impact('?version=1')).cases).toEqual([]);
    expect(
      (await t.app.inject({ method: 'GET', url: `${base}/impact?version=7`, headers: admin })).statusCode,
    ).toBe(404);
    const versions = (await t.app.inject({ method: 'GET', url: `${base}/versions`, headers: admin })).json<
      VersionSummaryDto[]
    >();
    expect(versions.find((v) => v.version === 1)?.runningCases).toBe(1);

    // Version 3 has no `review`: the engine refuses and the case stays as it was.
    const refused = await migrate(caseId, 3);
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().detail).toMatch(
      /没有与「基层工会审核」对应的步骤.* \/ .*"Grassroots union review"/,
    );
    const unchanged = await caseDetail(caseId);
    expect(unchanged.status).toBe('running');
    expect(unchanged.timeline.map((e) => e.type)).not.toContain('migrated');
    expect(unchanged.tasks.map((task) => [task.nodeId, task.status])).toEqual([['review', 'open']]);

    // Version 2 keeps `review`: the case moves, and its timeline says so.
    const moved = await migrate(caseId, 2, randomUUID());
    expect(moved.statusCode).toBe(200);
    expect(moved.json<MigrateResultDto>()).toMatchObject({
      caseId,
      fromVersion: 1,
      toVersion: 2,
      status: 'running',
      activeNodeIds: ['review'],
    });
    const after = await caseDetail(caseId);
    const migrated = after.timeline.find((e) => e.type === 'migrated');
    expect(migrated).toMatchObject({ actor: { username: 'admin' }, data: { fromVersion: 1, toVersion: 2 } });

    // The moved case still finishes normally.
    const lina = await login(t.app, 'lina');
    const decided = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${encodeURIComponent(after.tasks[0]!.id)}/decisions`,
      headers: lina,
      payload: { action: 'approve' },
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json<CaseDetailDto>()).toMatchObject({ status: 'completed', outcome: 'approved' });
    expect((await migrate(caseId, 1)).statusCode).toBe(409);
  });

  it('answers 404 for an unknown case or version', async () => {
    expect((await migrate(randomUUID(), 1)).statusCode).toBe(404);
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: applicant,
      payload: { processKey: 'simple-approval', data: { title: 'no such version' } },
    });
    const missing = await migrate(started.json<CaseDetailDto>().id, 99);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().detail).toContain('99');
  });
});
