// A new server epoch means the server was restored from a backup and may have lost what this
// register pushed since. Everything still held locally goes back into the outbox under its
// original mutation id and seq (harmless: pushes are idempotent), and the pull starts over.
import type { Sale } from '../../shared/records/sale';
import { sale as saleSchema } from '../../shared/records/sale';
import type { TillDb } from './database';
import type { LocalSale, OutboxEntry } from './records';
import { readSyncState, writeSyncState } from './sync-state';

/** Returns how many sales went back into the outbox; a no-op when the epoch is the same. */
export async function adoptEpoch(db: TillDb, epoch: string): Promise<number> {
  // The same epoch, almost always: a read, not a write transaction (a strict one is a disk
  // flush, and the pusher asks after every batch).
  if ((await readSyncState(db)).epoch === epoch) return 0;
  return db.transaction('rw', [db.syncState, db.sales, db.outbox], async (tx) => {
    const state = await readSyncState(tx);
    if (state.epoch === epoch) return 0;
    if (state.epoch === null) {
      await writeSyncState(tx, { epoch });
      return 0;
    }
    const queued = new Set((await db.outbox.toArray()).map((e) => e.id));
    const again: OutboxEntry[] = [];
    const ours = await db.sales.where('sync').equals('synced').toArray();
    for (const local of ours) {
      if (local.mutationId === null || local.seq === null || queued.has(local.mutationId)) continue;
      again.push(resend(local, local.mutationId, local.seq));
    }
    await db.outbox.bulkPut(again);
    await db.sales.bulkUpdate(
      again.map((e) => ({ key: e.recordId, changes: { sync: 'pending' } })),
    );
    await writeSyncState(tx, { epoch, cursor: null });
    return again.length;
  });
}

function resend(local: LocalSale, mutationId: string, seq: number): OutboxEntry {
  const payload: Sale = saleSchema.parse(local);
  return {
    id: mutationId,
    seq,
    kind: 'sale.create',
    hlc: local.hlc,
    payload,
    recordId: local.id,
    createdAt: local.committedAt,
  };
}
