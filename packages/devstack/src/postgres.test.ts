import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevstackError } from './errors';
import { checkPostgres, startPostgres } from './postgres';

const machineUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const machinePostgres = await checkPostgres(machineUrl).then(
  () => true,
  () => false,
);

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'uf-pg-test-'));
  await chmod(dir, 0o755);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('startPostgres', () => {
  it.skipIf(!machinePostgres)('uses DATABASE_URL as is when it connects', async () => {
    const running = await startPostgres({ dataDir: join(dir, 'unused'), databaseUrl: machineUrl });
    expect(running).toMatchObject({ url: machineUrl, embedded: false });
    await running.stop();
  });

  it('reports an unreachable DATABASE_URL in one line', async () => {
    const error = await startPostgres({
      dataDir: join(dir, 'unused'),
      databaseUrl: 'postgres://postgres@127.0.0.1:1/nowhere',
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DevstackError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^Cannot reach PostgreSQL at DATABASE_URL \(127\.0\.0\.1:1\): .*ECONNREFUSED.*\. Check the URL or unset it to use the embedded database\.$/,
    );
    expect(message).not.toContain('\n');
  });

  it('starts an embedded server, creates the database and keeps data across restarts', async () => {
    const dataDir = join(dir, 'pg');
    const first = await startPostgres({ dataDir, databaseUrl: null });
    try {
      expect(first.embedded).toBe(true);
      expect(new URL(first.url).pathname).toBe('/unionflow');
      await query(first.url, "create table kept (v text); insert into kept values ('还在')");
    } finally {
      await first.stop();
    }
    const second = await startPostgres({ dataDir, databaseUrl: null });
    try {
      expect(await query(second.url, 'select v from kept')).toEqual([{ v: '还在' }]);
    } finally {
      await second.stop();
    }
  }, 30_000);
});
