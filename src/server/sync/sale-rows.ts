// The rows of sales: the sales (with the validated record registers pull back), their lines and
// their payments, each set in one statement however many sales there are.
import type { Sale } from '../../shared/records/sale';
import type { Queryable } from '../db/database';

export interface SaleToStore {
  sale: Sale;
  origin: { deviceId: string; mutationId: string; hash: string };
  /** It reached the server after its shift was closed there. */
  late?: boolean;
}

export async function insertSaleRows(tx: Queryable, rows: readonly SaleToStore[]): Promise<void> {
  if (rows.length === 0) return;
  const sales = rows.map((r) => r.sale);
  await tx.query(
    `insert into sales (id, store_id, register_id, device_id, mutation_id, payload_hash, shift_id,
       cashier_id, receipt_number, device_time, hlc, prices_include_tax, order_discount,
       subtotal, discount, tax, rounding, total, record, refund_of, refund_approved_by, late)
     select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::text[],
       $7::uuid[], $8::uuid[], $9::text[], $10::timestamptz[], $11::text[], $12::boolean[],
       $13::bigint[], $14::bigint[], $15::bigint[], $16::bigint[], $17::bigint[], $18::bigint[],
       $19::jsonb[], $20::uuid[], $21::uuid[], $22::boolean[])`,
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
    ],
  );
  const lines = sales.flatMap((s) => s.lines.map((line, i) => ({ saleId: s.id, no: i + 1, line })));
  await tx.query(
    `insert into sale_lines (id, sale_id, line_no, product_id, name, quantity, unit_price, discount,
       tax_rate_id, tax_basis_points, total, tax, original_price, approved_by, refund_of_line)
     select * from unnest($1::uuid[], $2::uuid[], $3::int[], $4::uuid[], $5::text[],
       $6::bigint[], $7::bigint[], $8::bigint[], $9::uuid[], $10::int[], $11::bigint[],
       $12::bigint[], $13::bigint[], $14::uuid[], $15::uuid[])`,
    [
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
    ],
  );
  const payments = sales.flatMap((s) =>
    s.payments.map((payment, i) => ({ saleId: s.id, no: i + 1, payment })),
  );
  await tx.query(
    `insert into sale_payments (id, sale_id, payment_no, method_id, kind, amount, tendered, change)
     select * from unnest($1::uuid[], $2::uuid[], $3::int[], $4::uuid[], $5::text[],
       $6::bigint[], $7::bigint[], $8::bigint[])`,
    [
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
