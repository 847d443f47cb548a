import { Connection } from '@temporalio/client';
import pg from 'pg';
import { expect, inject, it } from 'vitest';

it('provides a Temporal dev server and a test database to every test file', async () => {
  const connection = await Connection.connect({ address: inject('temporalAddress') });
  try {
    const { namespaceInfo } = await connection.workflowService.describeNamespace({ namespace: 'default' });
    expect(namespaceInfo?.name).toBe('default');
  } finally {
    await connection.close();
  }

  const client = new pg.Client({ connectionString: inject('databaseUrl') });
  await client.connect();
  try {
    const { rows } = await client.query<{ db: string }>('select current_database() as db');
    expect(rows[0]?.db).toMatch(/^uf_test_/);
  } finally {
    await client.end();
  }
  expect(inject('temporalCli')).toMatch(/temporal$/);
});
