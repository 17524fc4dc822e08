// A new server epoch means the server was restored from a backup and may have lost what this
// register pushed since. Everything still held locally goes back into the outbox under its
// original mutation id and seq (harmless: pushes are idempotent), and the pull starts over.
import type { Sale } from '../../shared/records/sale';
import { sale as saleSchema } from '../../shared/records/sale';
import type { TillDb } from './database';
import type { LocalSale, OutboxEntry } from './records';
import { syncOf, waitingSeqs } from './sales';
import { readSyncState, writeSyncState } from './sync-state';

/** Returns how many sales went back into the outbox; a no-op when the epoch is the same. */
export async function adoptEpoch(db: TillDb, epoch: string): Promise<number> {
  // The same epoch, almost always: a read, not a write transaction (a strict one is a disk
  // flush, and the pusher asks after every batch).
  if ((await readSyncState(db)).epoch === epoch) return 0;
  return db.transaction(
    'rw',
    [db.syncState, db.sales, db.outbox, db.needsAttention],
    async (tx) => {
      const state = await readSyncState(tx);
      if (state.epoch === epoch) return 0;
      if (state.epoch === null) {
        await writeSyncState(tx, { epoch });
        return 0;
      }
      // The sales this register made that the server had confirmed: not waiting anywhere here.
      const waiting = await waitingSeqs(tx);
      const again: OutboxEntry[] = [];
      for (const local of await db.sales.toArray()) {
        if (local.mutationId === null || local.seq === null) continue;
        if (syncOf(local, waiting) === 'synced')
          again.push(resend(local, local.mutationId, local.seq));
      }
      // Back under their own seqs, so they show pending again.
      await db.outbox.bulkPut(again);
      await writeSyncState(tx, { epoch, cursor: null });
      return again.length;
    },
  );
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
