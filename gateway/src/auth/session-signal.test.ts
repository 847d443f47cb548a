import { createDb, type Database, SESSIONS_CHANNEL } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, login, NO_LOAD_SHEDDING, type TestApp } from '../../test-support/app-harness';
import { type App, buildApp } from '../app';

// Two gateways on one database, as in production: a change made through one (or in SQL) must reach the
// other's session cache at once, since that cache keeps a session for up to 30 s (ADR 043).
let a: TestApp;
let bDb: Kysely<Database>;
let b: App;

/** Well inside the 30 s a cached session may live, so only the signal can make it in time. */
const SOON = { timeout: 3_000, interval: 25 };

const meOnB = (cookie: string) => async () =>
  (await b.inject({ url: '/api/me', headers: { cookie } })).statusCode;

beforeAll(async () => {
  a = await createTestApp({ domainRoutes: false });
  bDb = createDb(a.databaseUrl, { max: 3 });
  b = buildApp({
    db: bDb,
    databaseUrl: a.databaseUrl,
    temporal: null,
    rateLimit: false,
    pressure: NO_LOAD_SHEDDING,
    domainRoutes: false,
  });
  await b.ready();
  await vi.waitFor(() => expect(b.events.hub.listening).toBe(true), { timeout: 3_000 });
});
afterAll(async () => {
  await b?.close();
  await bDb?.destroy();
  await a?.close();
});

describe('sessions cached by another gateway', () => {
  it('a sign-out through one gateway ends the session on the other at once', async () => {
    const auth = await login(a.app, 'lina');
    expect(await meOnB(auth.cookie)()).toBe(200); // now cached on B
    expect((await a.app.inject({ method: 'POST', url: '/api/auth/logout', headers: auth })).statusCode).toBe(
      204,
    );
    await expect.poll(meOnB(auth.cookie), SOON).toBe(401);
  });

  it('a deactivation or a role taken away in SQL reaches the other gateway too', async () => {
    const auth = await login(a.app, 'zhaolei');
    const roles = async () =>
      (await b.inject({ url: '/api/me', headers: { cookie: auth.cookie } })).json().roles;
    expect(await roles()).toContain('grassroots-cadre');
    await sql`DELETE FROM user_roles WHERE user_id = 'u-zhaolei' AND role = 'grassroots-cadre'`.execute(a.db);
    await expect.poll(roles, SOON).not.toContain('grassroots-cadre');

    await sql`UPDATE users SET disabled = true WHERE id = 'u-zhaolei'`.execute(a.db);
    await expect.poll(meOnB(auth.cookie), SOON).toBe(401);
  });

  it('a session being touched is not a change: the database stays silent', async () => {
    const listener = new pg.Client({ connectionString: a.databaseUrl });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(n.channel));
    await listener.query(`LISTEN ${SESSIONS_CHANNEL}`);
    try {
      await login(a.app, 'wangfang');
      await new Promise((r) => setTimeout(r, 200));
      heard.length = 0;
      await sql`UPDATE sessions SET last_seen_at = now()`.execute(a.db);
      await new Promise((r) => setTimeout(r, 300));
      expect(heard).toEqual([]);
      await sql`UPDATE sessions SET expires_at = expires_at - interval '1 minute'`.execute(a.db);
      await expect.poll(() => heard, SOON).toContain(SESSIONS_CHANNEL);
    } finally {
      await listener.end();
    }
  });
});
