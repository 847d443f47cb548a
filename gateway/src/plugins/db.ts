import type { Database } from '@unionflow/db';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';

declare module 'fastify' {
  interface FastifyInstance {
    /** The shared Kysely instance; the caller of buildApp owns (and destroys) it. */
    db: Kysely<Database>;
  }
}

/** Decorates `app.db`. */
export const dbPlugin = fp(
  async (app: FastifyInstance, opts: { db: Kysely<Database> }) => {
    app.decorate('db', opts.db);
  },
  { name: 'db', fastify: '5.x' },
);
