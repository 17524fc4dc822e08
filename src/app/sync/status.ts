// The sync status the UI subscribes to (useSyncExternalStore-shaped: subscribe + getSnapshot).
// Snapshots are immutable; every change makes a new one.

export type Connectivity = 'online' | 'degraded' | 'offline';

export interface SyncStatus {
  connectivity: Connectivity;
  /** Outbox entries not yet confirmed by the server. */
  pending: number;
  needsAttention: number;
  /** When a full push and pull last succeeded (ISO), null if never. */
  lastSyncAt: string | null;
  /** A running pull's progress: changes applied of the total, when the server says it. */
  pull: { done: number; total: number | null } | null;
  /** idle; syncing; waiting to retry after a failure; paused until someone signs in again. */
  phase: 'idle' | 'syncing' | 'waiting' | 'paused';
  /** When the next retry is due (epoch ms) while waiting. */
  retryAt: number | null;
  lastError: { kind: string; message: string } | null;
}

export const initialStatus: SyncStatus = {
  connectivity: 'offline',
  pending: 0,
  needsAttention: 0,
  lastSyncAt: null,
  pull: null,
  phase: 'idle',
  retryAt: null,
  lastError: null,
};

export class StatusStore {
  private snapshot: SyncStatus;
  private readonly listeners = new Set<() => void>();

  constructor(initial: SyncStatus = initialStatus) {
    this.snapshot = initial;
  }

  readonly getSnapshot = (): SyncStatus => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  update(change: Partial<SyncStatus>): void {
    const next = { ...this.snapshot, ...change };
    const same = (Object.keys(change) as (keyof SyncStatus)[]).every((k) =>
      Object.is(next[k], this.snapshot[k]),
    );
    if (same) return;
    this.snapshot = next;
    for (const listener of [...this.listeners]) listener();
  }
}
