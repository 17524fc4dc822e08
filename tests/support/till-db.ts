// Registers' databases for tests: fake-indexeddb, one fresh database name per call, and the
// small fixtures a register needs to sell (store S1, register R2, tax rates, products).
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { DexieOptions } from 'dexie';
import { TillDb } from '../../src/app/db/database';
import { bindRegister, getDevice, initDevice } from '../../src/app/db/device-meta';
import type { LocalShift, SaleSync } from '../../src/app/db/records';
import { saleSync } from '../../src/app/db/sales';
import type { Product } from '../../src/shared/records/catalog';
import type { Register, Store } from '../../src/shared/records/store';
import { uuidv7 } from '../../src/shared/uuidv7';

export const idbOptions: DexieOptions = { indexedDB, IDBKeyRange };

let counter = 0;
export function freshDbName(prefix = 'till-test'): string {
  counter += 1;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`;
}

/** Opens (or reopens: a "reload") the database of that name. */
export async function openDb(name: string, prepare?: (db: TillDb) => void): Promise<TillDb> {
  const db = new TillDb(name, idbOptions);
  prepare?.(db);
  await db.open();
  return db;
}

/** Where a stored sale stands with the server (undefined: no such sale here). */
export async function syncOfSale(db: TillDb, id: string): Promise<SaleSync | undefined> {
  const sale = await db.sales.get(id);
  return sale ? saleSync(db, sale) : undefined;
}

/** A deterministic id source: uuidv7-shaped, sortable, unique per call. */
export function idSource(seed = 1): () => string {
  let n = 0;
  return () => {
    n += 1;
    const hex = (seed * 1_000_003 + n).toString(16).padStart(12, '0');
    return `00000000-0000-7000-8000-${hex.slice(-12)}`;
  };
}

export interface Fixture {
  store: Store;
  register: Register;
  taxRateId: string;
  products: Product[];
}

export function fixture(opts: { pricesIncludeTax?: boolean; cashRounding?: number } = {}): Fixture {
  const store: Store = {
    id: uuidv7(),
    code: 'S1',
    name: 'Berlin',
    currency: 'EUR',
    locale: 'de-DE',
    pricesIncludeTax: opts.pricesIncludeTax ?? true,
    cashRounding: opts.cashRounding ?? 1,
  };
  const register: Register = { id: uuidv7(), storeId: store.id, code: 'R2', name: 'Register 2' };
  const taxRateId = uuidv7();
  const products: Product[] = ['Apple Juice', 'Granola', 'Dish Brush'].map((name, i) => ({
    id: uuidv7(),
    storeId: store.id,
    sku: `SKU-${i + 1}`,
    barcodes: [`400000000000${i}`],
    name,
    price: 199 + i * 100,
    taxRateId,
    categoryId: null,
    active: true,
    stockTracked: i !== 2,
  }));
  return { store, register, taxRateId, products };
}

/**
 * A device set up to sell: device record, store and register stored, bound. A register sells
 * only inside an open shift: `shift: true` gives it one already on the server (openTestShift).
 */
export async function sellingDb(
  fx: Fixture = fixture(),
  opts: { name?: string; prepare?: (db: TillDb) => void; shift?: boolean } = {},
): Promise<TillDb> {
  const db = await openDb(opts.name ?? freshDbName(), opts.prepare);
  await initDevice(db, uuidv7());
  await db.stores.put(fx.store);
  await db.registers.put(fx.register);
  await db.taxRates.put({
    id: fx.taxRateId,
    storeId: fx.store.id,
    name: 'Standard',
    basisPoints: 1900,
  });
  await bindRegister(db, fx.store.id, fx.register.id);
  if (opts.shift) await openTestShift(db);
  return db;
}

/**
 * An open shift (float 100.00) on the device's register, as if its open were pushed already:
 * stored synced, with no outbox entry, so a test's sales are the first mutations it queues.
 * Tests about opening shifts use openShift itself.
 */
export async function openTestShift(db: TillDb, openedBy = uuidv7()): Promise<LocalShift> {
  const device = await getDevice(db);
  if (!device.storeId || !device.registerId) throw new Error('bind the register first');
  const shift: LocalShift = {
    id: uuidv7(),
    storeId: device.storeId,
    registerId: device.registerId,
    openedBy,
    openedAt: new Date().toISOString(),
    openingFloat: 10_000,
    status: 'open',
    close: null,
    sync: 'synced',
  };
  await db.shifts.add(shift);
  return shift;
}

/** A simple one-line cash sale of `product`, paid exactly. */
export function cashSaleOf(product: Product, cashierId: string, quantity = 1) {
  return {
    cashierId,
    lines: [
      {
        productId: product.id,
        name: product.name,
        quantity,
        unitPrice: product.price,
        taxRateId: product.taxRateId,
        taxBasisPoints: 1900,
        stockTracked: product.stockTracked,
      },
    ],
    payments: [{ methodId: uuidv7(), kind: 'cash' as const, amount: product.price * quantity }],
  };
}
