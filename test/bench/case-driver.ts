import { randomUUID } from 'node:crypto';
import { caseIdFor } from '../../gateway/src/cases/engine-client';
import type { BenchUser } from './bench-users';
import { THREE_STEPS } from './bench-users';
import { type Answer, get, inboxTasks, post, type TaskItem } from './http-client';

/** Latency samples by scenario name, and failures by scenario name. */
export class Recorder {
  readonly samples = new Map<string, number[]>();
  readonly errors = new Map<string, number>();
  readonly statuses = new Map<string, number>();

  add(name: string, ms: number): void {
    const list = this.samples.get(name) ?? [];
    list.push(ms);
    this.samples.set(name, list);
  }

  fail(name: string, why: string): void {
    this.errors.set(name, (this.errors.get(name) ?? 0) + 1);
    this.statuses.set(`${name}: ${why}`, (this.statuses.get(`${name}: ${why}`) ?? 0) + 1);
  }
}

/** One decision the generator sent, and what came of it. */
export interface LedgerEntry {
  caseId: string;
  nodeId: string;
  taskId: string;
  actorId: string;
  /** Idempotency keys used, in order (a new key only once the first is known to be lost). */
  keys: string[];
  /** ok: 200 answer; observed: no answer, but the step was seen decided afterwards. */
  result: 'ok' | 'observed' | 'failed';
}

