// A refund is its own negative sale linked to the original: every line gives back units of a
// line of the original, and no line is ever given back more than was sold, nor more money than
// it took, counting every refund already stored from any register. The original's row is
// locked, so two registers refunding the same receipt at once are serialized and the second
// sees the first. Money goes back in cash or to a tender the original was paid with.
import { paidPerUnit } from '../../shared/pos/refund-price';
import type { Sale, SaleLine } from '../../shared/records/sale';
import type { Queryable } from '../db/database';
import { reject } from './rejection';
import { checkStoreUser } from './store-user';

/** Per original line: units and money (positive) given back by refunds stored already. */
interface Before {
  quantity: number;
  amount: number;
}

/** What one unit of each sold line may give back (lines of no units: nothing). */
function unitPaid(original: Sale): Map<string, number> {
  const perUnit = paidPerUnit(original);
  return new Map(original.lines.map((l, i) => [l.id, perUnit[i] ?? 0]));
}

function checkLines(sale: Sale, original: Sale): Map<string, SaleLine> {
  const soldById = new Map(original.lines.map((l) => [l.id, l]));
  for (const l of sale.lines) {
    if (l.quantity >= 0 || l.refundOfLineId === undefined) {
      reject(
        'InvalidMutation',
        'Every line of a refund gives back units (quantity < 0) of a line.',
      );
    }
    const line = soldById.get(l.refundOfLineId);
    if (!line)
      reject('NotFound', `Line ${l.refundOfLineId} is not on receipt ${original.receiptNumber}.`);
    if (line.productId !== l.productId) {
      reject('InvalidMutation', `A refund line gives back another product than line ${line.id}.`);
    }
    if (line.taxBasisPoints !== l.taxBasisPoints) {
      reject('InvalidMutation', `A refund line gives back "${line.name}" at another tax rate.`);
    }
  }
  return soldById;
}

/** Refunded to a tender other than cash: the original must have been paid with it. */
function checkTenders(sale: Sale, original: Sale): void {
  const paidWith = new Set(original.payments.map((p) => p.methodId));
  for (const p of sale.payments) {
    if (p.kind !== 'cash' && !paidWith.has(p.methodId)) {
      reject(
        'InvalidMutation',
        `Receipt ${original.receiptNumber} was not paid with this ${p.kind} tender: ` +
          'refund it in cash or to a tender it was paid with.',
        { methodId: p.methodId },
      );
    }
  }
}

async function refundedBefore(tx: Queryable, lineIds: string[]): Promise<Map<string, Before>> {
  const r = await tx.query<{ line: string; n: number; amount: number }>(
    `select refund_of_line as line, -sum(quantity)::bigint as n, -sum(total)::bigint as amount
       from sale_lines where refund_of_line = any($1::uuid[]) group by refund_of_line`,
    [lineIds],
  );
  return new Map(
    r.rows.map((row) => [row.line, { quantity: Number(row.n), amount: Number(row.amount) }]),
  );
}

export async function checkRefund(tx: Queryable, sale: Sale): Promise<void> {
  if (!sale.refundOf) {
    if (sale.lines.some((l) => l.refundOfLineId !== undefined) || sale.refundApprovedBy) {
      reject('InvalidMutation', 'Only a refund (refundOf) may refer to refunded lines.');
    }
    return;
  }
  const orig = await tx.query<{ store_id: string; refund_of: string | null; record: Sale }>(
    'select store_id, refund_of, record from sales where id = $1 for update',
    [sale.refundOf],
  );
  const row = orig.rows[0];
  if (!row || row.store_id !== sale.storeId) {
    reject('NotFound', 'The sale this refund gives back is not on the server.');
  }
  if (row.refund_of !== null) reject('InvalidMutation', 'A refund cannot be refunded.');
  const original = row.record;
  // Lines go back at what they were paid; a discount on a refund would only pay back more.
  if (sale.orderDiscount !== 0) reject('InvalidMutation', 'A refund has no order discount.');
  const soldById = checkLines(sale, original);
  checkTenders(sale, original);

  const asked = new Map<string, Before>();
  for (const l of sale.lines) {
    const id = l.refundOfLineId ?? '';
    const a = asked.get(id) ?? { quantity: 0, amount: 0 };
    asked.set(id, { quantity: a.quantity - l.quantity, amount: a.amount - l.total });
  }
  const before = await refundedBefore(tx, [...asked.keys()]);
  const perUnit = unitPaid(original);
  const receipt = original.receiptNumber;
  for (const [lineId, n] of asked) {
    const line = soldById.get(lineId);
    const already = before.get(lineId) ?? { quantity: 0, amount: 0 };
    const sold = line?.quantity ?? 0;
    const name = line?.name ?? lineId;
    if (already.quantity + n.quantity > sold) {
      reject(
        'Conflict',
        `"${name}" on receipt ${receipt}: ${sold} sold, ` +
          `${already.quantity} refunded already, ${n.quantity} more cannot be refunded.`,
        { lineId, sold, refunded: already.quantity, asked: n.quantity },
      );
    }
    // Units refunded so far and now, each at most at what one unit was paid.
    const allowed = (already.quantity + n.quantity) * (perUnit.get(lineId) ?? 0);
    if (already.amount + n.amount > allowed) {
      reject(
        'Conflict',
        `"${name}" on receipt ${receipt}: ${n.amount} back exceeds the sale; ` +
          `${allowed - already.amount} of what was paid remains for ${n.quantity} unit(s).`,
        {
          lineId,
          paidPerUnit: perUnit.get(lineId) ?? 0,
          refundedAmount: already.amount,
          askedAmount: n.amount,
          allowedAmount: allowed - already.amount,
        },
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
