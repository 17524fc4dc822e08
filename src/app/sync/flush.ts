// One flush: push the outbox, pull the changes, and push again when the pull put records back
// into the outbox (a new epoch) or a sale came in meanwhile. Runs holding the sync lock, so one
// flusher at a time across tabs and the service worker. Errors are thrown; the engine decides.
import type { BlockLogName } from '../db/block-log';
import type { TillDb } from '../db/database';
import { findDevice, updateDevice } from '../db/device-meta';
import { readSyncState, updateSyncState } from '../db/sync-state';
import { verifyDigests } from './digest';
import type { ApiClient } from './api';
import type { Locks } from './locks';
import type { PullProgress, PullSummary } from './puller';
import { pullChanges } from './puller';
import type { PushSummary } from './pusher';
import { pushOutbox } from './pusher';

export const SYNC_LOCK = 'till-sync';

export interface FlushOptions {
  batchSize?: number;
  pageSize?: number;
  now: () => number;
  onProgress?: (p: PullProgress) => void;
  onBatch?: () => void;
  /** Called holding the lock, before anything is sent (tests observe the lock with it). */
  onLocked?: () => void;
  /** Run the digest check when it last ran longer ago than this (ms); absent: never. */
  digestEveryMs?: number;
}

export interface FlushSummary {
  push: PushSummary;
  pull: PullSummary;
  /** Entities the digest check found different and repaired by a full resync. */
  repaired: BlockLogName[];
}

export async function flushOnce(
  db: TillDb,
  api: ApiClient,
  locks: Locks,
  opts: FlushOptions,
): Promise<FlushSummary> {
  return locks.request(SYNC_LOCK, async () => {
    opts.onLocked?.();
    const pushOpts = {
      now: opts.now,
      ...(opts.batchSize !== undefined ? { batchSize: opts.batchSize } : {}),
      ...(opts.onBatch ? { onBatch: opts.onBatch } : {}),
    };
    const push = await pushOutbox(db, api, pushOpts);
    await updateSyncState(db, { lastPushAt: new Date(opts.now()).toISOString() });
    const pullAgain = () =>
      pullChanges(db, api, {
        now: opts.now,
        ...(opts.pageSize !== undefined ? { limit: opts.pageSize } : {}),
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      });
    const pull = await pullAgain();
    let repaired: BlockLogName[] = [];
    if (opts.digestEveryMs !== undefined) {
      // Never checked: this was the first (full) download, which needs no check yet.
      const last = (await readSyncState(db)).lastDigestAt;
      if (last && opts.now() - Date.parse(last) >= opts.digestEveryMs)
        repaired = await verifyDigests(db, api, pullAgain);
      if (!last || opts.now() - Date.parse(last) >= opts.digestEveryMs)
        await updateSyncState(db, { lastDigestAt: new Date(opts.now()).toISOString() });
    }
    if ((await db.outbox.count()) > 0) {
      const again = await pushOutbox(db, api, pushOpts);
      push.confirmed += again.confirmed;
      push.rejected += again.rejected;
      push.requeued += again.requeued;
    }
    const at = new Date(opts.now()).toISOString();
    await updateSyncState(db, { lastSuccessAt: at });
    const offset = api.clockOffset();
    const device = await findDevice(db);
    if (offset !== null && device && device.clockOffset !== offset)
      await updateDevice(db, { clockOffset: offset });
    return { push, pull, repaired };
  });
}
