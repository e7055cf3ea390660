import { describe, expect, it } from 'vitest';
import { SessionCache } from './sessionCache.ts';

function counter<T>(value: T | null) {
  const calls = { n: 0 };
  const load = async () => {
    calls.n += 1;
    return value;
  };
  return { calls, load };
}

describe('SessionCache', () => {
  it('answers a token from memory until its time is up, then looks it up again', async () => {
    let now = 1_000;
    const cache = new SessionCache<string>(2000, () => now);
    const { calls, load } = counter('user-1');
    expect(await cache.get('t', load)).toBe('user-1');
    now += 1999;
    expect(await cache.get('t', load)).toBe('user-1');
    expect(calls.n).toBe(1);
    now += 1;
    expect(await cache.get('t', load)).toBe('user-1');
    expect(calls.n).toBe(2);
  });

  it('never keeps an unknown or ended session', async () => {
    const cache = new SessionCache<string>(2000, () => 0);
    const { calls, load } = counter<string>(null);
    expect(await cache.get('t', load)).toBeNull();
    expect(await cache.get('t', load)).toBeNull();
    expect(calls.n).toBe(2);
  });

  it('forgets everything on clear', async () => {
    const cache = new SessionCache<string>(2000, () => 0);
    const { calls, load } = counter('user-1');
    await cache.get('t', load);
    cache.clear();
    await cache.get('t', load);
    expect(calls.n).toBe(2);
  });

  it('does not keep a look-up that was under way when a write cleared the cache', async () => {
    const cache = new SessionCache<string>(2000, () => 0);
    let release: (value: string) => void = () => {};
    const slow = cache.get('t', () => new Promise<string>((resolve) => (release = resolve)));
    cache.clear(); // e.g. a logout commits while the read is still waiting for its row
    release('before-logout');
    expect(await slow).toBe('before-logout');
    const { calls, load } = counter<string>(null);
    expect(await cache.get('t', load)).toBeNull();
    expect(calls.n).toBe(1);
  });
});
