// The read gateway (no Temporal) for the export bench, reporting its own peak memory over IPC:
// `reset` starts a new window, `peak` answers the highest RSS and heap sampled since.
import { createDb } from '@unionflow/db';
import { buildApp } from '../../gateway/src/app';

const db = createDb(process.env.DATABASE_URL ?? '', { max: 20 });
const app = buildApp({
  db,
  databaseUrl: process.env.DATABASE_URL,
  temporal: null,
  logger: false,
  rateLimit: false,
  // One download at a time is what is measured: on a busy machine load shedding would answer 503 instead.
  pressure: { maxEventLoopDelayMs: 60_000, maxEventLoopUtilization: 1 },
});

let peak = { rss: 0, heapUsed: 0, external: 0 };
function sample() {
  const m = process.memoryUsage();
  peak = {
    rss: Math.max(peak.rss, m.rss),
    heapUsed: Math.max(peak.heapUsed, m.heapUsed),
    external: Math.max(peak.external, m.external),
  };
}
setInterval(sample, 5).unref();
process.on('message', (msg) => {
  sample();
  if (msg === 'reset') {
    global.gc?.();
    const m = process.memoryUsage();
    peak = { rss: m.rss, heapUsed: m.heapUsed, external: m.external };
    process.send?.({ reset: peak });
  } else if (msg === 'peak') {
    process.send?.({ peak });
  }
});

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
console.log(`listening ${JSON.stringify(app.server.address())}`);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => db.destroy())
    .then(() => process.exit(0));
});
