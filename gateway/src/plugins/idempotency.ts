import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { caseDetailFor } from '../cases/case-reread';
import { badRequest, conflict, unprocessable } from '../errors';
import { answeredCaseId, parseStored, requestHash } from './idempotency-record';

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
  /** How long a stored answer is replayed; expired rows count as absent and are purged. Default 24 h. */
  ttlMs?: number;
}

/** Stored answers are kept one day: long enough for any client retry, short enough to hold little. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;

const MAX_KEY_LENGTH = 200;
const IN_PROGRESS = 0;

interface Reservation {
  userId: string;
  key: string;
}

const SAME_KEY_OTHER_BODY =
  '此幂等键已用于内容不同的请求，请使用新的键 / this Idempotency-Key was already used with a different request body; use a new key';

function pathOf(request: FastifyRequest): string {
  const q = request.url.indexOf('?');
  return q === -1 ? request.url : request.url.slice(0, q);
}

/**
 * Idempotent writes: the first response per (user, key) is stored and replayed for 24 hours.
 * An insert-first reservation makes concurrent duplicates see 409 instead of running twice. A repeat
 * must carry the same body (422 otherwise) and passes the route's session and role checks again;
 * an answer that was a case is read again with the caller's current visibility, never replayed.
 */
export const idempotencyPlugin = fp(
  async (app: FastifyInstance, opts: IdempotencyOptions) => {
    // Longer than any request takes (engine calls time out well before), short enough that a client
    // retrying after a gateway crash is not refused for long.
    const staleAfterMs = opts.staleAfterMs ?? 75_000;
    const ttlMs = opts.ttlMs ?? IDEMPOTENCY_TTL_MS;
    const reservations = new WeakMap<FastifyRequest, Reservation>();
    app.decorateRequest('idempotencyKey', undefined);

    async function reserve(
      request: FastifyRequest,
      userId: string,
      key: string,
      hash: string,
    ): Promise<boolean> {
      const now = new Date();
      const inserted = await app.db
        .insertInto('idempotency_keys')
        .values({
          user_id: userId,
          key,
          method: request.method,
          path: pathOf(request),
          status_code: IN_PROGRESS,
          response: JSON.stringify(null) as never,
          created_at: now,
          request_hash: hash,
          case_id: null,
          expires_at: new Date(now.getTime() + ttlMs),
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
      hash: string,
    ): Promise<'replayed' | 'taken-over' | 'gone'> {
      const row = await app.db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('user_id', '=', userId)
        .where('key', '=', key)
        .executeTakeFirst();
      if (!row) return 'gone';
      if (new Date(row.expires_at).getTime() <= Date.now()) {
        // Expired and not purged yet: it no longer exists for the caller.
        await app.db
          .deleteFrom('idempotency_keys')
          .where('user_id', '=', userId)
          .where('key', '=', key)
          .where('expires_at', '<=', new Date())
          .execute();
        return 'gone';
      }
      const path = pathOf(request);
      if (row.method !== request.method || row.path !== path) {
        throw unprocessable(
          `this Idempotency-Key was already used for ${row.method} ${row.path}; use a new key for ${request.method} ${path}`,
        );
      }
      if (row.request_hash !== null && row.request_hash !== hash) throw unprocessable(SAME_KEY_OTHER_BODY);
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
        throw conflict(
          '相同 Idempotency-Key 的请求仍在处理中，请稍候 / a request with this Idempotency-Key is still being processed',
        );
      }
      if (row.case_id !== null) {
        // Read again as the caller may see it now: 404 if they lost access, masked if they lost a role.
        const detail = await caseDetailFor(app.db, request.user, row.case_id);
        await reply.code(row.status_code).header('idempotent-replayed', 'true').send(detail);
        return 'replayed';
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
        throw badRequest(
          `Idempotency-Key 须为 1 至 ${MAX_KEY_LENGTH} 个字符 / Idempotency-Key must be 1 to ${MAX_KEY_LENGTH} characters`,
        );
      }
      // Keys are scoped per user; anonymous callers cannot share one safely.
      if (!request.user) return;
      const userId = request.user.id;
      const hash = requestHash(request.body);
      // A reservation removed between our insert and select (a failed first attempt) lets us retry.
      for (let attempt = 0; attempt < 3; attempt++) {
        if (!(await reserve(request, userId, key, hash))) {
          const outcome = await replayOrRefuse(request, reply, userId, key, hash);
          if (outcome === 'replayed') return reply;
          if (outcome === 'gone') continue;
        }
        reservations.set(request, { userId, key });
        request.idempotencyKey = key;
        return;
      }
      throw conflict(
        '相同 Idempotency-Key 的请求仍在处理中，请稍候 / a request with this Idempotency-Key is still being processed',
      );
    });

    // A case answer is stored as its id alone: take it from the object before it is serialised,
    // rather than parse the whole serialised case back.
    const answeredCases = new WeakMap<FastifyRequest, string | null>();
    app.addHook('preSerialization', async (request, reply, payload) => {
      if (reservations.has(request)) answeredCases.set(request, answeredCaseId(request, reply, payload));
      return payload;
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
        const known = answeredCases.get(request);
        const body = known ? null : parseStored(payload);
        const caseId = known ?? answeredCaseId(request, reply, body);
        await app.db
          .updateTable('idempotency_keys')
          .set({
            status_code: reply.statusCode,
            // A case answer keeps only its id: no household data lies around for a day.
            response: JSON.stringify(caseId ? null : body) as never,
            case_id: caseId,
          })
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
