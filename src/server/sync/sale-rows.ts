// The rows of sales: the sales (with the validated record registers pull back), their lines and
// their payments, in one statement however many sales there are. The sales travel as one JSON
// parameter and the columns are read from each record in SQL: one JSON.stringify here and one
// parse there, where arrays of forty-four columns cost their escaping on both sides (about a
// third of the statement's time).
import type { Sale } from '../../shared/records/sale';
import type { Queryable } from '../db/database';

export interface SaleToStore {
  sale: Sale;
  origin: { deviceId: string; mutationId: string; hash: string };
  /** It reached the server after its shift was closed there. */
  late?: boolean;
}

/** The three sets in one statement: a push's round trips are most of its cost. */
export async function insertSaleRows(tx: Queryable, rows: readonly SaleToStore[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      d: r.origin.deviceId,
      m: r.origin.mutationId,
      h: r.origin.hash,
      late: r.late ?? false,
      s: r.sale,
    })),
  );
  await tx.query(
    `with t as (
       select x.d, x.m, x.h, x.late, x.s
         from jsonb_to_recordset($1::jsonb) as x(d uuid, m uuid, h text, late boolean, s jsonb)
     ), s as (
       insert into sales (id, store_id, register_id, device_id, mutation_id, payload_hash,
         shift_id, cashier_id, receipt_number, device_time, hlc, prices_include_tax,
         order_discount, subtotal, discount, tax, rounding, total, record, refund_of,
         refund_approved_by, late)
       select (s->>'id')::uuid, (s->>'storeId')::uuid, (s->>'registerId')::uuid, d, m, h,
              (s->>'shiftId')::uuid, (s->>'cashierId')::uuid, s->>'receiptNumber',
              (s->>'deviceTime')::timestamptz, s->>'hlc', (s->>'pricesIncludeTax')::boolean,
              (s->>'orderDiscount')::bigint, (s->'totals'->>'subtotal')::bigint,
              (s->'totals'->>'discount')::bigint, (s->'totals'->>'tax')::bigint,
              (s->'totals'->>'rounding')::bigint, (s->'totals'->>'total')::bigint, s,
              (s->>'refundOf')::uuid, (s->>'refundApprovedBy')::uuid, late
         from t
     ), l as (
       insert into sale_lines (id, sale_id, line_no, product_id, name, quantity, unit_price,
         discount, tax_rate_id, tax_basis_points, total, tax, original_price, approved_by,
         refund_of_line)
       select (l->>'id')::uuid, (s->>'id')::uuid, n, (l->>'productId')::uuid, l->>'name',
              (l->>'quantity')::bigint, (l->>'unitPrice')::bigint, (l->>'discount')::bigint,
              (l->>'taxRateId')::uuid, (l->>'taxBasisPoints')::int, (l->>'total')::bigint,
              (l->>'tax')::bigint, (l->'priceOverride'->>'originalPrice')::bigint,
              (l->'priceOverride'->>'approvedBy')::uuid, (l->>'refundOfLineId')::uuid
         from t, jsonb_array_elements(s->'lines') with ordinality as x(l, n)
     )
     insert into sale_payments (id, sale_id, payment_no, method_id, kind, amount, tendered, change)
     select (p->>'id')::uuid, (s->>'id')::uuid, n, (p->>'methodId')::uuid, p->>'kind',
            (p->>'amount')::bigint, (p->>'tendered')::bigint, (p->>'change')::bigint
       from t, jsonb_array_elements(s->'payments') with ordinality as x(p, n)`,
    [json],
    { prepare: true },
  );
}
