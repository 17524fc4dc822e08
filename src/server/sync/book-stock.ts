// Stock on hand is the sum of stock movements per store and product. Each movement is written
// with its delta added to stock_levels in the same transaction, so the level registers pull
// always equals the sum. Products are locked in id order, so two pushes never deadlock.
import type { Queryable } from '../db/database';

export interface Movement {
  productId: string;
  delta: number;
  reason: 'sale' | 'count';
  saleId?: string;
  saleLineId?: string;
  stockCountId?: string;
}

/** Writes the movements and returns each touched product's level after them. */
export async function bookStock(
  tx: Queryable,
  storeId: string,
  movements: readonly Movement[],
): Promise<Map<string, number>> {
  if (movements.length === 0) return new Map();
  const perProduct = new Map<string, number>();
  for (const m of movements)
    perProduct.set(m.productId, (perProduct.get(m.productId) ?? 0) + m.delta);
  const ids = [...perProduct.keys()].sort();
  // One statement: the movements, and each product's level moved by their sum.
  const r = await tx.query<{ product_id: string; on_hand: number }>(
    `with moved as (
       insert into stock_movements
         (store_id, product_id, delta, reason, sale_id, sale_line_id, stock_count_id)
       select $1, product_id, delta, reason, sale_id, sale_line_id, stock_count_id
         from unnest($2::uuid[], $3::bigint[], $4::text[], $5::uuid[], $6::uuid[], $7::uuid[])
           as t(product_id, delta, reason, sale_id, sale_line_id, stock_count_id)
     )
     insert into stock_levels (store_id, product_id, on_hand)
     select $1, product_id, delta from unnest($8::uuid[], $9::bigint[]) as t(product_id, delta)
      order by product_id
     on conflict (store_id, product_id)
       do update set on_hand = stock_levels.on_hand + excluded.on_hand
     returning product_id, on_hand`,
    [
      storeId,
      movements.map((m) => m.productId),
      movements.map((m) => m.delta),
      movements.map((m) => m.reason),
      movements.map((m) => m.saleId ?? null),
      movements.map((m) => m.saleLineId ?? null),
      movements.map((m) => m.stockCountId ?? null),
      ids,
      ids.map((id) => perProduct.get(id) ?? 0),
    ],
    { prepare: true },
  );
  return new Map(r.rows.map((row) => [row.product_id, Number(row.on_hand)]));
}

/** Locks and reads the levels of `productIds` (creating missing ones at 0), in id order. */
export async function lockLevels(
  tx: Queryable,
  storeId: string,
  productIds: readonly string[],
): Promise<Map<string, number>> {
  const ids = [...new Set(productIds)].sort();
  await tx.query(
    `insert into stock_levels (store_id, product_id)
     select $1, product_id from unnest($2::uuid[]) as t(product_id) order by product_id
     on conflict (store_id, product_id) do nothing`,
    [storeId, ids],
  );
  const r = await tx.query<{ product_id: string; on_hand: number }>(
    `select product_id, on_hand from stock_levels
      where store_id = $1 and product_id = any($2::uuid[]) order by product_id for update`,
    [storeId, ids],
  );
  return new Map(r.rows.map((row) => [row.product_id, Number(row.on_hand)]));
}