/** Who plays which part, and how patient the generator is. */
export interface DriverContext {
  /** Gateways; each person sticks to one (as a browser keeps its connection). */
  bases: string[];
  applicants: BenchUser[];
  reviewers: BenchUser[];
  recorder: Recorder;
  /** Chaos mode: retry through outages and keep a ledger; bench mode: count failures and move on. */
  ledger?: LedgerEntry[];
  pollMs?: number;
  /** Give up waiting for a task after this long. */
  visibleTimeoutMs?: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const baseOf = (ctx: DriverContext, user: BenchUser, n: number) =>
  ctx.bases[(Number(user.id.split('-').pop()) + n) % ctx.bases.length]!;
const transient = (a: Answer) => a.status >= 500 || a.status === 429 || a.status === 0;

async function attempt<T>(call: () => Promise<Answer<T>>): Promise<Answer<T>> {
  try {
    return await call();
  } catch (error) {
    return { status: 0, body: String(error) as T };
  }
}

/** Polls `reviewer`'s inbox every pollMs until the case's task shows up; null on timeout. */
async function waitForTask(
  ctx: DriverContext,
  reviewer: BenchUser,
  caseId: string,
  base: string,
): Promise<TaskItem | null> {
  const deadline = performance.now() + (ctx.visibleTimeoutMs ?? 10_000);
  while (performance.now() < deadline) {
    const t = performance.now();
    const page = await attempt(() => inboxTasks(base, reviewer));
    if (page.status === 200) {
      ctx.recorder.add('inbox page', performance.now() - t);
      const task = page.body.find((item) => item.caseId === caseId);
      if (task) return task;
    } else ctx.recorder.fail('inbox page', String(page.status));
    await sleep(ctx.pollMs ?? 10);
  }
  return null;
}

/** Starts a three-step case as `applicant`; returns its id, or null if it could not be started. */
async function startCase(
  ctx: DriverContext,
  applicant: BenchUser,
  reviewers: BenchUser[],
  n: number,
): Promise<string | null> {
  let key = randomUUID();
  const data = {
    title: `压测案件 ${n}`,
    r1: reviewers[0]!.username,
    r2: reviewers[1]!.username,
    r3: reviewers[2]!.username,
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    const t = performance.now();
    const a = await attempt(() =>
      post<{ id: string }>(
        baseOf(ctx, applicant, n),
        '/api/cases',
        applicant,
        { processKey: THREE_STEPS, data },
        key,
      ),
    );
    if (a.status === 201) {
      ctx.recorder.add('start case (POST /api/cases)', performance.now() - t);
      return a.body.id;
    }
    ctx.recorder.fail('start case (POST /api/cases)', String(a.status));
    // The same key always names the same case (USE_EXISTING), so retrying is safe.
    if (!ctx.ledger || Date.now() > deadline || !(transient(a) || a.status === 409)) return null;
    if (a.status === 409) {
      // The key's reservation is held by a gateway that died mid-request; the case it names may or
      // may not exist. If it does, carry on with it; if not, a new key (a new case) is safe, and
      // anything the dead request did start is finished by the sweep at the end.
      const id = caseIdFor(applicant.id, key);
      const seen = await attempt(() => get(baseOf(ctx, applicant, n), `/api/cases/${id}`, applicant));
      if (seen.status === 200) return id;
      key = randomUUID();
    }
    await sleep(a.status === 409 ? 1000 : 300);
  }
}

/** Sends one approval; in chaos mode retries until the step is known decided (by us, exactly once). */
export async function decide(
  ctx: DriverContext,
  reviewer: BenchUser,
  task: TaskItem,
  base: string,
): Promise<boolean> {
  const entry: LedgerEntry = {
    caseId: task.caseId,
    nodeId: task.nodeId,
    taskId: task.id,
    actorId: reviewer.id,
    keys: [randomUUID()],
    result: 'failed',
  };
  ctx.ledger?.push(entry);
  const deadline = Date.now() + 180_000;
  for (;;) {
    const t = performance.now();
    const a = await attempt(() =>
      post(base, `/api/tasks/${task.id}/decisions`, reviewer, { action: 'approve' }, entry.keys.at(-1)!),
    );
    if (a.status === 200) {
      ctx.recorder.add('decision (POST /api/tasks/:id/decisions)', performance.now() - t);
      entry.result = 'ok';
      return true;
    }
    ctx.recorder.fail('decision (POST /api/tasks/:id/decisions)', String(a.status));
    if (!ctx.ledger || Date.now() > deadline) return false;
    if (a.status === 409 || a.status === 404) {
      // Either our earlier attempt went through (its answer lost with a killed gateway), or its
      // reservation is held by a dead gateway. Look at the case to tell which.
      const open = await taskStillOpen(reviewer, task, base);
      if (open === false) {
        entry.result = 'observed';
        return true;
      }
      // Still open: the key is stuck on a dead gateway's reservation; a fresh key is safe, because the
      // workflow refuses a second decision on the same task.
      if (open === true && a.status === 409) entry.keys.push(randomUUID());
      await sleep(1000);
    } else await sleep(300);
  }
}

async function taskStillOpen(reviewer: BenchUser, task: TaskItem, base: string): Promise<boolean | null> {
  const a = await attempt(() =>
    get<{ tasks: { id: string; status: string }[] }>(base, `/api/cases/${task.caseId}`, reviewer),
  );
  if (a.status === 404) return false;
  if (a.status !== 200) return null;
  return a.body.tasks.some((t) => t.id === task.id && t.status === 'open');
}

/**
 * Plays one three-step case end to end as people would: the applicant submits, each reviewer finds
 * the task in the inbox, opens the case and approves. Returns true when the case completed.
 */
export async function driveCase(ctx: DriverContext, n: number): Promise<boolean> {
  const applicant = ctx.applicants[n % ctx.applicants.length]!;
  const offset = (n * 7) % ctx.reviewers.length;
  const reviewers = [0, 1, 2].map((k) => ctx.reviewers[(offset + k * 13) % ctx.reviewers.length]!);
  let since = performance.now();
  const caseId = await startCase(ctx, applicant, reviewers, n);
  if (!caseId) return false;
  for (const [k, reviewer] of reviewers.entries()) {
    const base = baseOf(ctx, reviewer, n);
    const task = await waitForTask(ctx, reviewer, caseId, base);
    const scenario = k === 0 ? 'submit → task in inbox' : 'decision → next task in inbox';
    if (!task) {
      ctx.recorder.fail(scenario, 'timeout');
      return false;
    }
    ctx.recorder.add(scenario, performance.now() - since);
    const t = performance.now();
    const detail = await attempt(() => get(base, `/api/cases/${caseId}`, reviewer));
    if (detail.status === 200) ctx.recorder.add('case detail', performance.now() - t);
    else ctx.recorder.fail('case detail', String(detail.status));
    since = performance.now();
    if (!(await decide(ctx, reviewer, task, base))) return false;
  }
  return true;
}

/** Starts a case and leaves it in the first reviewer's inbox (the pure start-rate scenario). */
export async function startOnly(ctx: DriverContext, n: number): Promise<boolean> {
  const applicant = ctx.applicants[n % ctx.applicants.length]!;
  const offset = (n * 7) % ctx.reviewers.length;
  const reviewers = [0, 1, 2].map((k) => ctx.reviewers[(offset + k * 13) % ctx.reviewers.length]!);
  return (await startCase(ctx, applicant, reviewers, n)) !== null;
}
