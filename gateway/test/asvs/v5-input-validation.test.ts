import { randomUUID } from 'node:crypto';
import { publishDefinition, simpleApproval } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../../workers/test-support/engine-harness';
import { encodeCursor } from '../../src/cases/cursor';
import { type AuthHeaders, createTestApp, login, type TestApp } from '../../test-support/app-harness';
import { startSimpleCase, tableCounts } from '../../test-support/write-checks';

let t: TestApp;
let engine: EngineHarness;
let member: AuthHeaders;
let reviewer: AuthHeaders;
let caseId: string;
let taskId: string;

/** Attachments on the start form and on the review, so file ownership is checked at both. */
const withAttachment: ProcessDefinition = {
  ...simpleApproval,
  key: 'with-attachment',
  form: [...simpleApproval.form, { key: 'evidence', label: { zh: '证据', en: 'Evidence' }, type: 'file' }],
  nodes: simpleApproval.nodes.map((n) =>
    n.kind === 'approval'
      ? { ...n, form: [{ key: 'opinionFile', label: { zh: '审核附件', en: 'Review file' }, type: 'file' }] }
      : n,
  ),
};
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

beforeAll(async () => {
  const taskQueue = `asvs-v5-${randomUUID()}`;
  t = await createTestApp({ withTemporal: true, taskQueue });
  engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });
  await publishDefinition(t.db, withAttachment, null);
  member = await login(t.app, 'zhangwei');
  reviewer = await login(t.app, 'lina');
  ({ caseId, taskId } = await startSimpleCase(t.app, member, '输入校验'));
});
afterEach(() => {
  delete process.env.UPLOAD_QUOTA_BYTES;
});
afterAll(async () => {
  await engine?.close();
  await t?.close();
});

const TABLES = ['cases', 'tasks', 'timeline_events', 'audit_events', 'files', 'idempotency_keys'] as const;
const counts = () => tableCounts(t.db, TABLES);

const upload = (headers: AuthHeaders, filename: string, body = PNG) =>
  t.app.inject({
    method: 'POST',
    url: `/api/files?filename=${encodeURIComponent(filename)}`,
    headers: { ...headers, 'content-type': 'image/png' },
    payload: body,
  });

describe('V5.1.3 strings PostgreSQL cannot store are refused at the edge with 400', () => {
  const poison = {
    NUL: 'a\u0000b',
    'a control character': 'bell\u0007',
    'a lone high surrogate': 'x\uD800y',
    'a lone low surrogate': '\uDC00',
  };

  for (const [what, value] of Object.entries(poison)) {
    it(`V5.1.3 refuses ${what} on urge, decision, start and supplement, writing nothing`, async () => {
      const before = await counts();
      const requests = [
        { url: `/api/cases/${caseId}/urge`, headers: member, payload: { comment: value } },
        {
          url: `/api/cases/${caseId}/supplement`,
          headers: member,
          payload: { data: { description: value } },
        },
        {
          url: `/api/tasks/${taskId}/decisions`,
          headers: reviewer,
          payload: { action: 'approve', comment: value },
        },
        {
          url: '/api/cases',
          headers: member,
          payload: { processKey: 'simple-approval', data: { title: value } },
        },
        // In a key, not only in a value.
        {
          url: '/api/cases',
          headers: member,
          payload: { processKey: 'simple-approval', data: { [value]: 1 } },
        },
      ];
      for (const r of requests) {
        const res = await t.app.inject({ method: 'POST', ...r });
        expect(res.statusCode, `${r.url} ${res.body}`).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json().detail).toMatch(/控制字符.*control characters/);
      }
      expect(await counts()).toEqual(before);
    });
  }

  it('V5.1.3 refuses them in the query string and path too', async () => {
    const query = await t.app.inject({ method: 'GET', url: '/api/library?q=a%00b', headers: member });
    expect(query.statusCode).toBe(400);
    const path = await t.app.inject({ method: 'GET', url: '/api/cases/a%01b', headers: member });
    expect(path.statusCode).toBe(400);
  });

  it('V5.1.3 still accepts tabs, newlines, emoji and Chinese', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/urge`,
      headers: member,
      payload: { comment: '请尽快\t处理\r\n谢谢 👍' },
    });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('V5.1.3 a 10 MB string is refused before it is parsed (413)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${caseId}/urge`,
      headers: { ...member, 'content-type': 'application/json' },
      payload: JSON.stringify({ comment: 'x'.repeat(10 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('V5.1.4 forged keyset cursors get 400, not 500', () => {
  const forged = [
    'garbage!!',
    encodeCursor(['not a time', 'x']),
    encodeCursor(['2026-13-45T99:00:00Z', 'x']),
    encodeCursor(['2026-12-01T00:00:00Z', 'a\u0000b']),
    encodeCursor(['2026-12-01T00:00:00Z']),
    Buffer.from('{"a":1}').toString('base64url'),
  ];
  for (const url of ['/api/cases', '/api/library', '/api/inbox', '/api/notifications']) {
    it(`V5.1.4 ${url}`, async () => {
      for (const cursor of forged) {
        const res = await t.app.inject({
          method: 'GET',
          url: `${url}?cursor=${encodeURIComponent(cursor)}`,
          headers: member,
        });
        expect(res.statusCode, `${cursor} → ${res.body}`).toBe(400);
        expect(res.json().detail).toContain('cursor');
      }
    });
  }

  it('V5.1.4 the cursors the API hands out still work', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/cases?limit=1', headers: member });
    await startSimpleCase(t.app, member, '第二件');
    const page1 = await t.app.inject({ method: 'GET', url: '/api/cases?limit=1', headers: member });
    const next = page1.json().nextCursor;
    expect(first.statusCode).toBe(200);
    expect(typeof next).toBe('string');
    const page2 = await t.app.inject({
      method: 'GET',
      url: `/api/cases?limit=1&cursor=${encodeURIComponent(next)}`,
      headers: member,
    });
    expect(page2.statusCode).toBe(200);
    const inboxCursor = encodeCursor(['infinity', '2026-12-01 00:00:00.123+00', 'task-x']);
    const inbox = await t.app.inject({
      method: 'GET',
      url: `/api/inbox?cursor=${inboxCursor}`,
      headers: reviewer,
    });
    expect(inbox.statusCode, inbox.body).toBe(200);
  });
});

describe('V5.1.4 money is a safe integer within the field bounds', () => {
  for (const amount of [1e300, 2 ** 53, -1, 1.5]) {
    it(`V5.1.4 refuses ${amount} fen with 422 and starts nothing`, async () => {
      const before = await counts();
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: member,
        payload: { processKey: 'simple-approval', data: { title: '金额', amount } },
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(await counts()).toEqual(before);
    });
  }

  it('V5.1.4 an ordinary amount in fen is still accepted', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: member,
      payload: { processKey: 'simple-approval', data: { title: '正常', amount: 100_000 } },
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('V5.1.3 file fields name the applicant’s own uploads only', () => {
  it('V5.1.3 refuses someone else’s upload (422) and accepts one’s own', async () => {
    const theirs = (await upload(reviewer, 'lina.png')).json().id;
    const mine = (await upload(member, 'mine.png')).json().id;
    const before = await counts();
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: member,
      payload: { processKey: 'with-attachment', data: { title: '附件', evidence: [mine, theirs] } },
    });
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().errors).toEqual([
      { path: '/data/evidence', message: 'is not one of your uploads' },
    ]);
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: member,
      payload: { processKey: 'with-attachment', data: { title: '附件', evidence: [randomUUID()] } },
    });
    expect(unknown.statusCode).toBe(422);
    expect(await counts()).toEqual(before);
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: member,
      payload: { processKey: 'with-attachment', data: { title: '附件', evidence: mine } },
    });
    expect(accepted.statusCode, accepted.body).toBe(201);
  });
});

