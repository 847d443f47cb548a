import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Problem } from '@unionflow/contracts';
import { Type } from 'typebox';
import { AppError, tooManyRequests } from '../../errors';
import { parseEventId, SseSession, watchSession } from '../../events';
import { sseConnections } from '../../observability';

const EventsQuery = Type.Object({
  /** For clients that cannot set the Last-Event-ID header (polyfills). */
  lastEventId: Type.Optional(Type.String({ maxLength: 32 })),
});

function acceptsEventStream(accept: string | undefined): boolean {
  if (!accept) return true;
  return accept.split(',').some((part) => {
    const type = part.split(';')[0]?.trim().toLowerCase();
    return type === 'text/event-stream' || type === 'text/*' || type === '*/*';
  });
}

/**
 * `GET /api/events`: the caller's live updates as server-sent events. Events are `case` (a case the
 * caller is involved in changed: `{ caseId, seq }`; refetch it), `ready` (stream open, nothing to
 * replay) and `reset` (too much was missed: reload everything). Reconnect with Last-Event-ID to get
 * what was missed, from any gateway instance.
 */
export const eventsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/events',
    {
      // A HEAD would open a stream that never ends.
      exposeHeadRoute: false,
      config: { auth: 'user' },
      schema: {
        tags: ['events'],
        summary: 'Live updates for my inbox and cases (text/event-stream; resume with Last-Event-ID)',
        querystring: EventsQuery,
        response: {
          200: {
            description: 'An endless text/event-stream',
            content: { 'text/event-stream': { schema: {} } },
          },
          401: Problem,
          406: Problem,
          429: Problem,
        },
      },
    },
    async (request, reply) => {
      if (!acceptsEventStream(request.headers.accept)) {
        throw new AppError(406, 'not-acceptable', 'This endpoint only speaks text/event-stream');
      }
      if (!app.hasDecorator('events')) {
        throw new AppError(503, 'live-updates-off', '实时更新未启用 / live updates are off on this server', {
          headers: { 'Retry-After': '60' },
        });
      }
      const { hub, sessions, heartbeatMs, replayLimit, sessionCheckMs } = app.events;
      const raw = reply.raw;
      const session = new SseSession({
        db: app.db,
        hub,
        userId: request.user.id,
        sessionId: request.authSession!.id,
        sink: raw,
        log: request.log,
        replayLimit,
      });
      if (!hub.subscribe(session)) {
        throw tooManyRequests('同时打开的实时连接过多 / too many open event streams for this user', 5);
      }
      const lastEventId = parseEventId(request.headers['last-event-id'] ?? request.query.lastEventId);
      reply.hijack();
      // Headers other hooks set (security headers, request id) go out with the stream.
      for (const [name, value] of Object.entries(reply.getHeaders())) {
        if (value !== undefined) raw.setHeader(name, typeof value === 'number' ? String(value) : value);
      }
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      sessions.add(session);
      sseConnections.inc();
      const heartbeat = setInterval(() => session.heartbeat(), heartbeatMs);
      // The stream ends with the sign-in session: sign-out, expiry or deactivation closes it.
      const stopWatch = watchSession({
        db: app.db,
        sessionId: session.sessionId,
        policy: app.sessionPolicy,
        checkMs: sessionCheckMs,
        onEnd: () => cleanUp(),
      });
      const cleanUp = () => {
        clearInterval(heartbeat);
        stopWatch();
        if (sessions.delete(session)) sseConnections.dec();
        session.close();
      };
      raw.on('close', cleanUp);
      try {
        await session.open(lastEventId);
      } catch (err) {
        request.log.warn({ err }, 'event stream failed to open');
        cleanUp();
      }
    },
  );
};
