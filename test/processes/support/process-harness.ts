import { randomUUID } from 'node:crypto';
import { publishDefinition } from '@unionflow/db';
import type { ProcessDefinition } from '@unionflow/process-model';
import type { App } from '../../../gateway/src/app';
import {
  type AuthHeaders,
  createTestApp,
  login,
  type TestApp,
} from '../../../gateway/test-support/app-harness';
import { createEngineHarness, type EngineHarness } from '../../../workers/test-support/engine-harness';

/** The parts of a case the process tests read. */
export interface CaseDto {
  id: string;
  number: string;
  title: string;
  status: string;
  outcome: string | null;
  outcomeName?: { zh: string; en?: string } | null;
  currentNodeIds: string[];
  predictedPath: { nodeId: string }[];
  dataFields: { key: string; label: { zh: string; en?: string }; type: string }[];
  data: Record<string, unknown>;
  tasks: {
    id: string;
    nodeId: string;
    status: string;
    kind: string;
    candidates: { username: string }[];
    form: { key: string; options?: { value: string; label: { zh: string } }[] }[];
  }[];
  timeline: {
    type: string;
    nodeId: string | null;
    comment: string | null;
    actor: { username: string } | null;
  }[];
}

/** A gateway and a real worker over one fresh database, driven over HTTP as the demo users. */
export interface ProcessHarness {
  t: TestApp;
  engine: EngineHarness;
  /** Publishes a (shortened) copy of a definition as the next version of its key. */
  publish(def: ProcessDefinition): Promise<void>;
  as(username: string): Promise<AuthHeaders>;
  /** `POST /api/cases`; returns the status code and the case. */
  start(
    username: string,
    processKey: string,
    data: Record<string, unknown>,
  ): Promise<{ status: number; body: CaseDto & { detail?: string } }>;
  get(username: string, caseId: string): Promise<{ status: number; body: CaseDto }>;
  /** The open task at `nodeId` (waits for it: timers and services finish asynchronously). */
  task(caseId: string, nodeId: string, username?: string): Promise<CaseDto['tasks'][number]>;
  decide(
    username: string,
    taskId: string,
    body: { action: string; comment?: string; data?: Record<string, unknown>; to?: string },
  ): Promise<{ status: number; body: CaseDto & { detail?: string } }>;
  /** An applicant action (`withdraw|urge|supplement|object`). */
  act(
    username: string,
    caseId: string,
    action: string,
    body?: { comment?: string; data?: Record<string, unknown> },
  ): Promise<{ status: number; body: CaseDto & { detail?: string } }>;
  /** Waits until the case (as `username` sees it) satisfies `check`. */
  until(
    username: string,
    caseId: string,
    check: (c: CaseDto) => boolean,
    timeoutMs?: number,
  ): Promise<CaseDto>;
  close(): Promise<void>;
}

/** Builds the harness; `register` adds route plugins the app does not load by default. */
export async function createProcessHarness(register?: (app: App) => void): Promise<ProcessHarness> {
  const taskQueue = `processes-${randomUUID()}`;
  // The worker shares this process (and bundles its workflows here), so load shedding would refuse the test's own calls.
  const pressure = { maxEventLoopDelayMs: 600_000, maxEventLoopUtilization: 1 };
  const t = await createTestApp({ withTemporal: true, taskQueue, register, pressure });
  const engine = await createEngineHarness({ databaseUrl: t.databaseUrl, taskQueue });
  const sessions = new Map<string, AuthHeaders>();
  const as = async (username: string) => {
    let headers = sessions.get(username);
    if (!headers) {
      headers = await login(t.app, username);
      sessions.set(username, headers);
    }
    return headers;
  };
  const get = async (username: string, caseId: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}`,
      headers: await as(username),
    });
    return { status: res.statusCode, body: res.json() as CaseDto };
  };
  const until = async (
    username: string,
    caseId: string,
    check: (c: CaseDto) => boolean,
    timeoutMs = 30_000,
  ) =>
    engine.eventually(async () => {
      const { status, body } = await get(username, caseId);
      return status === 200 && check(body) ? body : undefined;
    }, timeoutMs);
  const open = (s: string) => s === 'open' || s === 'claimed';
  return {
    t,
    engine,
    async publish(def) {
      await publishDefinition(t.db, def, 'u-admin');
    },
    as,
    async start(username, processKey, data) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: { ...(await as(username)), 'idempotency-key': randomUUID() },
        payload: { processKey, data },
      });
      return { status: res.statusCode, body: res.json() };
    },
    get,
    async task(caseId, nodeId, username = 'admin') {
      const c = await until(username, caseId, (x) =>
        x.tasks.some((k) => k.nodeId === nodeId && open(k.status)),
      );
      return c.tasks.find((k) => k.nodeId === nodeId && open(k.status))!;
    },
    async decide(username, taskId, body) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/tasks/${encodeURIComponent(taskId)}/decisions`,
        headers: { ...(await as(username)), 'idempotency-key': randomUUID() },
        payload: body,
      });
      return { status: res.statusCode, body: res.json() };
    },
    async act(username, caseId, action, body) {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/cases/${caseId}/${action}`,
        headers: { ...(await as(username)), 'idempotency-key': randomUUID() },
        ...(body ? { payload: body } : {}),
      });
      return { status: res.statusCode, body: res.json() };
    },
    until,
    async close() {
      await engine?.close();
      await t?.close();
    },
  };
}