describe('V5.1.3 a reviewer’s file fields name the reviewer’s own uploads only', () => {
  it('V5.1.3 refuses a decision naming the applicant’s upload (422, nothing decided) and takes one’s own', async () => {
    const applicants = (await upload(member, 'applicant.png')).json().id;
    const own = (await upload(reviewer, 'review.png')).json().id;
    const started = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { ...member, 'idempotency-key': randomUUID() },
      payload: { processKey: 'with-attachment', data: { title: '审核附件' } },
    });
    expect(started.statusCode, started.body).toBe(201);
    const reviewTask = started.json().tasks[0].id as string;
    const decide = (opinionFile: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/tasks/${reviewTask}/decisions`,
        headers: reviewer,
        payload: { action: 'approve', data: { opinionFile } },
      });
    const before = await counts();
    const refused = await decide(applicants);
    expect(refused.statusCode, refused.body).toBe(422);
    expect(refused.json().errors).toEqual([
      { path: '/data/opinionFile', message: 'is not one of your uploads' },
    ]);
    expect(await counts()).toEqual(before);
    const accepted = await decide(own);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().status).toBe('completed');
  });
});

describe('V5.2.2 file names and upload limits', () => {
  it('V5.2.2 strips bidirectional overrides from a file name', async () => {
    const res = await upload(member, 'invoice\u202Egnp.exe\u2066.png');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().filename).toBe('invoicegnp.exe.png');
    const download = await t.app.inject({
      method: 'GET',
      url: `/api/files/${res.json().id}`,
      headers: member,
    });
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent('invoicegnp.exe.png')}`,
    );
  });

  it('V11.1.4 refuses an upload past the per-user quota with 413 and a clear message', async () => {
    const other = await login(t.app, 'chenjie');
    process.env.UPLOAD_QUOTA_BYTES = String(PNG.length * 2);
    expect((await upload(other, 'one.png')).statusCode).toBe(201);
    expect((await upload(other, 'two.png')).statusCode).toBe(201);
    const before = await counts();
    const third = await upload(other, 'three.png');
    expect(third.statusCode).toBe(413);
    expect(third.json().detail).toMatch(/上传空间已用完.*upload space is full/);
    expect(await counts()).toEqual(before);
    // The quota is per user: someone else still uploads.
    expect((await upload(await login(t.app, 'wangfang'), 'wangfang.png')).statusCode).toBe(201);
  });
});
