// Row → record mappers for the tables this module adds (customers, stock levels, shifts), as
// the pull sends them; the catalog's are in db/records.ts.
import type { Customer } from '../../shared/records/customer';
import type { StockLevel } from '../../shared/records/stock';

export const customerColumns = 'id, store_id, name, email, phone, note, stamps';
export interface CustomerRow {
  id: string;
  store_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  note: string | null;
  stamps: Record<string, string>;
}
export const toCustomer = (r: CustomerRow): Customer => ({
  id: r.id,
  storeId: r.store_id,
  name: r.name,
  email: r.email,
  phone: r.phone,
  note: r.note,
  stamps: r.stamps,
});

export const stockLevelColumns = 'store_id, product_id, on_hand';
export interface StockLevelRow {
  store_id: string;
  product_id: string;
  on_hand: number;
}
export const toStockLevel = (r: StockLevelRow): StockLevel => ({
  storeId: r.store_id,
  productId: r.product_id,
  onHand: Number(r.on_hand),
});

/**
 * A shift row as `pulledShift` (shared/api/pull.ts), built in SQL over `shifts`: the open as
 * the register sent it, its close or null, and its cash movements and voids, oldest first.
 */
export const shiftJson = `open_record || jsonb_build_object(
  'close', close_record,
  'cashMovements', coalesce((
    select jsonb_agg(jsonb_build_object('id', m.id, 'storeId', m.store_id,
             'registerId', m.register_id, 'shiftId', m.shift_id, 'kind', m.kind,
             'amount', m.amount, 'reason', m.reason, 'userId', m.user_id,
             'deviceTime', to_char(m.device_time at time zone 'UTC',
               'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
           order by m.device_time, m.id)
      from cash_movements m where m.shift_id = shifts.id), '[]'::jsonb),
  'voids', coalesce((
    select jsonb_agg(v.record order by v.device_time, v.id)
      from sale_voids v where v.shift_id = shifts.id), '[]'::jsonb))`;
