import type { MetricMeter } from '@temporalio/common';
import type { TelemetryOptions } from '@temporalio/worker';
import type { Database } from '@unionflow/db';
import { type Kysely, sql } from 'kysely';

/**
 * The SDK's Prometheus exporter (workflow task latency, schedule-to-start, slots, polls) on
 * WORKER_METRICS_PORT; off when unset. It has no authentication, so it binds to loopback unless
 * WORKER_METRICS_HOST says otherwise (a scraper on another host goes through a proxy or a tunnel).
 */
export function workerTelemetry(env: NodeJS.ProcessEnv): TelemetryOptions | undefined {
  const port = env.WORKER_METRICS_PORT;
  if (!port) return undefined;
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
    throw new Error(`WORKER_METRICS_PORT=${port} is not a port number.`);
  }
  const host = env.WORKER_METRICS_HOST || '127.0.0.1';
  return {
    metrics: {
      prometheus: { bindAddress: `${host}:${port}`, countersTotalSuffix: true, useSecondsForDurations: true },
    },
  };
}

/**
 * Running cases whose latest event is a failed service call: they wait for an admin's retry and
 * move no further on their own, so an operator should see the number grow.
 */
export async function countParkedCases(db: Kysely<Database>): Promise<number> {
  const row = await sql<{ n: number }>`
    select count(*)::int as n from cases c
    where c.status = 'running'
      and (select t.type from timeline_events t where t.case_id = c.id
           order by t.seq desc, t.idx desc limit 1) = 'service-failed'`.execute(db);
  return row.rows[0]?.n ?? 0;
}

/** Publishes `unionflow_parked_cases` through the SDK's meter every `intervalMs`; returns a stop function. */
export function reportParkedCases(db: Kysely<Database>, meter: MetricMeter, intervalMs = 30_000): () => void {
  const gauge = meter.createGauge(
    'unionflow_parked_cases',
    'int',
    '',
    'Running cases waiting for a service retry',
  );
  const sample = () =>
    countParkedCases(db).then(
      (n) => gauge.set(n),
      () => {}, // a database hiccup skips one sample; the next one catches up
    );
  void sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
