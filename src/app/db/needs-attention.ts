// Mutations the server rejected for good, with its reason. They never block the outbox; they
// wait here, visible, until a person retries (after a fix) or discards them.
import type { Transaction } from 'dexie';
import type { MutationErrorKind } from '../../shared/api/mutation-error';
import type { TillDb } from './database';
import { enqueue } from './outbox';
import type { NewMutation } from './outbox';
import type { NeedsAttentionEntry, OutboxEntry } from './records';

/** Moves a rejected outbox entry here, inside the caller's transaction. */
export async function setAside(
  tx: Transaction,
  entry: OutboxEntry,
  error: { kind: MutationErrorKind; message: string },
  at: string,
): Promise<void> {
  const item: NeedsAttentionEntry = {
    seq: entry.seq,
    id: entry.id,
    kind: entry.kind,
    recordId: entry.recordId,
    mutation: entry,
    error,
    at,
  };
  await tx.table('needsAttention').put(item);
  await tx.table('outbox').delete(entry.seq);
}

/** The same change as a new mutation: new id, no seq yet. */
function retried(entry: OutboxEntry, id: string): NewMutation {
  return { id, kind: entry.kind, hlc: entry.hlc, payload: entry.payload } as NewMutation;
}

export function listNeedsAttention(db: TillDb): Promise<NeedsAttentionEntry[]> {
  return db.needsAttention.orderBy('seq').toArray();
}

export function needsAttentionCount(db: TillDb): Promise<number> {
  return db.needsAttention.count();
}

/**
 * Sends an item again as a NEW mutation (new id and seq): the server remembers the rejected id
 * for good, so the same id would only be rejected again.
 */
export async function retryNeedsAttention(
  db: TillDb,
  seq: number,
  newMutationId: string,
  now: string,
): Promise<void> {
  await db.transaction(
    'rw',
    [db.needsAttention, db.outbox, db.deviceMeta, db.sales, db.pendingStock],
    async (tx) => {
      const item = await db.needsAttention.get(seq);
      if (!item) return;
      const { recordId } = item.mutation;
      const entry = await enqueue(tx, retried(item.mutation, newMutationId), recordId, now);
      await db.needsAttention.delete(seq);
      if (item.kind !== 'sale.create') return;
      // The sale now waits under its new mutation: its sync state and its pending stock follow
      // the new seq.
      await db.sales.update(recordId, { mutationId: newMutationId, seq: entry.seq });
      const stock = await db.pendingStock.get(seq);
      if (stock) {
        await db.pendingStock.delete(seq);
        await db.pendingStock.add({ ...stock, seq: entry.seq });
      }
    },
  );
}
