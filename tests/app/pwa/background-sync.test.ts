import { describe, expect, it } from 'vitest';
import { needsBackgroundSync, watchBackgroundSync } from '../../../src/app/pwa/background-sync';
import { SYNC_TAG } from '../../../src/app/pwa/sync-tag';
import type { SyncStatus } from '../../../src/app/features/till-data';

const base: SyncStatus = {
  connectivity: 'online',
  pending: 0,
  needsAttention: 0,
  lastSync: null,
  pull: null,
  syncing: false,
  signedOut: false,
};
const status = (change: Partial<SyncStatus>): SyncStatus => ({ ...base, ...change });

function fakeStore(initial: SyncStatus) {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    subscribe: (l: () => void) => (listeners.add(l), () => void listeners.delete(l)),
    set(change: Partial<SyncStatus>) {
      current = { ...current, ...change };
      for (const l of [...listeners]) l();
    },
  };
}

function fakeWorkers() {
  const tags: string[] = [];
  return {
    tags,
    ready: Promise.resolve({ sync: { register: async (tag: string) => void tags.push(tag) } }),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('when the app asks for a Background Sync', () => {
  it.each([
    ['nothing is pending, even offline', null, status({ connectivity: 'offline' }), false],
    [
      'entries wait and the device is offline',
      null,
      status({ pending: 1, connectivity: 'offline' }),
      true,
    ],
    [
      'entries wait on a slow connection',
      null,
      status({ pending: 2, connectivity: 'degraded' }),
      true,
    ],
    ['entries wait, online, no flush has ended yet', null, status({ pending: 1 }), false],
    [
      'a flush just ended with entries left',
      status({ pending: 1, syncing: true }),
      status({ pending: 1 }),
      true,
    ],
    [
      'a flush just ended with the outbox empty',
      status({ pending: 1, syncing: true }),
      status({}),
      false,
    ],
    [
      'the session ended (a sync could not push anyway)',
      null,
      status({ pending: 1, connectivity: 'offline', signedOut: true }),
      false,
    ],
  ])('%s', (_, before, now, expected) => {
    expect(needsBackgroundSync(before, now)).toBe(expected);
  });

  it('registers the tag once when the device goes offline with a sale waiting', async () => {
    const store = fakeStore(status({ pending: 1 }));
    const workers = fakeWorkers();
    const stop = watchBackgroundSync(store, workers);
    store.set({ connectivity: 'offline' });
    store.set({ connectivity: 'offline', pending: 2 });
    await settle();
    expect(workers.tags).toEqual([SYNC_TAG]);
    stop();
    store.set({ pending: 0 });
    store.set({ pending: 3 });
    await settle();
    expect(workers.tags).toEqual([SYNC_TAG]);
  });

  it('registers again after each failed flush that left entries behind', async () => {
    const store = fakeStore(status({ pending: 1 }));
    const workers = fakeWorkers();
    watchBackgroundSync(store, workers);
    store.set({ syncing: true });
    store.set({ syncing: false });
    store.set({ syncing: true });
    store.set({ syncing: false });
    await settle();
    expect(workers.tags).toEqual([SYNC_TAG, SYNC_TAG]);
  });

  it('goes on without Background Sync where the browser lacks it', async () => {
    const store = fakeStore(status({ pending: 1, connectivity: 'offline' }));
    const stop = watchBackgroundSync(store, { ready: Promise.resolve({}) });
    await settle();
    stop();
    expect(watchBackgroundSync(store, undefined)).toBeTypeOf('function');
  });
});
