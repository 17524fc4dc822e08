// sale.create: a sale that happened. Refused only when it is out of the device's scope, refers
// to things its store does not have, or does not add up; never for stock or price, which are
// flagged for a manager instead. Writes the sale, its lines and payments, one stock movement
// per stock-tracked line, and the flags, all in the mutation's transaction.
import type { Sale } from '../../shared/records/sale';
import { checkSale } from '../../shared/pos/check-sale';
import type { Queryable } from '../db/database';
import type { Applied } from './apply-mutation';
import type { PushContext } from './push-context';
import { reject } from './rejection';
import { loadSaleRefs } from './sale-refs';
import type { SaleRefs } from './sale-refs';
import { insertSaleRows } from './sale-rows';
import { bookStock } from './book-stock';
import { checkRefund } from './refund-check';
import { markLate } from './late-sale';

interface Flag {
  kind: 'oversell' | 'priceDrift';
  productId: string;
  details: Record<string, unknown>;
}

function checkTotals(sale: Sale, refs: SaleRefs) {
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

function priceFlags(sale: Sale, refs: SaleRefs): Flag[] {
  return sale.lines.flatMap((line) => {
    const catalog = refs.products.get(line.productId)?.price;
    // An approved override is a decision, not drift; unless the catalog moved since as well.
    const expected = line.priceOverride ? line.priceOverride.originalPrice : line.unitPrice;
    if (catalog === undefined || expected === catalog) return [];
    return [
      {
        kind: 'priceDrift' as const,
        productId: line.productId,
        details: { lineId: line.id, catalogPrice: catalog, soldPrice: line.unitPrice },
      },
    ];
  });
}

/** Whether a sale with this id is stored already: same content is a duplicate, else Conflict. */
async function existing(tx: Queryable, sale: Sale, hash: string): Promise<boolean> {
  const r = await tx.query<{ payload_hash: string }>(
    'select payload_hash from sales where id = $1',
    [sale.id],
  );
  const row = r.rows[0];
  if (!row) return false;
  if (row.payload_hash !== hash) {
    reject('Conflict', 'A different sale with this id is stored already.');
  }
  return true;
}

export async function applySale(
  tx: Queryable,
  ctx: PushContext,
  sale: Sale,
  origin: { mutationId: string; hash: string },
): Promise<Applied> {
  if (sale.storeId !== ctx.storeId) reject('Forbidden', 'This sale belongs to another store.');
  if (!ctx.registerId) reject('Forbidden', 'This device is not bound to a register.');
  if (sale.registerId !== ctx.registerId) {
    reject('Forbidden', 'This sale is for another register than the one of this device.');
  }
  const refs = await loadSaleRefs(tx, sale);
  checkTotals(sale, refs);
  if (await existing(tx, sale, origin.hash)) return { status: 'duplicate' };
  await checkRefund(tx, sale);

  const taken = await tx.query(
    'select 1 from sales where register_id = $1 and receipt_number = $2',
    [sale.registerId, sale.receiptNumber],
  );
  if (taken.rows.length > 0) {
    reject('Conflict', `Receipt number ${sale.receiptNumber} is taken by another sale.`);
  }

  await insertSaleRows(tx, sale, { deviceId: ctx.deviceId, ...origin });

  const tracked = sale.lines.filter((l) => refs.products.get(l.productId)?.stockTracked);
  const levels = await bookStock(
    tx,
    sale.storeId,
    tracked.map((l) => ({
      productId: l.productId,
      delta: -l.quantity,
      reason: 'sale' as const,
      saleId: sale.id,
      saleLineId: l.id,
    })),
  );
  const sold = new Map<string, number>();
  for (const l of tracked) sold.set(l.productId, (sold.get(l.productId) ?? 0) + l.quantity);
  const oversold: Flag[] = [...sold].flatMap(([productId, quantity]) => {
    const after = levels.get(productId) ?? 0;
    return quantity > 0 && after < 0
      ? [{ kind: 'oversell' as const, productId, details: { quantity, onHandAfter: after } }]
      : [];
  });

  // A refund is at the price it was sold at, whatever the catalog says now.
  const flags = [...oversold, ...(sale.refundOf ? [] : priceFlags(sale, refs))];
  if (flags.length > 0) {
    await tx.query(
      `insert into sale_flags (store_id, sale_id, kind, product_id, details)
       select $1, $2, kind, product_id, details
         from unnest($3::text[], $4::uuid[], $5::jsonb[]) as t(kind, product_id, details)`,
      [
        sale.storeId,
        sale.id,
        flags.map((f) => f.kind),
        flags.map((f) => f.productId),
        flags.map((f) => JSON.stringify(f.details)),
      ],
    );
  }
  await markLate(tx, sale);
  return { status: 'applied' };
}
