// A gateway without Temporal, for read benchmarks: inbox, counts and case detail only touch PostgreSQL.
import { createDb } from '@unionflow/db';
import { buildApp } from '../../gateway/src/app';

const db = createDb(process.env.DATABASE_URL ?? '', { max: 20 });
const app = buildApp({
  db,
  databaseUrl: process.env.DATABASE_URL,
  temporal: null,
  logger: false,
  rateLimit: false,
});
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 0) });
console.log(`listening ${JSON.stringify(app.server.address())}`);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => db.destroy())
    .then(() => process.exit(0));
});
