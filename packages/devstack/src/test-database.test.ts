import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { checkPostgres } from './postgres';
import { createTestDatabase } from './test-database';

const machineUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const machinePostgres = await checkPostgres(machineUrl).then(
  () => true,
  () => false,
);

async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1;
  } finally {
    await client.end();
  }
}

describe('createTestDatabase', () => {
  it.skipIf(!machinePostgres)('creates and drops a uniquely named database on a given server', async () => {
    const [a, b] = await Promise.all([createTestDatabase(machineUrl), createTestDatabase(machineUrl)]);
    expect(a.name).toMatch(/^uf_test_[0-9a-f]{12}$/);
    expect(a.name).not.toBe(b.name);
    expect(new URL(a.url).pathname).toBe(`/${a.name}`);
    expect(await databaseExists(machineUrl, a.name)).toBe(true);
    // drop must succeed even with a client still connected
    const lingering = new pg.Client({ connectionString: a.url });
    lingering.on('error', () => {});
    await lingering.connect();
    await Promise.all([a.drop(), b.drop()]);
    await lingering.end().catch(() => {});
    expect(await databaseExists(machineUrl, a.name)).toBe(false);
  });

  it('falls back to an embedded server shared by the databases of this process', async () => {
    const [a, b] = await Promise.all([createTestDatabase(null), createTestDatabase(null)]);
    try {
      expect(new URL(a.url).port).toBe(new URL(b.url).port);
      const client = new pg.Client({ connectionString: a.url });
      await client.connect();
      expect((await client.query('select current_database() as db')).rows).toEqual([{ db: a.name }]);
      await client.end();
    } finally {
      await a.drop();
      await b.drop();
    }
    const admin = a.url.replace(`/${a.name}`, '/postgres');
    const error = await checkPostgres(admin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
  }, 30_000);
});
