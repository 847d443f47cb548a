import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { badRequest, conflict, unprocessable } from '../errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Honour the `Idempotency-Key` header: store the first response and replay it for repeats. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    /** The request's Idempotency-Key on idempotent routes (pass it on as the Temporal Update id). */
    idempotencyKey: string | undefined;
  }
}

/** Options for the idempotency plugin. */
export interface IdempotencyOptions {
  /** A reservation older than this is assumed abandoned (crashed process) and may be taken over. */
  staleAfterMs?: number;
}

const MAX_KEY_LENGTH = 200;
const IN_PROGRESS = 0;

interface Reservation {
  userId: string;
  key: string;
}

function pathOf(request: FastifyRequest): string {
  const q = request.url.indexOf('?');
  return q === -1 ? request.url : request.url.slice(0, q);
}

function parseStored(payload: unknown): unknown {
  const text =
    typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : null;
  if (text === null || text.length === 0) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Idempotent writes: the first response per (user, key) is stored and replayed.
 * An insert-first reservation makes concurrent duplicates see 409 instead of running twice.
 */
export const idempotencyPlugin = fp(
  async (app: FastifyInstance, opts: IdempotencyOptions) => {
    // Longer than any request takes (engine calls time out well before), short enough that a client
    // retrying after a gateway crash is not refused for long.
    const staleAfterMs = opts.staleAfterMs ?? 75_000;
    const reservations = new WeakMap<FastifyRequest, Reservation>();
    app.decorateRequest('idempotencyKey', undefined);

    async function reserve(userId: string, key: string, method: string, path: string): Promise<boolean> {
      const inserted = await app.db
        .insertInto('idempotency_keys')
        .values({
          user_id: userId,
          key,
          method,
          path,
          status_code: IN_PROGRESS,
          response: JSON.stringify(null) as never,
          created_at: new Date(),
        })
        .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      return inserted !== undefined;
    }

    async function replayOrRefuse(
      request: FastifyRequest,
      reply: FastifyReply,
      userId: string,
      key: string,
    ): Promise<'replayed' | 'taken-over' | 'gone'> {
      const row = await app.db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row) return 'gone';
      const path = pathOf(request);
      if (row.method !== request.method || row.path !== path) {
        throw unprocessable(
          `this Idempotency-Key was already used for ${row.method} ${row.path}; use a new key for ${request.method} ${path}`,
        );
      }
      if (row.status_code === IN_PROGRESS) {
        const staleBefore = new Date(Date.now() - staleAfterMs);
        const taken = await app.db
          .updateTable('idempotency_keys')
          .set({ created_at: new Date() })
          .where('user_id', '=', userId)
          .where('key', '=', key)
          .where('status_code', '=', IN_PROGRESS)
          .where('created_at', '<', staleBefore)
          .returning('key')
          .executeTakeFirst();
        if (taken) return 'taken-over';
        throw conflict('a request with this Idempotency-Key is still being processed');
      }
      reply.code(row.status_code).header('idempotent-replayed', 'true');
      const stored = row.response as unknown;
      if (stored === null) {
        await reply.send();
      } else {
        const type = row.status_code >= 400 ? 'application/problem+json' : 'application/json';
        await reply.type(`${type}; charset=utf-8`).send(JSON.stringify(stored));
      }
      return 'replayed';
    }

    app.addHook('preHandler', async (request, reply) => {
      if (!request.routeOptions.config.idempotent) return;
      const key = request.headers['idempotency-key'];
      if (key === undefined) return;
      if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
        throw badRequest(`Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters`);
      }
      // Keys are scoped per user; anonymous callers cannot share one safely.
      if (!request.user) return;
      const userId = request.user.id;
      // A reservation removed between our insert and select (a failed first attempt) lets us retry.
      for (let attempt = 0; attempt < 3; attempt++) {
        if (!(await reserve(userId, key, request.method, pathOf(request)))) {
          const outcome = await replayOrRefuse(request, reply, userId, key);
          if (outcome === 'replayed') return reply;
          if (outcome === 'gone') continue;
        }
        reservations.set(request, { userId, key });
        request.idempotencyKey = key;
        return;
      }
      throw conflict('a request with this Idempotency-Key is still being processed');
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const own = reservations.get(request);
      if (!own) return payload;
      reservations.delete(request);
      if (reply.statusCode >= 500) {
        // Not stored: the caller may retry with the same key once the fault is gone.
        await app.db
          .deleteFrom('idempotency_keys')
          .where('user_id', '=', own.userId)
          .where('key', '=', own.key)
          .execute();
      } else {
        await app.db
          .updateTable('idempotency_keys')
          .set({ status_code: reply.statusCode, response: JSON.stringify(parseStored(payload)) as never })
          .where('user_id', '=', own.userId)
          .where('key', '=', own.key)
          .execute();
      }
      return payload;
    });

    // The client went away before a response was written: free the key.
    app.addHook('onResponse', async (request) => {
      const own = reservations.get(request);
      if (!own) return;
      reservations.delete(request);
      await app.db
        .deleteFrom('idempotency_keys')
        .where('user_id', '=', own.userId)
        .where('key', '=', own.key)
        .where('status_code', '=', IN_PROGRESS)
        .execute();
    });
  },
  { name: 'idempotency', fastify: '5.x', dependencies: ['db', 'auth'] },
);
