// Where the sync stands: the pull cursor (stored only with the data it covers), the server
// epoch this register last saw, the times of the last pull, push and full success, and the
// progress of a full resync.
import type { TableSource, TillDb } from './database';
import type { SyncRecord, SyncStateRecord } from './records';

export const emptySyncState: SyncStateRecord = {
  key: 'sync',
  cursor: null,
  epoch: null,
  lastPullAt: null,
  lastPushAt: null,
  lastSuccessAt: null,
  resync: null,
};

export async function readSyncState(db: TableSource): Promise<SyncStateRecord> {
  const found = await db.table<SyncRecord, string>('syncState').get('sync');
  return found?.key === 'sync' ? found : emptySyncState;
}

/** Inside the caller's transaction when given one, so it commits with what it describes. */
export async function writeSyncState(
  db: TableSource,
  change: Partial<Omit<SyncStateRecord, 'key'>>,
): Promise<SyncStateRecord> {
  const next = { ...(await readSyncState(db)), ...change };
  await db.table<SyncRecord, string>('syncState').put(next);
  return next;
}

export function updateSyncState(db: TillDb, change: Partial<Omit<SyncStateRecord, 'key'>>) {
  return db.transaction('rw', db.syncState, () => writeSyncState(db, change));
}
