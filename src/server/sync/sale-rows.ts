// The rows of one sale: the sale (with the validated record registers pull back), its lines and
// its payments, each set in one statement.
import type { Sale } from '../../shared/records/sale';
import type { Queryable } from '../db/database';

export async function insertSaleRows(
  tx: Queryable,
  sale: Sale,
  origin: { deviceId: string; mutationId: string; hash: string },
): Promise<void> {
  await tx.query(
    `insert into sales (id, store_id, register_id, device_id, mutation_id, payload_hash, shift_id,
       cashier_id, receipt_number, device_time, hlc, prices_include_tax, order_discount,
       subtotal, discount, tax, rounding, total, record, refund_of, refund_approved_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
             $20, $21)`,
    [
      sale.id,
      sale.storeId,
      sale.registerId,
      origin.deviceId,
      origin.mutationId,
      origin.hash,
      sale.shiftId ?? null,
      sale.cashierId,
      sale.receiptNumber,
      sale.deviceTime,
      sale.hlc,
      sale.pricesIncludeTax,
      sale.orderDiscount,
      sale.totals.subtotal,
      sale.totals.discount,
      sale.totals.tax,
      sale.totals.rounding,
      sale.totals.total,
      JSON.stringify(sale),
      sale.refundOf ?? null,
      sale.refundApprovedBy ?? null,
    ],
  );
  const lines = sale.lines;
  await tx.query(
    `insert into sale_lines (id, sale_id, line_no, product_id, name, quantity, unit_price, discount,
       tax_rate_id, tax_basis_points, total, tax, original_price, approved_by, refund_of_line)
     select id, $1, line_no, product_id, name, quantity, unit_price, discount,
            tax_rate_id, tax_basis_points, total, tax, original_price, approved_by, refund_of_line
       from unnest($2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::bigint[], $7::bigint[],
                   $8::bigint[], $9::uuid[], $10::int[], $11::bigint[], $12::bigint[],
                   $13::bigint[], $14::uuid[], $15::uuid[])
         as t(id, line_no, product_id, name, quantity, unit_price, discount, tax_rate_id,
              tax_basis_points, total, tax, original_price, approved_by, refund_of_line)`,
    [
      sale.id,
      lines.map((l) => l.id),
      lines.map((_, i) => i + 1),
      lines.map((l) => l.productId),
      lines.map((l) => l.name),
      lines.map((l) => l.quantity),
      lines.map((l) => l.unitPrice),
      lines.map((l) => l.discount),
      lines.map((l) => l.taxRateId),
      lines.map((l) => l.taxBasisPoints),
      lines.map((l) => l.total),
      lines.map((l) => l.tax),
      lines.map((l) => l.priceOverride?.originalPrice ?? null),
      lines.map((l) => l.priceOverride?.approvedBy ?? null),
      lines.map((l) => l.refundOfLineId ?? null),
    ],
  );
  const payments = sale.payments;
  await tx.query(
    `insert into sale_payments (id, sale_id, payment_no, method_id, kind, amount, tendered, change)
     select id, $1, payment_no, method_id, kind, amount, tendered, change
       from unnest($2::uuid[], $3::int[], $4::uuid[], $5::text[], $6::bigint[], $7::bigint[],
                   $8::bigint[])
         as t(id, payment_no, method_id, kind, amount, tendered, change)`,
    [
      sale.id,
      payments.map((p) => p.id),
      payments.map((_, i) => i + 1),
      payments.map((p) => p.methodId),
      payments.map((p) => p.kind),
      payments.map((p) => p.amount),
      payments.map((p) => p.tendered ?? null),
      payments.map((p) => p.change ?? null),
    ],
  );
}
