// Where this register's sales stand with the server. A sale record is never rewritten when its
// push is answered: its state is where its mutation (its `seq`) waits. In the outbox: pending;
// in needs-attention, or discarded from there: rejected; else (or pulled back, seq null): synced.
import type { TableSource } from './database';
import type { LocalSale, SaleSync } from './records';

/** The seqs waiting in the outbox and in needs-attention, read once for a list of sales. */
export interface WaitingSeqs {
  outbox: ReadonlySet<number>;
  attention: ReadonlySet<number>;
}

/** Primary keys only: no entry is read, however long the queue. */
export async function waitingSeqs(db: TableSource): Promise<WaitingSeqs> {
  const [outbox, attention] = await Promise.all([
    db.table<unknown, number>('outbox').toCollection().primaryKeys(),
    db.table<unknown, number>('needsAttention').toCollection().primaryKeys(),
  ]);
  return { outbox: new Set(outbox), attention: new Set(attention) };
}

type SaleRef = Pick<LocalSale, 'seq' | 'discarded'>;

export function syncOf(sale: SaleRef, waiting: WaitingSeqs): SaleSync {
  if (sale.discarded) return 'rejected';
  if (sale.seq === null) return 'synced';
  if (waiting.outbox.has(sale.seq)) return 'pending';
  return waiting.attention.has(sale.seq) ? 'rejected' : 'synced';
}

/** One sale's state, with two key lookups. */
export async function saleSync(db: TableSource, sale: SaleRef): Promise<SaleSync> {
  if (sale.discarded) return 'rejected';
  if (sale.seq === null) return 'synced';
  const [queued, refused] = await Promise.all([
    db.table<unknown, number>('outbox').where(':id').equals(sale.seq).count(),
    db.table<unknown, number>('needsAttention').where(':id').equals(sale.seq).count(),
  ]);
  if (queued > 0) return 'pending';
  return refused > 0 ? 'rejected' : 'synced';
}

/** The sales whose mutations wait in the outbox (and, with `rejected`, in needs-attention). */
export async function waitingSales(
  db: TableSource,
  opts: { rejected: boolean },
): Promise<LocalSale[]> {
  const tables = opts.rejected ? ['outbox', 'needsAttention'] : ['outbox'];
  const recordIds = await Promise.all(
    tables.map((t) => db.table<unknown, number>(t).orderBy('recordId').uniqueKeys()),
  );
  const ids = [...new Set(recordIds.flat().map(String))];
  const waiting = await waitingSeqs(db);
  const sales = await db.table<LocalSale, string>('sales').bulkGet(ids);
  const wanted = (s: LocalSale) => {
    const state = syncOf(s, waiting);
    return state === 'pending' || (opts.rejected && state === 'rejected');
  };
  return sales.filter((s): s is LocalSale => s !== undefined && wanted(s));
}
