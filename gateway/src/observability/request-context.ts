import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const storage = new AsyncLocalStorage<{ requestId: string }>();

/** The id of the HTTP request being served, when called inside one. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** Runs `fn` as if serving the request `requestId` (tests, background work started by a request). */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

/**
 * Makes the request id reachable from code that has no request object (the Temporal client
 * interceptor): every later hook and the handler run inside the store set here.
 */
export const requestContextPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRequest', (request, _reply, done) => {
      storage.run({ requestId: request.id }, done);
    });
  },
  { name: 'request-context', fastify: '5.x' },
);
