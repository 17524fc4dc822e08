// sale.create: a sale that happened. Refused only when it is out of the device's scope, refers
// to things its store does not have, or does not add up; never for stock or price, which are
// flagged for a manager instead. Writes the sale, its lines and payments, one stock movement
// per stock-tracked line, and the flags, all in the mutation's transaction. The checks and
// flags here serve this one-sale path and the run of sales applied together (apply-sale-run).
import type { Sale } from '../../shared/records/sale';
import { checkSale } from '../../shared/pos/check-sale';
import type { Queryable } from '../db/database';
import type { Applied } from './apply-mutation';
import type { PushContext } from './push-context';
import { reject } from './rejection';
import { loadSaleRefs } from './sale-refs';
import type { SaleRefs } from './sale-refs';
import { insertSaleRows } from './sale-rows';
import type { Movement } from './book-stock';
import { bookStock } from './book-stock';
import { checkRefund } from './refund-check';
import { markLate } from './late-sale';

export interface Flag {
  saleId: string;
  kind: 'oversell' | 'priceDrift' | 'late';
  productId: string | null;
  details: Record<string, unknown>;
}

/** The sale is of the pushing device's store and register. */
export function checkScope(ctx: PushContext, sale: Sale): void {
  if (sale.storeId !== ctx.storeId) reject('Forbidden', 'This sale belongs to another store.');
  if (!ctx.registerId) reject('Forbidden', 'This device is not bound to a register.');
  if (sale.registerId !== ctx.registerId) {
    reject('Forbidden', 'This sale is for another register than the one of this device.');
  }
}

export function checkTotals(sale: Sale, refs: SaleRefs): void {
  let mismatches;
  try {
    mismatches = checkSale(sale, refs.store);
  } catch {
    // Numbers far outside any till's range can break the arithmetic; they do not add up.
    reject('TotalsMismatch', 'The totals of this sale cannot be computed.');
  }
  if (mismatches.length > 0) {
    reject(
      'TotalsMismatch',
      `The sale does not add up: ${mismatches.map((m) => m.field).join(', ')}.`,
      mismatches,
    );
  }
}

/** Stored already: the same content is a duplicate, other content under its id a Conflict. */
export function isStored(storedHash: string | undefined, hash: string): boolean {
  if (storedHash === undefined) return false;
  if (storedHash !== hash) reject('Conflict', 'A different sale with this id is stored already.');
  return true;
}

export function receiptTaken(sale: Sale): never {
  reject('Conflict', `Receipt number ${sale.receiptNumber} is taken by another sale.`);
}

/** One movement per stock-tracked line. */
export function stockMovements(sale: Sale, refs: SaleRefs): Movement[] {
  return sale.lines
    .filter((l) => refs.products.get(l.productId)?.stockTracked)
    .map((l) => ({
      productId: l.productId,
      delta: -l.quantity,
      reason: 'sale' as const,
      saleId: sale.id,
      saleLineId: l.id,
    }));
}

/** Oversell (a level below 0 after the sale) and price drift (not on refunds: sold price). */
export function saleFlags(
  sale: Sale,
  refs: SaleRefs,
  movements: readonly Movement[],
  levelAfter: (productId: string) => number,
): Flag[] {
  const sold = new Map<string, number>();
  for (const m of movements) sold.set(m.productId, (sold.get(m.productId) ?? 0) - m.delta);
  const oversold = [...sold].flatMap(([productId, quantity]) => {
    const after = levelAfter(productId);
    return quantity > 0 && after < 0
      ? [
          {
            saleId: sale.id,
            kind: 'oversell' as const,
            productId,
            details: { quantity, onHandAfter: after },
          },
        ]
      : [];
  });
  if (sale.refundOf) return oversold;
  const drift = sale.lines.flatMap((line) => {
    const catalog = refs.products.get(line.productId)?.price;
    // An approved override is a decision, not drift; unless the catalog moved since as well.
    const expected = line.priceOverride ? line.priceOverride.originalPrice : line.unitPrice;
    if (catalog === undefined || expected === catalog) return [];
    return [
      {
        saleId: sale.id,
        kind: 'priceDrift' as const,
        productId: line.productId,
        details: { lineId: line.id, catalogPrice: catalog, soldPrice: line.unitPrice },
      },
    ];
  });
  return [...oversold, ...drift];
}

export async function insertFlags(tx: Queryable, storeId: string, flags: readonly Flag[]) {
  if (flags.length === 0) return;
  await tx.query(
    `insert into sale_flags (store_id, sale_id, kind, product_id, details)
     select $1, sale_id, kind, product_id, details
       from unnest($2::uuid[], $3::text[], $4::uuid[], $5::jsonb[])
         as t(sale_id, kind, product_id, details)`,
    [
      storeId,
      flags.map((f) => f.saleId),
      flags.map((f) => f.kind),
      flags.map((f) => f.productId),
      flags.map((f) => JSON.stringify(f.details)),
    ],
    { prepare: true },
  );
}

export async function applySale(
  tx: Queryable,
  ctx: PushContext,
  sale: Sale,
  origin: { mutationId: string; hash: string },
): Promise<Applied> {
  checkScope(ctx, sale);
  const refs = await loadSaleRefs(tx, sale);
  checkTotals(sale, refs);
  const stored = await tx.query<{ payload_hash: string }>(
    'select payload_hash from sales where id = $1',
    [sale.id],
  );
  if (isStored(stored.rows[0]?.payload_hash, origin.hash)) return { status: 'duplicate' };
  await checkRefund(tx, sale);

  const taken = await tx.query(
    'select 1 from sales where register_id = $1 and receipt_number = $2',
    [sale.registerId, sale.receiptNumber],
  );
  if (taken.rows.length > 0) receiptTaken(sale);

  await insertSaleRows(tx, [{ sale, origin: { deviceId: ctx.deviceId, ...origin } }]);
  const movements = stockMovements(sale, refs);
  const levels = await bookStock(tx, sale.storeId, movements);
  await insertFlags(
    tx,
    sale.storeId,
    saleFlags(sale, refs, movements, (p) => levels.get(p) ?? 0),
  );
  await markLate(tx, sale);
  return { status: 'applied' };
}
