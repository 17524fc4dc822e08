// The shared pull pages: one build for requests that ask together, a failed build forgotten,
// eviction by size, gzip made once.
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PullPageCache } from '../../../src/server/sync/pull-cache';

const built = (json: string, next: string | null = null) => ({ json, next });

describe('PullPageCache', () => {
  it('builds a page once for requests that ask for it together', async () => {
    const cache = new PullPageCache();
    let builds = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const build = async () => {
      builds++;
      await gate;
      return built('{"page":1}');
    };
    const asked = [cache.get('k', build), cache.get('k', build), cache.get('k', build)];
    release();
    const pages = await Promise.all(asked);
    expect(builds).toBe(1);
    expect(new Set(pages).size).toBe(1);
    expect(pages[0]?.json).toBe('{"page":1}');
    expect((await cache.get('k', build)).json).toBe('{"page":1}');
    expect(builds).toBe(1);
  });

  it('lets a request that knows its key join a page built or being built, and nothing else', async () => {
    const cache = new PullPageCache();
    expect(cache.peek('k')).toBeNull();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => (release = r));
    const building = cache.get('k', async () => {
      await gate;
      return built('{"page":1}', 'next-cursor');
    });
    const joined = cache.peek('k');
    expect(joined).toBe(building);
    release();
    expect((await joined!).json).toBe('{"page":1}');
    expect((await joined!).next).toBe('next-cursor');
    expect(cache.peek('other')).toBeNull();
    expect(cache.has('k')).toBe(true);
    expect(cache.has('other')).toBe(false);
  });

  it('forgets a failed build: its waiters get the error, the next request builds again', async () => {
    const cache = new PullPageCache();
    const failing = cache.get('k', () => Promise.reject(new Error('database went away')));
    const waiting = cache.get('k', () => Promise.resolve(built('never asked')));
    await expect(failing).rejects.toThrow('database went away');
    await expect(waiting).rejects.toThrow('database went away');
    expect((await cache.get('k', () => Promise.resolve(built('{"ok":true}')))).json).toBe(
      '{"ok":true}',
    );
  });

  it('evicts the least recently used pages beyond its size', async () => {
    // A 100-character page counts 200 bytes; 500 bytes hold two.
    const cache = new PullPageCache(500);
    const page = (c: string) => () => Promise.resolve(built(c.repeat(100)));
    await cache.get('a', page('a'));
    await cache.get('b', page('b'));
    await cache.get('a', page('x')); // a is used again: b is now the oldest
    await cache.get('c', page('c'));
    expect(cache.size).toBe(2);
    expect((await cache.get('a', page('y'))).json).toBe('a'.repeat(100));
    expect((await cache.get('b', page('z'))).json).toBe('z'.repeat(100));
  });

  it('gzips a page once, to its JSON', async () => {
    const cache = new PullPageCache();
    const page = await cache.get('k', () =>
      Promise.resolve(built(JSON.stringify({ n: 'x'.repeat(5000) }))),
    );
    const first = page.gzipped();
    expect(page.gzipped()).toBe(first);
    expect(gunzipSync(await first).toString('utf8')).toBe(page.json);
  });
});
