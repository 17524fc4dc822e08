// The flags of a store's sales, for managers: oversells, price drift and late sales, newest first.
import type { SaleFlag, SaleFlagKind } from '../../shared/api/flags';
import type { Queryable } from '../db/database';

interface FlagRow {
  id: string;
  sale_id: string;
  receipt_number: string;
  register_id: string;
  kind: SaleFlagKind;
  product_id: string | null;
  details: Record<string, unknown>;
  created_at: Date | string;
}

export async function listFlags(
  db: Queryable,
  storeId: string,
  query: { kind?: SaleFlagKind | undefined; limit: number },
): Promise<SaleFlag[]> {
  const r = await db.query<FlagRow>(
    `select f.id, f.sale_id, s.receipt_number, s.register_id, f.kind, f.product_id, f.details,
            f.created_at
       from sale_flags f join sales s on s.id = f.sale_id
      where f.store_id = $1 and ($2::text is null or f.kind = $2)
      order by f.created_at desc, f.id limit $3`,
    [storeId, query.kind ?? null, query.limit],
  );
  return r.rows.map((row) => {
    const common = {
      id: row.id,
      saleId: row.sale_id,
      receiptNumber: row.receipt_number,
      registerId: row.register_id,
      createdAt: new Date(row.created_at).toISOString(),
    };
    const d = row.details;
    if (row.kind === 'late') return { ...common, kind: 'late', shiftId: String(d.shiftId) };
    const base = { ...common, productId: row.product_id ?? '' };
    return row.kind === 'oversell'
      ? {
          ...base,
          kind: 'oversell',
          quantity: Number(d.quantity),
          onHandAfter: Number(d.onHandAfter),
        }
      : {
          ...base,
          kind: 'priceDrift',
          lineId: String(d.lineId),
          catalogPrice: Number(d.catalogPrice),
          soldPrice: Number(d.soldPrice),
        };
  });
}
