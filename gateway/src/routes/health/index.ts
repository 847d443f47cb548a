import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { Problem } from '@unionflow/contracts';
import { serviceUnavailable } from '../../errors';
import { pingDatabase } from '../../health/health-repository';

const CHECK_TIMEOUT_MS = 2000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const Status = Type.Object({ status: Type.Literal('ok') });
const Ready = Type.Object({
  status: Type.Literal('ok'),
  checks: Type.Record(Type.String(), Type.Literal('ok')),
});

/** Liveness (process only) and readiness (PostgreSQL and Temporal answer). */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      config: { auth: 'public', rateLimit: false },
      schema: { tags: ['health'], summary: 'Liveness: the process is up', response: { 200: Status } },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { auth: 'public', rateLimit: false },
      schema: {
        tags: ['health'],
        summary: 'Readiness: PostgreSQL and Temporal answer',
        response: { 200: Ready, 503: Problem },
      },
    },
    async (request) => {
      const down: string[] = [];
      const checkDb = withTimeout(pingDatabase(app.db), 'PostgreSQL').catch((error: unknown) => {
        request.log.warn({ err: error }, 'readiness: PostgreSQL is down');
        down.push('PostgreSQL');
      });
      const temporal = app.temporal;
      const checkTemporal = temporal
        ? withTimeout(
            temporal.client.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, () =>
              temporal.client.workflowService.getSystemInfo({}),
            ),
            'Temporal',
          ).catch((error: unknown) => {
            request.log.warn({ err: error }, 'readiness: Temporal is down');
            down.push('Temporal');
          })
        : Promise.resolve().then(() => {
            down.push('Temporal (not configured)');
          });
      await Promise.all([checkDb, checkTemporal]);
      if (down.length > 0) throw serviceUnavailable(`Not ready: ${down.join(', ')} unavailable`, 5);
      return { status: 'ok' as const, checks: { postgres: 'ok' as const, temporal: 'ok' as const } };
    },
  );
};
