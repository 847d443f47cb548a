import type { MeDto } from '@unionflow/contracts';
import { DEMO_PASSWORD } from '@unionflow/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultLoginThrottlePolicy, delayAfter } from '../../src/auth';
import {
  type AuthHeaders,
  createTestApp,
  login,
  sessionCookieFrom,
  type TestApp,
} from '../../test-support/app-harness';

let t: TestApp;
let admin: AuthHeaders;

const GOOD_INITIAL = 'river-lantern-42';

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
});
afterAll(async () => {
  await t?.close();
});

function createUser(username: string, password: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/admin/users',
    headers: admin,
    payload: { username, displayName: username, orgId: 'org-steel', roles: ['member'], password },
  });
}

function signIn(username: string, password: string, remoteAddress = '127.0.0.1') {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress,
  });
}

function changePassword(auth: AuthHeaders, currentPassword: string, newPassword: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: auth,
    payload: { currentPassword, newPassword },
  });
}

async function headersOf(res: Awaited<ReturnType<typeof signIn>>): Promise<AuthHeaders> {
  expect(res.statusCode, res.body).toBe(200);
  return {
    cookie: sessionCookieFrom(res.headers['set-cookie'])!,
    'x-csrf-token': res.json<MeDto>().csrfToken,
  };
}

async function hashOf(username: string): Promise<string> {
  const row = await t.db
    .selectFrom('users')
    .select('password_hash')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.password_hash;
}

describe('V2.1 password security', () => {
  it('V2.1.1 refuses an initial password shorter than 12 characters with 422 and creates nobody', async () => {
    const res = await createUser('shortpw', 'abcdefghij1');
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().detail).toBe('密码至少需要 12 个字符 / the password needs at least 12 characters');
    expect(await t.db.selectFrom('users').select('id').where('username', '=', 'shortpw').execute()).toEqual(
      [],
    );
  });

  it('V2.1.7 refuses a common password (from the breached-password list) with 422 and creates nobody', async () => {
    for (const common of ['qwerty123456', 'QAZWSXEDCRFV']) {
      const res = await createUser('commonpw', common);
      expect(res.statusCode, common).toBe(422);
      expect(res.json().detail).toContain('common password');
    }
    expect(await t.db.selectFrom('users').select('id').where('username', '=', 'commonpw').execute()).toEqual(
      [],
    );
  });

  it('V2.1.1 existing 8-character passwords still sign in: the rule applies to new passwords only', async () => {
    const res = await signIn('zhangwei', DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json<MeDto>().mustChangePassword).toBe(false);
  });
});

describe('V2.1.6 / V2.3.1 forced change of an admin-set password, and change-password', () => {
  it('V2.3.1 an admin-created user must change the initial password before using anything else', async () => {
    expect((await createUser('xinren', GOOD_INITIAL)).statusCode).toBe(201);
    const auth = await headersOf(await signIn('xinren', GOOD_INITIAL));
    const me = await t.app.inject({ url: '/api/me', headers: auth });
    expect(me.json<MeDto>().mustChangePassword).toBe(true);

    for (const url of ['/api/inbox', '/api/processes', '/api/cases']) {
      const refused = await t.app.inject({ url, headers: auth });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().code).toBe('password-change-required');
      expect(refused.json().detail).toContain('change the initial password');
    }
    // The rules apply here too; a refusal changes nothing.
    const before = await hashOf('xinren');
    expect((await changePassword(auth, GOOD_INITIAL, 'short-one')).statusCode).toBe(422);
    expect((await changePassword(auth, GOOD_INITIAL, '1q2w3e4r5t6y')).statusCode).toBe(422);
    expect((await changePassword(auth, GOOD_INITIAL, GOOD_INITIAL)).statusCode).toBe(422);
    expect(await hashOf('xinren')).toBe(before);

    const changed = await changePassword(auth, GOOD_INITIAL, 'my-own-harbour-7');
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<MeDto>().mustChangePassword).toBe(false);
    expect((await t.app.inject({ url: '/api/inbox', headers: auth })).statusCode).toBe(200);
    expect((await signIn('xinren', GOOD_INITIAL)).statusCode).toBe(401);
    expect((await signIn('xinren', 'my-own-harbour-7')).statusCode).toBe(200);
  });

  it('V2.1.6 change-password needs the current password: a wrong one is 422 and writes nothing', async () => {
    const auth = await login(t.app, 'liuyang');
    const before = await hashOf('liuyang');
    const wrong = await changePassword(auth, 'not-my-password', 'a-brand-new-secret-9');
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().detail).toBe('当前密码不正确 / the current password is wrong');
    expect(await hashOf('liuyang')).toBe(before);
  });

  it('V2.1.6 a change signs out the other sessions of the user and keeps this one', async () => {
    const phone = await login(t.app, 'wangfang');
    const desk = await login(t.app, 'wangfang');
    const res = await changePassword(desk, DEMO_PASSWORD, 'lotus-bridge-2026');
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.app.inject({ url: '/api/me', headers: phone })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/me', headers: desk })).statusCode).toBe(200);
  });

  it('V2.1.6 refuses a change without the CSRF token (403) and writes nothing', async () => {
    const auth = await login(t.app, 'chenjie');
    const before = await hashOf('chenjie');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: auth.cookie },
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'quiet-meadow-7788' },
    });
    expect(res.statusCode).toBe(403);
    expect(await hashOf('chenjie')).toBe(before);
  });
});

