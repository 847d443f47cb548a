import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';

/**
 * Route plugins for the business resources. Each `routes/<name>/index.ts` exports `<name>Routes`
 * (a Fastify plugin declaring full `/api/...` paths); folders not written yet are skipped.
 */
export const DOMAIN_ROUTE_FOLDERS = ['cases', 'inbox', 'tasks', 'processes', 'admin'] as const;

const here = path.dirname(fileURLToPath(import.meta.url));

/** Registers every domain route plugin that exists; a folder whose index lacks the export fails loudly. */
export async function domainRoutes(app: FastifyInstance): Promise<void> {
  for (const name of DOMAIN_ROUTE_FOLDERS) {
    const file = ['index.ts', 'index.js'].map((f) => path.join(here, name, f)).find((f) => existsSync(f));
    if (!file) continue;
    const mod = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Record<string, unknown>;
    const plugin = mod[`${name}Routes`];
    if (typeof plugin !== 'function') {
      throw new Error(`gateway/src/routes/${name}/index.ts must export a Fastify plugin named ${name}Routes`);
    }
    await app.register(plugin as FastifyPluginAsync);
  }
}
