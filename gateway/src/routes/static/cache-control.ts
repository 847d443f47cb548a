import path from 'node:path';

/** Files fetched by a fixed name: they must always be revalidated, or clients miss new deployments. */
const ENTRY_FILES = new Set(['index.html', 'mf-manifest.json', 'remoteEntry.js']);
const CONTENT_HASH = /\.[0-9a-f]{8,}\./i;

/** `immutable` for content-hashed files, `no-cache` for entry points and everything else. */
export function cacheControlFor(file: string): string {
  const name = path.basename(file);
  if (!ENTRY_FILES.has(name) && CONTENT_HASH.test(name)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}
