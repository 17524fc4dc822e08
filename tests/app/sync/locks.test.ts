import { describe, expect, it } from 'vitest';
import { defaultLocks, memoryLocks, webLocks } from '../../../src/app/sync/locks';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('memory locks', () => {
  it('let one holder at a time run, in arrival order', async () => {
    const locks = memoryLocks();
    const events: string[] = [];
    const job = (name: string) =>
      locks.request('sync', async () => {
        events.push(`${name} in`);
        await tick();
        events.push(`${name} out`);
        return name;
      });
    expect(await Promise.all([job('a'), job('b'), job('c')])).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out']);
  });

  it('release the lock when the holder fails', async () => {
    const locks = memoryLocks();
    await expect(locks.request('x', () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    expect(await locks.request('x', async () => 'next')).toBe('next');
  });

  it('keep names apart', async () => {
    const locks = memoryLocks();
    const order: string[] = [];
    let release!: () => void;
    const held = locks.request('a', () => new Promise<void>((r) => (release = r)));
    await locks.request('b', async () => void order.push('b ran while a held'));
    release();
    await held;
    expect(order).toEqual(['b ran while a held']);
  });
});

describe('choosing locks', () => {
  it('uses Web Locks when the platform has them', async () => {
    const names: string[] = [];
    const manager = {
      request: <T>(name: string, cb: () => Promise<T>) => {
        names.push(name);
        return cb();
      },
    };
    expect(await defaultLocks({ locks: manager }).request('till-sync', async () => 1)).toBe(1);
    expect(await webLocks(manager).request('till-token-refresh', async () => 2)).toBe(2);
    expect(names).toEqual(['till-sync', 'till-token-refresh']);
    expect(await defaultLocks(undefined).request('x', async () => 3)).toBe(3);
  });
});
