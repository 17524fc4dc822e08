// Applies the server's answer to a pushed batch in ONE transaction. An entry leaves the outbox
// only with a result: applied or duplicate (its record is now synced), merged (the server's
// record is taken in) or rejected (it moves to needs-attention). Entries without a result stay.
// A customer edit's answer may carry the conflicts it met: they go to the conflict inbox.
import type { Transaction } from 'dexie';
import type { MutationResult } from '../../shared/api/push';
import { customer as customerSchema } from '../../shared/records/customer';
import { parkedOrder } from '../../shared/records/parked-order';
import { mergeCustomer } from '../../shared/sync/resolve';
import { recordPushConflicts } from './conflicts';
import type { TillDb } from './database';
import { setAside } from './needs-attention';
import type { LocalCustomer, OutboxEntry } from './records';
import { customerOf } from './records';

export interface PushOutcome {
  confirmed: number;
  rejected: number;
  /** Sent, but the answer had no result for them: they stay in the outbox. */
  unanswered: number;
}

/**
 * The local table of each store-operation kind's record, whose `sync` shows its state. A stock
 * count has no local record: its state is its outbox or needs-attention entry (stock-count.ts).
 */
const OPS_TABLES: Partial<Record<OutboxEntry['kind'], string>> = {
  'shift.open': 'shifts',
  'shift.close': 'shifts',
  'cash.move': 'cashMovements',
  'sale.void': 'saleVoids',
  'parked.upsert': 'parkedOrders',
  'customer.upsert': 'customers',
};

const entriesFor = (tx: Transaction, table: string, recordId: string) =>
  tx.table(table).where('recordId').equals(recordId).count();

/** Ascending seqs as runs of consecutive ones: [[1, 3], [5, 5]] for 1, 2, 3, 5. */
export function seqRuns(seqs: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const seq of [...seqs].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && seq === last[1] + 1) last[1] = seq;
    else runs.push([seq, seq]);
  }
  return runs;
}

/**
 * Confirmed sales, the bulk of every answer, are settled together after the loop: their outbox
 * entries and their pending stock (both keyed by the seq) go with a range delete per run of
 * consecutive seqs, usually one for the batch. The sale records are not touched: a sale whose
 * mutation left the outbox shows synced (sales.ts).
 */
async function confirmSales(tx: Transaction, entries: readonly OutboxEntry[]): Promise<void> {
  const runs = seqRuns(entries.map((e) => e.seq));
  await Promise.all(
    ['outbox', 'pendingStock'].flatMap((table) =>
      runs.map(([from, to]) => tx.table(table).where(':id').between(from, to, true, true).delete()),
    ),
  );
}

/** Which of the seqs sent are still in the outbox: keys only, one request for the batch. */
async function stillQueued(tx: Transaction, sent: readonly OutboxEntry[]): Promise<Set<number>> {
  const seqs = sent.map((e) => e.seq);
  if (seqs.length === 0) return new Set();
  const keys = await tx
    .table<OutboxEntry, number>('outbox')
    .where(':id')
    .between(Math.min(...seqs), Math.max(...seqs), true, true)
    .primaryKeys();
  return new Set(keys);
}

/**
 * After the record took in the server's answer: a store-operation record is synced once nothing
 * of it waits in the outbox; rejected while an earlier change of it waits in needs-attention
 * (a shift whose open was refused stays so whatever its close gets).
 */
async function markSynced(tx: Transaction, entry: OutboxEntry): Promise<void> {
  const table = OPS_TABLES[entry.kind];
  if (!table || (await entriesFor(tx, 'outbox', entry.recordId))) return;
  const refused = await entriesFor(tx, 'needsAttention', entry.recordId);
  await tx.table(table).update(entry.recordId, { sync: refused ? 'rejected' : 'synced' });
}

/** The server refused it for good: the record shows it until a person retries or discards. */
async function markRejected(tx: Transaction, entry: OutboxEntry): Promise<void> {
  const table = OPS_TABLES[entry.kind];
  if (table) await tx.table(table).update(entry.recordId, { sync: 'rejected' });
}

