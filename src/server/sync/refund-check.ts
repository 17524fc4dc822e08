// A refund is its own negative sale linked to the original: every line gives back units of a
// line of the original, and no line is ever given back more than was sold, counting every
// refund already stored from any register. The original's row is locked, so two registers
// refunding the same receipt at once are serialized and the second sees the first.
import type { Sale } from '../../shared/records/sale';
import type { Queryable } from '../db/database';
import { reject } from './rejection';
import { checkStoreUser } from './store-user';

export async function checkRefund(tx: Queryable, sale: Sale): Promise<void> {
  if (!sale.refundOf) {
    if (sale.lines.some((l) => l.refundOfLineId !== undefined) || sale.refundApprovedBy) {
      reject('InvalidMutation', 'Only a refund (refundOf) may refer to refunded lines.');
    }
    return;
  }
  const orig = await tx.query<{
    store_id: string;
    refund_of: string | null;
    receipt_number: string;
  }>('select store_id, refund_of, receipt_number from sales where id = $1 for update', [
    sale.refundOf,
  ]);
  const original = orig.rows[0];
  if (!original || original.store_id !== sale.storeId) {
    reject('NotFound', 'The sale this refund gives back is not on the server.');
  }
  if (original.refund_of !== null) reject('InvalidMutation', 'A refund cannot be refunded.');

  const asked = new Map<string, number>();
  for (const l of sale.lines) {
    if (l.quantity >= 0 || l.refundOfLineId === undefined) {
      reject(
        'InvalidMutation',
        'Every line of a refund gives back units (quantity < 0) of a line.',
      );
    }
    asked.set(l.refundOfLineId, (asked.get(l.refundOfLineId) ?? 0) - l.quantity);
  }
  const lineIds = [...asked.keys()];
  const sold = await tx.query<{ id: string; product_id: string; name: string; quantity: number }>(
    'select id, product_id, name, quantity from sale_lines where sale_id = $1 and id = any($2::uuid[])',
    [sale.refundOf, lineIds],
  );
  const refunded = await tx.query<{ line: string; n: number }>(
    `select refund_of_line as line, -sum(quantity)::bigint as n from sale_lines
      where refund_of_line = any($1::uuid[]) group by refund_of_line`,
    [lineIds],
  );
  const soldById = new Map(sold.rows.map((r) => [r.id, r]));
  const before = new Map(refunded.rows.map((r) => [r.line, Number(r.n)]));
  for (const l of sale.lines) {
    const line = soldById.get(l.refundOfLineId ?? '');
    if (!line)
      reject('NotFound', `Line ${l.refundOfLineId} is not on receipt ${original.receipt_number}.`);
    if (line.product_id !== l.productId) {
      reject('InvalidMutation', `A refund line gives back another product than line ${line.id}.`);
    }
  }
  for (const [lineId, n] of asked) {
    const line = soldById.get(lineId);
    const already = before.get(lineId) ?? 0;
    const quantity = Number(line?.quantity ?? 0);
    if (already + n > quantity) {
      reject(
        'Conflict',
        `"${line?.name ?? lineId}" on receipt ${original.receipt_number}: ${quantity} sold, ` +
          `${already} refunded already, ${n} more cannot be refunded.`,
        { lineId, sold: quantity, refunded: already, asked: n },
      );
    }
  }

  const limits = await tx.query<{ refund_approval_limit: number }>(
    'select refund_approval_limit from stores where id = $1',
    [sale.storeId],
  );
  const limit = Number(limits.rows[0]?.refund_approval_limit ?? 0);
  if (-sale.totals.total > limit && sale.refundApprovedBy === undefined) {
    reject('Forbidden', `A refund above ${limit} needs a manager's approval.`);
  }
  if (sale.refundApprovedBy !== undefined) {
    await checkStoreUser(
      tx,
      sale.storeId,
      sale.refundApprovedBy,
      'approver of the refund',
      'manager',
    );
  }
}