describe('V2.2.1 anti-automation: progressive delay per account and source', () => {
  const attacker = '203.0.113.7';
  const owner = '198.51.100.20';

  it('V2.2.1 failures from one address slow down that address only; the owner elsewhere still signs in', async () => {
    for (let i = 0; i < 3; i++) expect((await signIn('admin', `guess-${i}`, attacker)).statusCode).toBe(401);
    // The fourth failure starts the delay: now even the right password waits, from this address.
    expect((await signIn('admin', 'guess-3', attacker)).statusCode).toBe(401);
    const waiting = await signIn('admin', DEMO_PASSWORD, attacker);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.headers['content-type']).toContain('application/problem+json');
    expect(waiting.json().detail).toContain('too many failed attempts');
    const firstWait = Number(waiting.headers['retry-after']);
    expect(firstWait).toBeGreaterThan(0);
    expect(firstWait).toBeLessThanOrEqual(2);
    // Nobody can lock the account out: the owner, from their own address, signs in at once.
    expect((await signIn('admin', DEMO_PASSWORD, owner)).statusCode).toBe(200);
  });

  it('V2.2.1 the delay doubles with each further failure, up to a cap', async () => {
    const row = () =>
      t.db
        .selectFrom('login_throttle')
        .selectAll()
        .where('username', '=', 'admin')
        .where('source', '=', attacker)
        .executeTakeFirstOrThrow();
    const waits: number[] = [];
    for (let i = 0; i < 3; i++) {
      // Let the current wait pass, then fail once more.
      await t.db
        .updateTable('login_throttle')
        .set({ retry_at: new Date(Date.now() - 1) })
        .where('username', '=', 'admin')
        .where('source', '=', attacker)
        .execute();
      expect((await signIn('admin', `again-${i}`, attacker)).statusCode).toBe(401);
      const r = await row();
      waits.push(new Date(r.retry_at!).getTime() - new Date(r.updated_at).getTime());
    }
    expect(waits).toEqual([4_000, 8_000, 16_000]);
    // However long an attack goes on, one address waits at most 15 minutes between tries.
    expect(delayAfter(1_000, defaultLoginThrottlePolicy)).toBe(15 * 60_000);
    expect((await signIn('admin', DEMO_PASSWORD, attacker)).statusCode).toBe(429);
    expect((await signIn('admin', DEMO_PASSWORD, owner)).statusCode).toBe(200);
  });

  it('V2.2.1 unknown usernames are slowed down the same way (no user enumeration)', async () => {
    for (let i = 0; i < 4; i++)
      expect((await signIn('no-such-person', `x-${i}`, attacker)).statusCode).toBe(401);
    const waiting = await signIn('no-such-person', 'x', attacker);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().detail).toContain('too many failed attempts');
  });

  it('V2.2.1 wrong current passwords on change-password count as failures for that source', async () => {
    const auth = await login(t.app, 'zhaolei');
    const wrong = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: auth,
        payload: { currentPassword: 'guess', newPassword: 'a-brand-new-secret-9' },
      });
    for (let i = 0; i < 4; i++) expect((await wrong()).statusCode).toBe(422);
    expect((await wrong()).statusCode).toBe(429);
  });
});
