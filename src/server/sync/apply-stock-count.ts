// stock.count: a manager counted products; the difference to the level on hand is booked as
// movements, so the level becomes the count and stock stays the sum of its movements.
import type { StockCount } from '../../shared/records/stock';
import type { Queryable } from '../db/database';
import type { Applied } from './apply-mutation';
import type { PushContext } from './push-context';
import { reject } from './rejection';
import { bookStock, lockLevels } from './book-stock';

export async function applyStockCount(
  tx: Queryable,
  ctx: PushContext,
  count: StockCount,
  hash: string,
): Promise<Applied> {
  if (ctx.role !== 'manager' && ctx.role !== 'admin') {
    reject('Forbidden', 'Stock counts need a manager.');
  }
  if (count.storeId !== ctx.storeId) reject('Forbidden', 'This count belongs to another store.');
  const productIds = count.lines.map((l) => l.productId);
  if (new Set(productIds).size !== productIds.length) {
    reject('InvalidMutation', 'A product is counted twice in one count.');
  }
  const products = await tx.query<{ id: string }>(
    'select id from products where store_id = $1 and id = any($2::uuid[])',
    [ctx.storeId, productIds],
  );
  const counter = await tx.query<{ store_id: string }>('select store_id from users where id = $1', [
    count.countedBy,
  ]);
  const known = new Set(products.rows.map((p) => p.id));
  const missing = productIds.find((id) => !known.has(id));
  if (missing) reject('NotFound', `Product ${missing} is not in this store.`);
  if (counter.rows[0]?.store_id !== ctx.storeId) {
    reject('NotFound', 'The user who counted is not of this store.');
  }

  const stored = await tx.query<{ payload_hash: string }>(
    `insert into stock_counts (id, store_id, counted_by, device_time, payload_hash)
     values ($1, $2, $3, $4, $5)
     on conflict (id) do nothing returning payload_hash`,
    [count.id, ctx.storeId, count.countedBy, count.deviceTime, hash],
  );
  if (stored.rows.length === 0) {
    const before = await tx.query<{ payload_hash: string }>(
      'select payload_hash from stock_counts where id = $1',
      [count.id],
    );
    if (before.rows[0]?.payload_hash !== hash) {
      reject('Conflict', 'A different count with this id is stored already.');
    }
    return { status: 'duplicate' };
  }

  const levels = await lockLevels(tx, ctx.storeId, productIds);
  await bookStock(
    tx,
    ctx.storeId,
    count.lines
      .map((l) => ({ productId: l.productId, delta: l.counted - (levels.get(l.productId) ?? 0) }))
      .filter((m) => m.delta !== 0)
      .map((m) => ({ ...m, reason: 'count' as const, stockCountId: count.id })),
  );
  return { status: 'applied' };
}