/** The server kept another version of a parked order (a final status wins): take it in. */
async function takeMergedParked(tx: Transaction, entry: OutboxEntry, record: unknown) {
  const parsed = parkedOrder.safeParse(record);
  if (!parsed.success || entry.kind !== 'parked.upsert') return;
  await tx.table('parkedOrders').put({ ...parsed.data, sync: 'synced' });
}

/**
 * The server's copy of a customer after a merged push becomes the agreed base (its conflicts
 * were recorded before, by recordPushConflicts).
 */
async function takeMergedCustomer(tx: Transaction, entry: OutboxEntry, record: unknown) {
  const parsed = customerSchema.safeParse(record);
  if (!parsed.success || entry.kind !== 'customer.upsert') return;
  const table = tx.table<LocalCustomer, string>('customers');
  const local = await table.get(entry.recordId);
  const stillPending =
    (await tx
      .table<OutboxEntry, number>('outbox')
      .where('recordId')
      .equals(entry.recordId)
      .count()) > 0;
  if (local && stillPending) {
    await table.put({ ...mergeCustomer(customerOf(local), parsed.data).merged, base: parsed.data });
  } else {
    await table.put({ ...parsed.data, base: parsed.data });
  }
}

/** After an applied customer edit, what this register holds is what the server agreed to. */
async function agreeCustomer(tx: Transaction, entry: OutboxEntry) {
  const table = tx.table<LocalCustomer, string>('customers');
  const local = await table.get(entry.recordId);
  if (!local) return;
  await table.put({ ...local, base: customerOf(local) });
}

export async function applyPushResults(
  db: TillDb,
  sent: readonly OutboxEntry[],
  results: readonly MutationResult[],
  at: string,
): Promise<PushOutcome> {
  const byId = new Map(results.map((r) => [r.id, r]));
  const outcome: PushOutcome = { confirmed: 0, rejected: 0, unanswered: 0 };
  const tables = [
    'outbox',
    'pendingStock',
    'needsAttention',
    'customers',
    'conflicts',
    'shifts',
    'cashMovements',
    'saleVoids',
    'parkedOrders',
  ];
  await db.transaction('rw', tables, async (tx) => {
    // Still there? Another flusher may have handled them (the lock makes that rare, not
    // impossible). A seq is never given to another mutation, so the key says it.
    const queued = await stillQueued(tx, sent);
    const sales: OutboxEntry[] = [];
    for (const entry of sent) {
      const result = byId.get(entry.id);
      if (!result || !queued.has(entry.seq)) {
        if (!result) outcome.unanswered++;
        continue;
      }
      if (result.status === 'rejected') {
        const error = result.error ?? {
          kind: 'InvalidMutation' as const,
          message: 'Rejected without a reason.',
        };
        await setAside(tx, entry, error, at);
        await markRejected(tx, entry);
        outcome.rejected++;
        continue;
      }
      if (entry.kind === 'sale.create') {
        sales.push(entry);
        outcome.confirmed++;
        continue;
      }
      await tx.table('outbox').delete(entry.seq);
      if (entry.kind === 'customer.upsert') {
        // Whether this edit won or lost a real conflict, this register hears of it.
        await recordPushConflicts(tx, entry, result, at);
        // A repeat (the first answer was lost) carries what the first answer did.
        if (result.status === 'merged' || (result.status === 'duplicate' && result.record))
          await takeMergedCustomer(tx, entry, result.record);
        else await agreeCustomer(tx, entry);
      }
      if (
        entry.kind === 'parked.upsert' &&
        (result.status === 'merged' || (result.status === 'duplicate' && result.record))
      )
        await takeMergedParked(tx, entry, result.record);
      await markSynced(tx, entry);
      outcome.confirmed++;
    }
    await confirmSales(tx, sales);
  });
  return outcome;
}
