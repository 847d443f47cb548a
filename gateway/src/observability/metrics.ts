import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The gateway's Prometheus metrics. One registry per process, as Prometheus scrapes processes:
 * tests that build several apps in one process read deltas.
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry, prefix: 'unionflow_gateway_' });

// Seconds; HTTP answers are mostly a few ms, case starts and decisions wait for the workflow.
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** Requests answered, by route template (never the raw URL: ids would explode the series). */
export const httpRequests = new Counter({
  name: 'unionflow_http_requests_total',
  help: 'HTTP requests answered, by method, route template and status class (2xx, 4xx, 5xx)',
  labelNames: ['method', 'route', 'status_class'] as const,
  registers: [metricsRegistry],
});

/** Time from receiving a request to finishing its answer. */
export const httpDuration = new Histogram({
  name: 'unionflow_http_request_duration_seconds',
  help: 'HTTP request latency in seconds, by method and route template',
  labelNames: ['method', 'route'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

/** Open server-sent event streams (`GET /api/events`). */
export const sseConnections = new Gauge({
  name: 'unionflow_sse_connections',
  help: 'Open server-sent event streams',
  registers: [metricsRegistry],
});

/** Round trip of a Temporal Update: the workflow applies it and projects before answering. */
export const updateDuration = new Histogram({
  name: 'unionflow_temporal_update_duration_seconds',
  help: 'Latency of Temporal Updates sent to case workflows, by update name and outcome',
  labelNames: ['update', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

/** Runs one Update call and records its latency; `outcome` is `ok` or `error`. */
export async function timeUpdate<T>(update: string, call: () => Promise<T>): Promise<T> {
  const end = updateDuration.startTimer({ update });
  try {
    const result = await call();
    end({ outcome: 'ok' });
    return result;
  } catch (error) {
    end({ outcome: 'error' });
    throw error;
  }
}
