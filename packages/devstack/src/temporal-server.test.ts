import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevstackError } from './errors';
import { ensureTemporalCli } from './temporal-cli';
import { checkTemporal, SEARCH_ATTRIBUTES, startTemporalDevServer } from './temporal-server';

let binary: string;
let dir: string;
beforeAll(async () => {
  binary = await ensureTemporalCli();
  dir = await mkdtemp(join(tmpdir(), 'uf-temporal-test-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('startTemporalDevServer', () => {
  it('persists to SQLite, registers search attributes, serves the UI and restarts on the same file', async () => {
    const dbFile = join(dir, 'temporal.db');
    for (let run = 0; run < 2; run++) {
      const server = await startTemporalDevServer({ binary, dbFile });
      try {
        const connection = await Connection.connect({ address: server.address });
        try {
          const attributes = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
          for (const name of SEARCH_ATTRIBUTES) expect(attributes.customAttributes).toHaveProperty(name);
        } finally {
          await connection.close();
        }
        const ui = await fetch(server.uiUrl ?? '');
        expect(ui.status).toBe(200);
        await checkTemporal(server.address);
      } finally {
        await server.stop();
      }
    }
  }, 40_000);

  it('refuses a port that is taken, in one line', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const error = await startTemporalDevServer({ binary, port, headless: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DevstackError);
      expect((error as Error).message).toBe(
        `Port ${port} (Temporal) is in use; stop what uses it or set TEMPORAL_PORT=… to use another.`,
      );
    } finally {
      blocker.close();
    }
  });

  it('reports an unreachable TEMPORAL_ADDRESS in one line', async () => {
    const error = await checkTemporal('127.0.0.1:1', 'default', 1000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DevstackError);
    expect((error as Error).message).toMatch(/^Cannot reach Temporal at TEMPORAL_ADDRESS \(127\.0\.0\.1:1/);
    expect((error as Error).message).not.toContain('\n');
  }, 15_000);
});
