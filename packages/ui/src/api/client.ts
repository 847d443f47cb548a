import { ApiError, toApiError } from './api-error';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Options for one API request. */
export interface RequestOptions {
  method?: Method;
  body?: unknown;
  query?: Record<string, string | number | boolean | null | undefined>;
  /** Sent as `Idempotency-Key`: one per user action, reused when that action is retried. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

interface ClientState {
  baseUrl: string;
  csrfToken: string | null;
  fetch: typeof fetch;
}

// Module state on purpose: @unionflow/ui is a federation singleton, so every remote shares the token.
const state: ClientState = {
  baseUrl: '',
  csrfToken: null,
  fetch: (...args) => globalThis.fetch(...args),
};

/** Overrides the origin prefix or the fetch implementation (tests, standalone remotes). */
export function configureApi(options: { baseUrl?: string; fetch?: typeof fetch }): void {
  if (options.baseUrl !== undefined) state.baseUrl = options.baseUrl.replace(/\/$/, '');
  if (options.fetch) state.fetch = options.fetch;
}

/** Remembers the session's CSRF token (from `Me`), sent as `X-CSRF-Token` on every write. */
export function setCsrfToken(token: string | null): void {
  state.csrfToken = token;
}

/** Appends defined query parameters to a path. */
export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

/** The address of a gateway download (an export), with its query: for a link the browser follows. */
export function downloadUrl(path: string, query?: RequestOptions['query']): string {
  return state.baseUrl + withQuery(path, query);
}

/** Calls the gateway and returns parsed JSON; any failure becomes an ApiError carrying the server's detail. */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;

  let res: Response;
  try {
    res = await state.fetch(state.baseUrl + withQuery(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError({
      status: 0,
      title: 'Network error',
      detail: String((err as Error)?.message ?? err),
      code: 'network',
    });
  }

  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  let body: unknown;
  if (text && type.includes('json')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
  }
  if (!res.ok) throw toApiError(res.status, res.statusText, body);
  if (!text || res.status === 204) return undefined as T;
  // An HTML page with 200 means something other than the API answered (SPA fallback, proxy).
  if (body === undefined) {
    throw new ApiError({
      status: res.status,
      title: 'Unexpected response',
      detail: `Expected JSON from ${path}, got ${type || 'no content type'}`,
      code: 'not-json',
    });
  }
  return body as T;
}

/** What the gateway keeps about an uploaded attachment. */
export interface UploadedFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** Uploads one file's raw bytes (`POST /api/files`); forms then keep the returned id. */
export async function uploadFile(file: File): Promise<UploadedFile> {
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Content-Type': file.type || 'application/octet-stream',
  };
  if (state.csrfToken) headers['X-CSRF-Token'] = state.csrfToken;
  let res: Response;
  try {
    res = await state.fetch(`${state.baseUrl}${withQuery('/api/files', { filename: file.name })}`, {
      method: 'POST',
      headers,
      body: file,
      credentials: 'same-origin',
    });
  } catch (err) {
    throw new ApiError({ status: 0, title: 'Network error', detail: String((err as Error)?.message ?? err) });
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw toApiError(res.status, res.statusText, body);
  return body as UploadedFile;
}

/** Where an attachment can be downloaded. */
export function fileUrl(id: string): string {
  return `${state.baseUrl}/api/files/${encodeURIComponent(id)}`;
}

/** The API's base URL (empty: the page's own origin), for links the browser opens itself. */
export function apiBaseUrl(): string {
  return state.baseUrl;
}
