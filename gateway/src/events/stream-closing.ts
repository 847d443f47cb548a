import type { FastifyInstance } from 'fastify';

/** Which open streams to end: one session's, or a user's (optionally sparing one session). */
export type StreamFilter = { sessionId: string } | { userId: string; exceptSessionId?: string };

/**
 * Ends this process's open event streams that match, right away (sign-out, deactivation, password
 * change). Streams on other gateway instances notice within their session check interval.
 */
export function closeStreams(app: FastifyInstance, filter: StreamFilter): number {
  if (!app.hasDecorator('events')) return 0;
  let closed = 0;
  for (const session of app.events.sessions) {
    const match =
      'sessionId' in filter
        ? session.sessionId === filter.sessionId
        : session.userId === filter.userId && session.sessionId !== filter.exceptSessionId;
    if (match) {
      session.close();
      closed++;
    }
  }
  return closed;
}
