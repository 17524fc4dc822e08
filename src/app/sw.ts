// The service worker: precaches the app shell so a cold start works with no network, serves
// every page navigation from it, and drops caches of older builds. It never caches /api:
// data lives in IndexedDB, owned by the app. On a Background Sync event it runs the app's own
// sync engine over the same database, and fails the event when the push could not finish, so
// the browser tries again later.
/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import {
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  precacheAndRoute,
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { TillDb } from './db/database';
import { platformEnv } from './sync/env';
import { defaultLocks } from './sync/locks';
import { syncOnce } from './sync/sync-once';
import { SYNC_TAG } from './pwa/sync-tag';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first worker takes the open page at once, so a till visited once starts offline even
// before a reload. A later build only activates when the app asks (below), and then reloads.
clientsClaim();
registerRoute(
  new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }),
);

// A new build waits until the app says the cashier accepted it and no sale is in progress.
self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

/** One flush with a database opened for it: the worker may be stopped between events. */
async function flush(): Promise<void> {
  const db = new TillDb();
  try {
    // The Web Locks shared with the tabs: one flusher and one token refresh at a time.
    await syncOnce(db, platformEnv(), defaultLocks(self.navigator));
  } finally {
    db.close();
  }
}

self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  // A rejected promise tells the browser the sync failed: it schedules a retry with backoff.
  if (sync.tag === SYNC_TAG) sync.waitUntil(flush());
});
