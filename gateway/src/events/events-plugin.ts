import { EVENTS_CHANNEL, SESSIONS_CHANNEL } from '@unionflow/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sessionCacheOf } from '../auth/session-store';
import { EventHub } from './event-hub';
import { listenConfigFor } from './listen-connection';
import type { SseSession } from './sse-session';

/** The live-update service routes use to open event streams. */
export interface EventsService {
  hub: EventHub;
  /** Streams open in this process; ended when the app closes so shutdown is not held up. */
  sessions: Set<SseSession>;
  heartbeatMs: number;
  replayLimit: number;
  /** Each stream re-reads its sign-in session at least this often (and at the session's deadline). */
  sessionCheckMs: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Live updates: the shared LISTEN connection and the open event streams. */
    events: EventsService;
  }
}

/** Options for the events plugin; tests shrink the timings. */
export interface EventsPluginOptions {
  /** The database the app's pool uses; the LISTEN connection goes there too. */
  databaseUrl: string;
  heartbeatMs?: number;
  maxStreamsPerUser?: number;
  replayLimit?: number;
  sessionCheckMs?: number;
}

/** Decorates `app.events`: one LISTEN connection per process, closed with the app. */
export const eventsPlugin = fp(
  async (app: FastifyInstance, opts: EventsPluginOptions) => {
    const sessions = sessionCacheOf(app.db);
    const hub = new EventHub({
      db: app.db,
      channel: EVENTS_CHANNEL,
      connection: async () => listenConfigFor(opts.databaseUrl),
      log: app.log,
      maxPerUser: opts.maxStreamsPerUser ?? 5,
      // While the database's signals reach this process, cached sessions may live longer (ADR 043).
      signals: { [SESSIONS_CHANNEL]: () => sessions.clear() },
      onListening: (up) => sessions.setExact(up),
    });
    const service: EventsService = {
      hub,
      sessions: new Set(),
      heartbeatMs: opts.heartbeatMs ?? 15_000,
      replayLimit: opts.replayLimit ?? 500,
      sessionCheckMs: opts.sessionCheckMs ?? 30_000,
    };
    app.decorate('events', service);
    await hub.start();
    // preClose: streams never end on their own, and the server waits for open responses.
    app.addHook('preClose', async () => {
      for (const session of service.sessions) session.close();
    });
    app.addHook('onClose', async () => {
      await hub.close();
    });
  },
  { name: 'events', fastify: '5.x', dependencies: ['db'] },
);
