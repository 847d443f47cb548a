import { describe, expect, it } from 'vitest';
import { SessionCache } from './session-cache';
import type { ResolvedSession } from './session-store';

const session = (id: string): ResolvedSession => ({
  id,
  csrfToken: 'csrf',
  mustChangePassword: false,
  user: {
    id: 'u-1',
    username: 'lina',
    displayName: '李娜',
    orgId: 'org-1',
    orgName: '工会',
    orgPath: 'root.org-1',
    roles: ['innovation-reviewer'],
    locale: 'zh-CN',
    timeZone: 'Asia/Shanghai',
  },
});

/** A cache as a gateway holds it while the database's change signals reach it. */
function signalledCache(): SessionCache {
  const cache = new SessionCache(1_000, 30_000);
  cache.setExact(true);
  return cache;
}

describe('SessionCache', () => {
  it('keeps entries 1 s while changes elsewhere may go unheard, and longer while every change is signalled', () => {
    const cache = new SessionCache(1_000, 30_000);
    cache.set('a', session('a'), 0, 60_000);
    expect(cache.get('a', 999)).not.toBeNull();
    expect(cache.get('a', 1_000)).toBeNull();

    cache.setExact(true);
    cache.set('a', session('a'), 0, 60_000);
    expect(cache.get('a', 29_999)).not.toBeNull();
    expect(cache.get('a', 30_000)).toBeNull();
  });

  it('never keeps an entry past the session deadline or next touch', () => {
    const cache = signalledCache();
    cache.set('a', session('a'), 0, 5_000);
    expect(cache.get('a', 4_999)).not.toBeNull();
    expect(cache.get('a', 5_000)).toBeNull();
  });

  it('forgets everything when the signals stop, since a change may now go unheard', () => {
    const cache = signalledCache();
    cache.set('a', session('a'), 0, 60_000);
    cache.setExact(false);
    expect(cache.get('a', 10)).toBeNull();
  });

  it('does not keep a read that began before a clear (its row may predate the change signalled)', () => {
    const cache = signalledCache();
    const readAt = cache.generation;
    cache.clear(); // the signal of a sign-out arrives while the read is in flight
    cache.set('a', session('a'), 0, 60_000, readAt);
    expect(cache.get('a', 10)).toBeNull();
    cache.set('a', session('a'), 0, 60_000, cache.generation);
    expect(cache.get('a', 10)).not.toBeNull();
  });

  it('caches nothing when turned off', () => {
    const cache = new SessionCache(0, 0);
    cache.setExact(true);
    cache.set('a', session('a'), 0, 60_000);
    expect(cache.get('a', 1)).toBeNull();
  });
});
