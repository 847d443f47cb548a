// `pnpm publish:designer-processes [base-url]`: publishes docs/processes/*.json through the running
// gateway's designer API, signed in as an admin (UNIONFLOW_ADMIN_USER / UNIONFLOW_ADMIN_PASSWORD,
// default the demo admin). Safe to run again: unchanged processes are skipped.
import { randomUUID } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type AdminCall, publishProcessDocument, readProcessDocuments } from './designer-processes';

const baseUrl = (process.argv[2] ?? process.env.UNIONFLOW_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
const username = process.env.UNIONFLOW_ADMIN_USER ?? 'admin';
const password = process.env.UNIONFLOW_ADMIN_PASSWORD ?? 'demo1234';
const folder = join(dirname(fileURLToPath(import.meta.url)), '../docs/processes');

async function signIn(): Promise<AdminCall> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method, path, payload) => {
    const answer = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(method === 'GET' ? {} : { 'idempotency-key': randomUUID() }),
        ...(payload ? { 'content-type': 'application/json' } : {}),
      },
      body: payload ? JSON.stringify(payload) : undefined,
    });
    const text = await answer.text();
    return { status: answer.status, body: text ? JSON.parse(text) : null };
  };
}

const call = await signIn();
for (const document of readProcessDocuments(folder)) {
  const outcome = await publishProcessDocument(call, document);
  const verb = outcome.result === 'published' ? '已发布 published' : '未变化 unchanged';
  console.log(`› ${document.name.zh} (${document.key}): ${verb}, v${outcome.version}`);
}
