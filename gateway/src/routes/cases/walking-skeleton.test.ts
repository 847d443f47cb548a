import { randomUUID } from 'node:crypto';
import type { CaseDetailDto, InboxPageDto } from '@unionflow/contracts';
import { publishDefinition } from '@unionflow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../../../workers/test-support/engine-harness';
import { createTestApp, login, type TestApp } from '../../../test-support/app-harness';

let t: TestApp;
let engine: EngineHarness;

beforeAll(async () => {
  const taskQueue = `gw-${randomUUID()}`;
  t = await createTestApp({ withTemporal: true, taskQueue });
  engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });
});
afterAll(async () => {
  await engine?.close();
  await t?.close();
});

describe('the walking skeleton over HTTP', () => {
  it('zhangwei applies, lina approves from her inbox, the case completes with its timeline', async () => {
    const applicant = await login(t.app, 'zhangwei');
    const processes = await t.app.inject({ method: 'GET', url: '/api/processes', headers: applicant });
    expect(processes.statusCode).toBe(200);
    expect(processes.json().map((p: { key: string }) => p.key)).toContain('simple-approval');

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { ...applicant, 'idempotency-key': randomUUID() },
      payload: { processKey: 'simple-approval', data: { title: '更换三号高炉除尘布袋', amount: 120000 } },
    });
    expect(created.statusCode).toBe(201);
    const started = created.json<CaseDetailDto>();
    expect(started).toMatchObject({
      status: 'running',
      title: '更换三号高炉除尘布袋',
      processKey: 'simple-approval',
    });
    expect(started.tasks.map((task) => task.candidates.map((c) => c.username))).toEqual([['lina']]);

    const reviewer = await login(t.app, 'lina');
    const inbox = (
      await t.app.inject({ method: 'GET', url: '/api/inbox', headers: reviewer })
    ).json<InboxPageDto>();
    const task = inbox.items.find((i) => i.caseId === started.id);
    expect(task?.stepName.zh).toBe('基层工会审核');
    expect(inbox.counts.all).toBeGreaterThanOrEqual(1);

    const decided = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${encodeURIComponent(task!.id)}/decisions`,
      headers: { ...reviewer, 'idempotency-key': randomUUID() },
      payload: { action: 'approve', comment: '同意实施' },
    });
    expect(decided.statusCode).toBe(200);

    const detail = (
      await t.app.inject({ method: 'GET', url: `/api/cases/${started.id}`, headers: applicant })
    ).json<CaseDetailDto>();
    expect(detail).toMatchObject({ status: 'completed', outcome: 'approved' });
    expect(detail.timeline.map((e) => e.type)).toEqual([
      'case-started',
      'step-opened',
      'approved',
      'step-completed',
      'case-ended',
    ]);
    expect(detail.timeline.find((e) => e.type === 'approved')).toMatchObject({
      actor: { username: 'lina' },
      comment: '同意实施',
    });
  });

  it('answers 409 to the reviewer who decides second, and replays an idempotent decision', async () => {
    const applicant = await login(t.app, 'zhangwei');
    const started = (
      await t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: applicant,
        payload: { processKey: 'simple-approval', data: { title: 'race' } },
      })
    ).json<CaseDetailDto>();
    const reviewer = await login(t.app, 'lina');
    const taskId = started.tasks[0]!.id;
    const key = randomUUID();
    const url = `/api/tasks/${encodeURIComponent(taskId)}/decisions`;
    const first = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...reviewer, 'idempotency-key': key },
      payload: { action: 'approve' },
    });
    const replay = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...reviewer, 'idempotency-key': key },
      payload: { action: 'approve' },
    });
    expect(first.statusCode).toBe(200);
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    const second = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...reviewer, 'idempotency-key': randomUUID() },
      payload: { action: 'reject' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.headers['content-type']).toContain('application/problem+json');
    expect(second.json().detail).toMatch(/already/);
  });

  it("hides other people's cases behind 404 and refuses bad input with 4xx", async () => {
    const applicant = await login(t.app, 'zhangwei');
    const started = (
      await t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: applicant,
        payload: { processKey: 'simple-approval', data: { title: 'mine' } },
      })
    ).json<CaseDetailDto>();
    const stranger = await login(t.app, 'liuyang');
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/cases/${started.id}`, headers: stranger })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/cases/${randomUUID()}`, headers: applicant }))
        .statusCode,
    ).toBe(404);
    const unknownField = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: applicant,
      payload: { processKey: 'simple-approval', data: { title: 'x', salary: 1 } },
    });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().detail).toContain('salary');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: applicant,
      payload: { processKey: 'simple-approval', data: {} },
    });
    expect(missing.statusCode).toBe(422);
    const unknownProcess = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: applicant,
      payload: { processKey: 'nope', data: {} },
    });
    expect(unknownProcess.statusCode).toBe(404);
    const notMine = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${encodeURIComponent(started.tasks[0]!.id)}/decisions`,
      headers: stranger,
      payload: { action: 'approve' },
    });
    expect(notMine.statusCode).toBe(404);
  });

  it('lets the applicant withdraw with no body before any decision', async () => {
    const applicant = await login(t.app, 'zhangwei');
    const started = (
      await t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: applicant,
        payload: { processKey: 'simple-approval', data: { title: 'withdraw me' } },
      })
    ).json<CaseDetailDto>();
    const withdrawn = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${started.id}/withdraw`,
      headers: applicant,
    });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json<CaseDetailDto>()).toMatchObject({
      status: 'withdrawn',
      tasks: [expect.objectContaining({ status: 'cancelled' })],
    });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${started.id}/urge`,
      headers: applicant,
    });
    expect(again.statusCode).toBe(409);
  });

  it('answers 201 for a case that completes in its first step', async () => {
    await publishDefinition(
      t.db,
      {
        key: 'instant',
        version: 1,
        name: { zh: '自动通过' },
        department: 'innovation',
        form: [{ key: 'title', label: { zh: '标题' }, type: 'text' }],
        start: 'auto',
        nodes: [
          {
            id: 'auto',
            kind: 'approval',
            name: { zh: '自动' },
            assignee: { kind: 'role', role: 'nobody', scope: 'nearest' },
            mode: 'single',
            emptyAssignee: 'auto-approve',
            next: 'end',
          },
          { id: 'end', kind: 'end', name: { zh: '通过' }, outcome: 'approved' },
        ],
      },
      null,
    );
    const applicant = await login(t.app, 'zhangwei');
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: applicant,
      payload: { processKey: 'instant', data: { title: 'now' } },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<CaseDetailDto>()).toMatchObject({ status: 'completed', outcome: 'approved' });
  });
});
