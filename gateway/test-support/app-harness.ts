import { Client, Connection } from '@temporalio/client';
import { createDb, type Database, DEMO_PASSWORD, migrateToLatest, seedDemoOrganisation } from '@unionflow/db';
import { createTestDatabase } from '@unionflow/devstack';
import type { Kysely } from 'kysely';
import { inject } from 'vitest';
import { type App, type BuildAppOptions, buildApp } from '../src/app';
import { requestIdInterceptor } from '../src/observability';
import type { TemporalContext } from '../src/plugins/temporal';

/** Headers that make an `inject` call act as a signed-in user (CSRF included, so writes pass). */
export type AuthHeaders = {
  cookie: string;
  'x-csrf-token': string;
};

/** A gateway over its own fresh, migrated and seeded database. */
export interface TestApp {
  app: App;
  db: Kysely<Database>;
  databaseUrl: string;
  /** Present when created with `withTemporal`. */
  temporal: TemporalContext | null;
  /** Closes the app, the Temporal connection and the pool, then drops the database. */
  close(): Promise<void>;
}

/** Options for {@link createTestApp}: any buildApp option, plus Temporal from the devstack global setup. */
export interface TestAppOptions extends Partial<Omit<BuildAppOptions, 'db' | 'temporal'>> {
  /** Connect to the run's Temporal dev server (`inject('temporalAddress')`). */
  withTemporal?: boolean;
  /** Task queue put in `app.temporal` (default `unionflow-test`). */
  taskQueue?: string;
  /** Called after buildApp and before ready: register extra (test-only) routes here. */
  register?: (app: App) => void;
  /** Skip the demo seed (empty tables, schema only). */
  seed?: boolean;
}

/**
 * Builds the gateway against a new database on the test server (migrated, demo org seeded).
 * Rate limiting is off unless `rateLimit` is given, so suites can sign in freely.
 */
/**
 * Load shedding off: suites run a Temporal worker in the same process, whose workflow bundling pegs the
 * event loop for seconds, and a 503 there is noise, not the behaviour under test. Any app a test builds
 * itself must pass this too, unless shedding is what it tests.
 */
export const NO_LOAD_SHEDDING = { maxEventLoopDelayMs: 600_000, maxEventLoopUtilization: 1 };

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const { withTemporal, taskQueue, seed, register, ...appOptions } = options;
  const database = await createTestDatabase(inject('databaseUrl'));
  const db = createDb(database.url, { max: 5 });
  let connection: Connection | undefined;
  try {
    await migrateToLatest(db);
    if (seed !== false) await seedDemoOrganisation(db);
    let temporal: TemporalContext | null = null;
    if (withTemporal) {
      connection = await Connection.connect({ address: inject('temporalAddress') });
      temporal = {
        client: new Client({
          connection,
          namespace: 'default',
          interceptors: { workflow: [requestIdInterceptor()] },
        }),
        namespace: 'default',
        taskQueue: taskQueue ?? 'unionflow-test',
      };
    }
    const app = buildApp({
      rateLimit: false,
      pressure: NO_LOAD_SHEDDING,
      ...appOptions,
      db,
      databaseUrl: database.url,
      temporal,
    });
    register?.(app);
    await app.ready();
    return {
      app,
      db,
      databaseUrl: database.url,
      temporal,
      close: async () => {
        await app.close();
        await connection?.close();
        await db.destroy();
        await database.drop();
      },
    };
  } catch (error) {
    await connection?.close();
    await db.destroy();
    await database.drop();
    throw error;
  }
}

/**
 * Signs in a user an admin created and makes the forced first password change through
 * `POST /api/auth/password`, as the person would; returns headers for the (same) session.
 */
export async function firstSignIn(
  app: App,
  username: string,
  initialPassword: string,
  newPassword = `${initialPassword}-mine`,
): Promise<AuthHeaders> {
  const auth = await login(app, username, initialPassword);
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/password',
    headers: auth,
    payload: { currentPassword: initialPassword, newPassword },
  });
  if (res.statusCode !== 200)
    throw new Error(`password change of ${username} failed: ${res.statusCode} ${res.body}`);
  return auth;
}

/** The `uf_session=...` pair from a response's Set-Cookie header, or null. */
export function sessionCookieFrom(setCookie: string | string[] | undefined): string | null {
  const all = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  for (const c of all) {
    const pair = c.split(';')[0] ?? '';
    if (pair.startsWith('uf_session=') && pair.length > 'uf_session='.length) return pair;
  }
  return null;
}

/** Signs in through `POST /api/auth/login` (demo password by default) and returns headers to reuse. */
export async function login(
  app: App,
  username: string,
  password: string = DEMO_PASSWORD,
): Promise<AuthHeaders> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login(${username}) failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookieFrom(res.headers['set-cookie']);
  if (!cookie) throw new Error(`login(${username}) set no session cookie`);
  return { cookie, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
}
