// Row → record mappers for the tables this module adds (customers, stock levels), as the pull
// sends them; the catalog's are in db/records.ts.
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
