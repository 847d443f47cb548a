import type { TestProject } from 'vitest/node';
import { ensureTemporalCli } from './temporal-cli';
import { startTemporalDevServer } from './temporal-server';
import { createTestDatabase } from './test-database';
import type {} from './vitest-context';

/**
 * Vitest globalSetup: one in-memory Temporal dev server and one test database per run,
 * handed to tests through `inject('temporalAddress' | 'databaseUrl' | 'temporalCli')`.
 */
export default async function setup({ provide }: TestProject): Promise<() => Promise<void>> {
  const log = (line: string) => console.log(`[devstack] ${line}`);
  const temporalCli = await ensureTemporalCli({ log });
  const [temporalResult, databaseResult] = await Promise.allSettled([
    startTemporalDevServer({ binary: temporalCli, headless: true }),
    createTestDatabase(),
  ]);
  if (temporalResult.status === 'rejected' || databaseResult.status === 'rejected') {
    if (temporalResult.status === 'fulfilled') await temporalResult.value.stop();
    if (databaseResult.status === 'fulfilled') await databaseResult.value.drop();
    throw temporalResult.status === 'rejected'
      ? temporalResult.reason
      : (databaseResult as PromiseRejectedResult).reason;
  }
  const temporal = temporalResult.value;
  const database = databaseResult.value;
  provide('temporalAddress', temporal.address);
  provide('databaseUrl', database.url);
  provide('temporalCli', temporalCli);
  return async () => {
    await Promise.allSettled([temporal.stop(), database.drop()]);
  };
}
