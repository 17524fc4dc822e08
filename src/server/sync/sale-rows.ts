// The rows of sales: the sales (with the validated record registers pull back), their lines and
// their payments, in one statement however many sales there are.
import type { Sale } from '../../shared/records/sale';
import type { Queryable } from '../db/database';

export interface SaleToStore {
  sale: Sale;
  origin: { deviceId: string; mutationId: string; hash: string };
  /** It reached the server after its shift was closed there. */
  late?: boolean;
}

/** `unnest($first::t1[], $first+1::t2[], ...)` for columns of the given types. */
const unnestOf = (first: number, types: readonly string[]) =>
  `unnest(${types.map((t, i) => `$${first + i}::${t}[]`).join(', ')})`;

const SALE_TYPES = [
  ...['uuid', 'uuid', 'uuid', 'uuid', 'uuid', 'text', 'uuid', 'uuid', 'text', 'timestamptz'],
  ...['text', 'boolean', 'bigint', 'bigint', 'bigint', 'bigint', 'bigint', 'bigint', 'jsonb'],
  ...['uuid', 'uuid', 'boolean'],
];
const LINE_TYPES = [
  ...['uuid', 'uuid', 'int', 'uuid', 'text', 'bigint', 'bigint', 'bigint', 'uuid', 'int'],
  ...['bigint', 'bigint', 'bigint', 'uuid', 'uuid'],
];
const PAYMENT_TYPES = ['uuid', 'uuid', 'int', 'uuid', 'text', 'bigint', 'bigint', 'bigint'];

/** The three sets in one statement: a push's round trips are most of its cost. */
export async function insertSaleRows(tx: Queryable, rows: readonly SaleToStore[]): Promise<void> {
  if (rows.length === 0) return;
  const sales = rows.map((r) => r.sale);
  const lines = sales.flatMap((s) => s.lines.map((line, i) => ({ saleId: s.id, no: i + 1, line })));
  const payments = sales.flatMap((s) =>
    s.payments.map((payment, i) => ({ saleId: s.id, no: i + 1, payment })),
  );
  const lineFrom = 1 + SALE_TYPES.length;
  const paymentFrom = lineFrom + LINE_TYPES.length;
  await tx.query(
    `with s as (
       insert into sales (id, store_id, register_id, device_id, mutation_id, payload_hash,
         shift_id, cashier_id, receipt_number, device_time, hlc, prices_include_tax,
         order_discount, subtotal, discount, tax, rounding, total, record, refund_of,
         refund_approved_by, late)
       select * from ${unnestOf(1, SALE_TYPES)}
     ), l as (
       insert into sale_lines (id, sale_id, line_no, product_id, name, quantity, unit_price,
         discount, tax_rate_id, tax_basis_points, total, tax, original_price, approved_by,
         refund_of_line)
       select * from ${unnestOf(lineFrom, LINE_TYPES)}
     )
     insert into sale_payments (id, sale_id, payment_no, method_id, kind, amount, tendered, change)
     select * from ${unnestOf(paymentFrom, PAYMENT_TYPES)}`,
    [
      sales.map((s) => s.id),
      sales.map((s) => s.storeId),
      sales.map((s) => s.registerId),
      rows.map((r) => r.origin.deviceId),
      rows.map((r) => r.origin.mutationId),
      rows.map((r) => r.origin.hash),
      sales.map((s) => s.shiftId ?? null),
      sales.map((s) => s.cashierId),
      sales.map((s) => s.receiptNumber),
      sales.map((s) => s.deviceTime),
      sales.map((s) => s.hlc),
      sales.map((s) => s.pricesIncludeTax),
      sales.map((s) => s.orderDiscount),
      sales.map((s) => s.totals.subtotal),
      sales.map((s) => s.totals.discount),
      sales.map((s) => s.totals.tax),
      sales.map((s) => s.totals.rounding),
      sales.map((s) => s.totals.total),
      sales.map((s) => JSON.stringify(s)),
      sales.map((s) => s.refundOf ?? null),
      sales.map((s) => s.refundApprovedBy ?? null),
      rows.map((r) => r.late ?? false),
      lines.map((l) => l.line.id),
      lines.map((l) => l.saleId),
      lines.map((l) => l.no),
      lines.map((l) => l.line.productId),
      lines.map((l) => l.line.name),
      lines.map((l) => l.line.quantity),
      lines.map((l) => l.line.unitPrice),
      lines.map((l) => l.line.discount),
      lines.map((l) => l.line.taxRateId),
      lines.map((l) => l.line.taxBasisPoints),
      lines.map((l) => l.line.total),
      lines.map((l) => l.line.tax),
      lines.map((l) => l.line.priceOverride?.originalPrice ?? null),
      lines.map((l) => l.line.priceOverride?.approvedBy ?? null),
      lines.map((l) => l.line.refundOfLineId ?? null),
      payments.map((p) => p.payment.id),
      payments.map((p) => p.saleId),
      payments.map((p) => p.no),
      payments.map((p) => p.payment.methodId),
      payments.map((p) => p.payment.kind),
      payments.map((p) => p.payment.amount),
      payments.map((p) => p.payment.tendered ?? null),
      payments.map((p) => p.payment.change ?? null),
    ],
  );
}
