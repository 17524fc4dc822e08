// This register's sales as the screens read them.
import type { TillDb } from './database';
import type { LocalSale } from './records';

export function getSale(db: TillDb, id: string): Promise<LocalSale | undefined> {
  return db.sales.get(id);
}

export function saleByReceipt(db: TillDb, receiptNumber: string): Promise<LocalSale | undefined> {
  return db.sales.where('receiptNumber').equals(receiptNumber).first();
}

/** Sales committed in [from, to) (ISO times), newest first. */
export function salesBetween(db: TillDb, from: string, to: string): Promise<LocalSale[]> {
  return db.sales.where('committedAt').between(from, to, true, false).reverse().toArray();
}

export function unsyncedSales(db: TillDb): Promise<LocalSale[]> {
  return db.sales.where('sync').anyOf('pending', 'rejected').toArray();
}
