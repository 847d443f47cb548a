import { randomUUID } from 'node:crypto';

/**
 * Signs a demo user in over HTTP and returns a caller that sends their cookie, CSRF token and a fresh
 * Idempotency-Key: how a suite puts cases in place before the browser looks at them.
 */
export async function apiAs(base: string, username: string) {
  // A platform just started sheds load (503) while its in-process worker warms up: sign in after it.
  let login: Response;
  for (let attempt = 0; ; attempt++) {
    login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo1234' }),
    });
    if (login.status !== 503 || attempt >= 60) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('uf_session='));
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> => {
    const key = randomUUID();
    // The worker bundles its workflows in this process at start-up; the gateway sheds load meanwhile.
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          cookie: cookie ?? '',
          'x-csrf-token': csrfToken,
          'idempotency-key': key,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (res.status === 503 && attempt < 60) {
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      return { status: res.status, body: (await res.json()) as T };
    }
  };
}
