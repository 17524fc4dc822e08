// What of a sale can still be refunded here: per line, sold minus what refunds this register
// holds (its own and those pulled from the server) gave back already. The server checks the
// same across every register once synced.
import { paidPerUnit } from '../../shared/pos/refund-price';
import type { Sale } from '../../shared/records/sale';
import type { TableSource } from './database';
import type { LocalSale } from './records';
import { StoreOpsError } from './store-ops-error';

export interface RefundableLine {
  lineId: string;
  productId: string;
  name: string;
  /** What one unit was paid: after its line discount and its share of the order discount. */
  unitPrice: number;
  sold: number;
  refunded: number;
  remaining: number;
}

export async function refundableLines(db: TableSource, original: Sale): Promise<RefundableLine[]> {
  const refunds = await db
    .table<LocalSale, string>('sales')
    .where('refundOf')
    .equals(original.id)
    .toArray();
  const back = new Map<string, number>();
  for (const r of refunds) {
    for (const l of r.lines) {
      if (l.refundOfLineId)
        back.set(l.refundOfLineId, (back.get(l.refundOfLineId) ?? 0) - l.quantity);
    }
  }
  const perUnit = paidPerUnit(original);
  return original.lines.map((l, i) => {
    const refunded = back.get(l.id) ?? 0;
    return {
      lineId: l.id,
      productId: l.productId,
      name: l.name,
      unitPrice: perUnit[i] ?? l.unitPrice,
      sold: l.quantity,
      refunded,
      remaining: Math.max(0, l.quantity - refunded),
    };
  });
}

/** Refuses a refund that gives back more of a line than remains. */
export async function checkRefundQuantities(
  db: TableSource,
  refundOf: string,
  lines: readonly { refundOfLineId?: string | undefined; quantity: number }[],
): Promise<Sale> {
  const original = await db.table<LocalSale, string>('sales').get(refundOf);
  if (!original) throw new StoreOpsError('NotFound', 'The sale to refund is not on this register.');
  if (original.refundOf) throw new StoreOpsError('Invalid', 'A refund cannot be refunded.');
  const remaining = new Map((await refundableLines(db, original)).map((l) => [l.lineId, l]));
  const asked = new Map<string, number>();
  for (const l of lines) {
    if (!l.refundOfLineId || l.quantity >= 0 || !remaining.has(l.refundOfLineId)) {
      throw new StoreOpsError('Invalid', 'Each refund line gives back units of a sold line.');
    }
    asked.set(l.refundOfLineId, (asked.get(l.refundOfLineId) ?? 0) - l.quantity);
  }
  for (const [lineId, n] of asked) {
    const line = remaining.get(lineId);
    if (line && n > line.remaining) {
      throw new StoreOpsError(
        'RefundTooMany',
        `${line.name}: ${line.sold} sold, ${line.refunded} refunded already; ${n} cannot be refunded.`,
      );
    }
  }
  return original;
}
