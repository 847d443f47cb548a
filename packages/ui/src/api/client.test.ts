import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from './api-error';
import { apiRequest, configureApi, setCsrfToken, withQuery } from './client';
import { ActionKeys } from './idempotency-key';

type Call = { url: string; init: RequestInit };

function fakeFetch(response: () => Response, calls: Call[]): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return response();
  }) as typeof fetch;
}

afterEach(() => setCsrfToken(null));

describe('apiRequest', () => {
  it('sends JSON with the CSRF token and idempotency key on writes', async () => {
    const calls: Call[] = [];
    configureApi({ fetch: fakeFetch(() => Response.json({ ok: true }, { status: 201 }), calls) });
    setCsrfToken('tok');
    const out = await apiRequest<{ ok: boolean }>('/api/cases', {
      method: 'POST',
      body: { a: 1 },
      idempotencyKey: 'k1',
    });
    expect(out).toEqual({ ok: true });
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers['X-CSRF-Token']).toBe('tok');
    expect(headers['Idempotency-Key']).toBe('k1');
    expect(calls[0]!.init.body).toBe('{"a":1}');
  });

  it('turns problem+json into an ApiError with the detail', async () => {
    const problem = { type: 'about:blank', title: 'Conflict', status: 409, detail: '已由李娜处理' };
    const res = () =>
      new Response(JSON.stringify(problem), {
        status: 409,
        headers: { 'content-type': 'application/problem+json' },
      });
    configureApi({ fetch: fakeFetch(res, []) });
    const err = await apiRequest('/api/tasks/1/decisions', { method: 'POST', body: {} }).catch(
      (e: unknown) => e,
    );
    if (!(err instanceof ApiError)) throw new Error('expected ApiError');
    expect(err.status).toBe(409);
    expect(err.detail).toBe('已由李娜处理');
  });

  it('rejects an HTML page answered with 200', async () => {
    const res = () =>
      new Response('<!doctype html>', { status: 200, headers: { 'content-type': 'text/html' } });
    configureApi({ fetch: fakeFetch(res, []) });
    await expect(apiRequest('/api/me')).rejects.toMatchObject({ code: 'not-json' });
  });

  it('reports network failures as status 0', async () => {
    configureApi({
      fetch: (async () => {
        throw new TypeError('Failed to fetch');
      }) as typeof fetch,
    });
    await expect(apiRequest('/api/me')).rejects.toMatchObject({ status: 0, isNetworkError: true });
  });

  it('builds query strings from defined values only', () => {
    expect(withQuery('/api/cases', { scope: 'mine', cursor: undefined, limit: 20 })).toBe(
      '/api/cases?scope=mine&limit=20',
    );
  });
});

describe('ActionKeys', () => {
  it('reuses the key for a retried action and renews it after settling', () => {
    const keys = new ActionKeys();
    const a = keys.keyFor('approve:1');
    expect(keys.keyFor('approve:1')).toBe(a);
    expect(keys.keyFor('reject:1')).not.toBe(a);
    const b = keys.keyFor('reject:1');
    keys.settle();
    expect(keys.keyFor('reject:1')).not.toBe(b);
  });
});
