// A manager's stock count at the till, offline: ONE transaction stores the count's mutation in
// the outbox; the server books the difference to its level as movements.
import type { StockCount } from '../../shared/records/stock';
import { stockCount } from '../../shared/records/stock';
import { uuidv7 } from '../../shared/uuidv7';
import type { TableSource, TillDb } from './database';
import { getDevice } from './device-meta';
import { stampAndEnqueue } from './local-write';
import type { SaleSync } from './records';
import { mapStorageErrors } from './storage';
import { StoreOpsError } from './store-ops-error';

export function recordStockCount(
  db: TillDb,
  input: { countedBy: string; lines: { productId: string; counted: number }[] },
  now: () => number = Date.now,
): Promise<StockCount> {
  return mapStorageErrors(() =>
    db.transaction('rw', ['outbox', 'deviceMeta'], async (tx) => {
      const device = await getDevice(tx);
      if (!device.storeId) throw new StoreOpsError('Invalid', 'This register has no store yet.');
      const parsed = stockCount.safeParse({
        id: uuidv7(now()),
        storeId: device.storeId,
        countedBy: input.countedBy,
        deviceTime: new Date(now()).toISOString(),
        lines: input.lines,
      });
      if (!parsed.success) {
        throw new StoreOpsError('Invalid', 'Count each product once, with 0 or more units.');
      }
      await stampAndEnqueue(
        tx,
        device,
        { kind: 'stock.count', payload: parsed.data },
        parsed.data.id,
        now,
      );
      return parsed.data;
    }),
  );
}

/**
 * A stock count keeps no local record (the server books it): its state is where its mutation
 * is. Pending while in the outbox, rejected while in needs-attention, else synced.
 */
export async function stockCountStatus(db: TableSource, countId: string): Promise<SaleSync> {
  const waiting = (table: string) =>
    db.table<{ recordId: string }, number>(table).where('recordId').equals(countId).count();
  if ((await waiting('outbox')) > 0) return 'pending';
  return (await waiting('needsAttention')) > 0 ? 'rejected' : 'synced';
}
