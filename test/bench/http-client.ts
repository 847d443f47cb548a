import type { BenchUser } from './bench-users';

/** An HTTP answer: status and parsed JSON (null when the body was not JSON). */
export interface Answer<T = unknown> {
  status: number;
  body: T;
}

/** A task as the inbox and case detail show it (only what the generator needs). */
export interface TaskItem {
  id: string;
  caseId: string;
  nodeId: string;
}

function headers(user: BenchUser, extra: Record<string, string> = {}): Record<string, string> {
  return { cookie: user.cookie, 'x-forwarded-for': user.ip, ...extra };
}

async function answer<T>(res: Response): Promise<Answer<T>> {
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, body: body as T };
}

/** GET as `user`. */
export async function get<T = unknown>(
  base: string,
  path: string,
  user: BenchUser,
  timeoutMs = 30_000,
): Promise<Answer<T>> {
  const res = await fetch(`${base}${path}`, {
    headers: headers(user),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return answer<T>(res);
}

/** A write as `user`: JSON body, CSRF header and an Idempotency-Key, as the apps send them. */
export async function post<T = unknown>(
  base: string,
  path: string,
  user: BenchUser,
  body: unknown,
  idempotencyKey: string,
  timeoutMs = 30_000,
): Promise<Answer<T>> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: headers(user, {
      'content-type': 'application/json',
      'x-csrf-token': user.csrf,
      'idempotency-key': idempotencyKey,
    }),
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  return answer<T>(res);
}

/** The caller's open tasks on the first inbox page. */
export async function inboxTasks(base: string, user: BenchUser, limit = 50): Promise<Answer<TaskItem[]>> {
  const a = await get<{ items?: TaskItem[] }>(base, `/api/inbox?limit=${limit}`, user);
  return { status: a.status, body: a.status === 200 ? (a.body.items ?? []) : [] };
}
