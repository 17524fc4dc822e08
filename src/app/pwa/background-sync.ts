// Asks the browser for a Background Sync whenever the outbox holds entries and the last push
// failed or the device is offline: the worker then flushes even if every tab is closed.
// Browsers without Background Sync rely on the engine's own triggers (online, interval,
// visibility, "Sync now").
import type { SyncStatus, SyncStatusStore } from '../features/till-data';
import { SYNC_TAG } from './sync-tag';

interface SyncManagerLike {
  register(tag: string): Promise<void>;
}

export interface RegistrationSource {
  /** The worker's registration; `sync` is there where the browser has Background Sync. */
  ready: Promise<object>;
}

/**
 * Whether a Background Sync should be asked for: entries wait, and the device is offline or
 * the flush that just ended (`before` was syncing, `now` is not) left them behind.
 */
export function needsBackgroundSync(before: SyncStatus | null, now: SyncStatus): boolean {
  if (now.pending === 0 || now.signedOut) return false;
  if (now.connectivity !== 'online') return true;
  return before !== null && before.syncing && !now.syncing;
}

/** Watches the status and registers the tag on each change into "needs it"; returns stop. */
export function watchBackgroundSync(
  store: SyncStatusStore,
  workers: RegistrationSource | undefined,
): () => void {
  if (!workers) return () => undefined;
  let before: SyncStatus | null = null;
  let wanted = false;
  const check = () => {
    const status = store.get();
    const now = needsBackgroundSync(before, status);
    before = status;
    if (now && !wanted) {
      workers.ready
        .then((registration) =>
          (registration as { sync?: SyncManagerLike }).sync?.register(SYNC_TAG),
        )
        .catch(() => undefined); // refused (permission, no worker): the engine still retries
    }
    wanted = now;
  };
  check();
  return store.subscribe(check);
}
