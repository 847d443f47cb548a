import type { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** How the gateway reaches Temporal: a connected client plus where workflows run. */
export interface TemporalContext {
  client: Client;
  namespace: string;
  taskQueue: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Temporal client and task queue; null when the app runs without Temporal (some tests). */
    temporal: TemporalContext | null;
  }
}

/** Decorates `app.temporal`; the caller of buildApp owns (and closes) the connection. */
export const temporalPlugin = fp(
  async (app: FastifyInstance, opts: { temporal: TemporalContext | null }) => {
    app.decorate('temporal', opts.temporal);
  },
  { name: 'temporal', fastify: '5.x' },
);
