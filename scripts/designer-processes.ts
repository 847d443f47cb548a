// Publishes the process documents in docs/processes through the designer's admin API, as an admin
// would by saving, validating and publishing each one: no code, no database access.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One call to the gateway as the signed-in admin; `body` is the parsed JSON answer. */
export type AdminCall = (
  method: 'GET' | 'PUT' | 'POST',
  path: string,
  payload?: object,
) => Promise<{ status: number; body: unknown }>;

export interface ProcessDocument {
  key: string;
  version: number;
  name: { zh: string; en?: string };
  [setting: string]: unknown;
}

export type PublishOutcome =
  | { key: string; result: 'published'; version: number }
  | { key: string; result: 'unchanged'; version: number };

/** The documents in a folder, in file-name order. */
export function readProcessDocuments(folder: string): ProcessDocument[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(folder, f), 'utf8')) as ProcessDocument);
}

/** JSON with sorted keys: two documents that differ only in key order are the same document. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

const sameApartFromVersion = (a: ProcessDocument, b: ProcessDocument) =>
  canonical({ ...a, version: 0 }) === canonical({ ...b, version: 0 });

class PublishError extends Error {}

function detailOf(body: unknown): string {
  const b = body as { detail?: string; errors?: { message?: { zh?: string } }[] } | null;
  return b?.detail ?? b?.errors?.map((e) => e.message?.zh).join('；') ?? JSON.stringify(body);
}

/**
 * Saves, validates and publishes one document; a process whose latest version already reads the
 * same is left alone, so running this again after a fresh install changes nothing.
 */
export async function publishProcessDocument(
  call: AdminCall,
  document: ProcessDocument,
): Promise<PublishOutcome> {
  const base = `/api/admin/definitions/${encodeURIComponent(document.key)}`;
  const list = await call('GET', '/api/admin/definitions');
  if (list.status !== 200) throw new PublishError(`${list.status} ${detailOf(list.body)}`);
  const overview = (list.body as { key: string; latestVersion: number | null }[]).find(
    (d) => d.key === document.key,
  );
  const latest = overview?.latestVersion ?? null;
  if (latest !== null) {
    const version = await call('GET', `${base}/versions/${latest}`);
    if (version.status !== 200)
      throw new PublishError(`${document.key}: ${version.status} ${detailOf(version.body)}`);
    if (sameApartFromVersion((version.body as { document: ProcessDocument }).document, document))
      return { key: document.key, result: 'unchanged', version: latest };
  }
  // The draft's timestamp guards the save against an admin editing the same process meanwhile.
  let baseUpdatedAt: string | undefined;
  if (overview) {
    const draft = await call('GET', `${base}/draft`);
    if (draft.status !== 200)
      throw new PublishError(`${document.key}: ${draft.status} ${detailOf(draft.body)}`);
    baseUpdatedAt = (draft.body as { updatedAt: string }).updatedAt;
  }
  const saved = await call('PUT', `${base}/draft`, { document, baseUpdatedAt });
  if (saved.status !== 200)
    throw new PublishError(`${document.key}: ${saved.status} ${detailOf(saved.body)}`);
  const validation = (saved.body as { validation: { ok: boolean } }).validation;
  if (!validation.ok) throw new PublishError(`${document.key}: ${detailOf(validation)}`);
  const published = await call('POST', `${base}/publish`);
  if (published.status !== 201)
    throw new PublishError(`${document.key}: ${published.status} ${detailOf(published.body)}`);
  return { key: document.key, result: 'published', version: (published.body as { version: number }).version };
}
