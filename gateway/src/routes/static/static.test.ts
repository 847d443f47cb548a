import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test-support/app-harness';
import { cacheControlFor } from './cache-control';

const IMMUTABLE = 'public, max-age=31536000, immutable';
let appsRoot: string;
let t: TestApp;
let bare: TestApp;

async function put(file: string, content: string): Promise<void> {
  await mkdir(path.dirname(path.join(appsRoot, file)), { recursive: true });
  await writeFile(path.join(appsRoot, file), content);
}

beforeAll(async () => {
  appsRoot = await mkdtemp(path.join(tmpdir(), 'uf-apps-'));
  await put('shell/dist/index.html', '<!doctype html><div id="root"></div>');
  await put('shell/dist/static/js/main.3f2a9c1d.js', 'console.log(1)');
  await put('shell/dist/favicon.svg', '<svg/>');
  await put('innovation/dist/mf-manifest.json', '{"id":"innovation"}');
  await put('innovation/dist/remoteEntry.js', 'var innovation;');
  await put('innovation/dist/static/js/async/123.abcdef0123.js', 'x');
  await put('rights/dist/remoteEntry.js', 'not a remote yet: no manifest');
  await put('secret.txt', 'outside every dist');
  [t, bare] = await Promise.all([
    createTestApp({ domainRoutes: false, staticRoot: appsRoot, seed: false }),
    createTestApp({ domainRoutes: false, staticRoot: path.join(appsRoot, 'missing'), seed: false }),
  ]);
});
afterAll(async () => {
  await Promise.all([t?.close(), bare?.close()]);
  await rm(appsRoot, { recursive: true, force: true });
});

describe('cacheControlFor', () => {
  it('marks content-hashed files immutable and entry points no-cache', () => {
    expect(cacheControlFor('main.3f2a9c1d.js')).toBe(IMMUTABLE);
    expect(cacheControlFor('/a/b/123.abcdef0123.css')).toBe(IMMUTABLE);
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(cacheControlFor('mf-manifest.json')).toBe('no-cache');
    expect(cacheControlFor('remoteEntry.js')).toBe('no-cache');
    expect(cacheControlFor('favicon.svg')).toBe('no-cache');
    expect(cacheControlFor('main.abc.js')).toBe('no-cache');
  });
});

describe('shell at /', () => {
  it('serves index.html (no-cache) and hashed assets (immutable)', async () => {
    const index = await t.app.inject({ url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-type']).toContain('text/html');
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    const js = await t.app.inject({ url: '/static/js/main.3f2a9c1d.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toContain('javascript');
    expect(js.headers['cache-control']).toBe(IMMUTABLE);
    expect((await t.app.inject({ url: '/favicon.svg' })).headers['cache-control']).toBe('no-cache');
  });

  it('falls back to index.html for client-side routes that accept HTML, 404 otherwise', async () => {
    const deep = await t.app.inject({ url: '/cases/123?tab=timeline', headers: { accept: 'text/html,*/*' } });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('id="root"');
    expect(deep.headers['cache-control']).toBe('no-cache');
    expect(
      (await t.app.inject({ url: '/static/js/missing.js', headers: { accept: '*/*' } })).statusCode,
    ).toBe(404);
  });

  it('never answers the SPA for /api or /docs paths', async () => {
    const api = await t.app.inject({ url: '/api/nope', headers: { accept: 'text/html' } });
    expect(api.statusCode).toBe(404);
    expect(api.json().detail).toBe('No route GET /api/nope');
    expect((await t.app.inject({ url: '/docs/nope', headers: { accept: 'text/html' } })).statusCode).toBe(
      404,
    );
  });

  it('does not escape the dist folder', async () => {
    for (const url of ['/../secret.txt', '/%2e%2e/secret.txt', '/apps/innovation/..%2f..%2fsecret.txt']) {
      const res = await t.app.inject({ url, headers: { accept: '*/*' } });
      expect(res.body).not.toContain('outside every dist');
    }
  });
});

describe('remotes at /apps/<name>/', () => {
  it('lists built remotes (those with mf-manifest.json) except the shell', async () => {
    const res = await t.app.inject({ url: '/api/federation/remotes' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual([{ name: 'innovation', entry: '/apps/innovation/mf-manifest.json' }]);
  });

  it('serves remote files with the right caching', async () => {
    const manifest = await t.app.inject({ url: '/apps/innovation/mf-manifest.json' });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.headers['cache-control']).toBe('no-cache');
    const entry = await t.app.inject({ url: '/apps/innovation/remoteEntry.js' });
    expect(entry.headers['cache-control']).toBe('no-cache');
    const chunk = await t.app.inject({ url: '/apps/innovation/static/js/async/123.abcdef0123.js' });
    expect(chunk.statusCode).toBe(200);
    expect(chunk.headers['cache-control']).toBe(IMMUTABLE);
    expect((await t.app.inject({ url: '/apps/rights/remoteEntry.js' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/apps/shell/index.html' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/apps/innovation/nope.js' })).statusCode).toBe(404);
  });
});

describe('when the apps are not built', () => {
  it('answers / with a page saying how to build them, and no remotes', async () => {
    const res = await bare.app.inject({ url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('pnpm build');
    expect((await bare.app.inject({ url: '/api/federation/remotes' })).json()).toEqual([]);
  });
});
