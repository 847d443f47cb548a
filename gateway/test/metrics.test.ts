import { randomUUID } from 'node:crypto';
import type { CaseDetailDto, InboxPageDto } from '@unionflow/contracts';
import { dashboardSeries } from '@unionflow/devstack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngineHarness, type EngineHarness } from '../../workers/test-support/engine-harness';
import { createTestApp, login, type TestApp } from '../test-support/app-harness';
import { openEventStream } from './sse-client';

const TOKEN = 'ops-token-for-tests';
let t: TestApp;
let engine: EngineHarness;
let baseUrl: string;

beforeAll(async () => {
  const taskQueue = `metrics-${randomUUID()}`;
  t = await createTestApp({ withTemporal: true, taskQueue, metricsToken: TOKEN });
  engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });
  baseUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
  // Bundling the workflows takes a while on a busy machine.
}, 180_000);
afterAll(async () => {
  await engine?.close();
  await t?.close();
});

/** Scrapes over loopback and returns the value of one sample line (0 when absent). */
async function sample(name: string, labels: Record<string, string> = {}): Promise<number> {
  const res = await t.app.inject({ url: '/metrics' });
  expect(res.statusCode).toBe(200);
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of res.body.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (wanted.every((pair) => line.includes(pair))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return 0;
}

describe('GET /metrics', () => {
  it('counts requests by route, 4xx, Update latency and open event streams after a case completes', async () => {
    const starts = { method: 'POST', route: '/api/cases', status_class: '2xx' };
    const decisions = { method: 'POST', route: '/api/tasks/:id/decisions', status_class: '2xx' };
    const notFound = { method: 'GET', route: '/api/cases/:id', status_class: '4xx' };
    const before = {
      starts: await sample('unionflow_http_requests_total', starts),
      decisions: await sample('unionflow_http_requests_total', decisions),
      notFound: await sample('unionflow_http_requests_total', notFound),
      decideLatency: await sample('unionflow_temporal_update_duration_seconds_count', {
        update: 'decide',
        outcome: 'ok',
      }),
      readyLatency: await sample('unionflow_temporal_update_duration_seconds_count', { update: 'ready' }),
      sse: await sample('unionflow_sse_connections'),
    };

    const applicant = await login(t.app, 'zhangwei');
    const stream = await openEventStream(`${baseUrl}/api/events`, { cookie: applicant.cookie });
    await stream.waitFor((frame) => frame.event === 'ready');
    expect(await sample('unionflow_sse_connections')).toBe(before.sse + 1);

    const created = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      headers: { ...applicant, 'idempotency-key': randomUUID() },
      payload: { processKey: 'simple-approval', data: { title: '更换除尘布袋' } },
    });
    expect(created.statusCode).toBe(201);
    const caseId = created.json<CaseDetailDto>().id;
    const reviewer = await login(t.app, 'lina');
    const inbox = (
      await t.app.inject({ method: 'GET', url: '/api/inbox', headers: reviewer })
    ).json<InboxPageDto>();
    const task = inbox.items.find((item) => item.caseId === caseId);
    const decided = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${encodeURIComponent(task!.id)}/decisions`,
      headers: { ...reviewer, 'idempotency-key': randomUUID() },
      payload: { action: 'approve' },
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json<CaseDetailDto>().status).toBe('completed');
    const missing = await t.app.inject({ url: `/api/cases/${randomUUID()}`, headers: applicant });
    expect(missing.statusCode).toBe(404);

    expect(await sample('unionflow_http_requests_total', starts)).toBe(before.starts + 1);
    expect(await sample('unionflow_http_requests_total', decisions)).toBe(before.decisions + 1);
    expect(await sample('unionflow_http_requests_total', notFound)).toBe(before.notFound + 1);
    expect(
      await sample('unionflow_temporal_update_duration_seconds_count', { update: 'decide', outcome: 'ok' }),
    ).toBe(before.decideLatency + 1);
    expect(await sample('unionflow_temporal_update_duration_seconds_count', { update: 'ready' })).toBe(
      before.readyLatency + 1,
    );
    expect(
      await sample('unionflow_http_request_duration_seconds_count', { method: 'POST', route: '/api/cases' }),
    ).toBeGreaterThanOrEqual(1);

    stream.close();
    await expect.poll(() => sample('unionflow_sse_connections')).toBe(before.sse);
  }, 120_000);

  it('exposes every series the operations dashboard (deploy/grafana) queries from the gateway', async () => {
    const wanted = dashboardSeries('unionflow-gateway');
    expect(wanted).toContain('unionflow_http_request_duration_seconds_bucket');
    const body = (await t.app.inject({ url: '/metrics' })).body;
    const exposed = new Set(body.split('\n').map((line) => line.split(/[{ ]/)[0]));
    expect(wanted.filter((name) => !exposed.has(name))).toEqual([]);
  });

  it('V13.1.3 / V4.1.1 refuses a scrape from another host without the ops token, with nothing served', async () => {
    const remote = await t.app.inject({ url: '/metrics', remoteAddress: '203.0.113.7' });
    expect(remote.statusCode).toBe(403);
    expect(remote.headers['content-type']).toContain('application/problem+json');
    expect(remote.json().detail).toMatch(/^指标.* \/ metrics/);
    expect(remote.body).not.toContain('unionflow_http_requests_total');

    const wrong = await t.app.inject({
      url: '/metrics',
      remoteAddress: '203.0.113.7',
      headers: { authorization: 'Bearer not-the-token' },
    });
    expect(wrong.statusCode).toBe(403);

    const withToken = await t.app.inject({
      url: '/metrics',
      remoteAddress: '203.0.113.7',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(withToken.statusCode).toBe(200);
    expect(withToken.headers['content-type']).toContain('text/plain');
    expect(withToken.body).toContain('unionflow_http_requests_total');
  });

  it('V4.1.1 does not take a request relayed by a local reverse proxy for a local scrape', async () => {
    const relayed = await t.app.inject({ url: '/metrics', headers: { 'x-forwarded-for': '198.51.100.4' } });
    expect(relayed.statusCode).toBe(403);
    const forwarded = await t.app.inject({ url: '/metrics', headers: { forwarded: 'for=198.51.100.4' } });
    expect(forwarded.statusCode).toBe(403);
  });

  it('is not part of the public API document', async () => {
    const doc = (await t.app.inject({ url: '/docs/json' })).json();
    expect(doc.paths['/metrics']).toBeUndefined();
  });
});
