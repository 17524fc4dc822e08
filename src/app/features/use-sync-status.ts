import { useSyncExternalStore } from 'react';
import type { SyncStatus } from './till-data';
import { useTillData } from './till-data-context';

/** The sync engine's status, re-rendering whenever it changes. */
export function useSyncStatus(): SyncStatus {
  const { syncStatus } = useTillData();
  return useSyncExternalStore(syncStatus.subscribe, syncStatus.get);
}
