// The demo store: two stores (EUR tax-inclusive, USD tax-exclusive), two registers each, and a
// cashier and a manager per store, all with the password "demo". Seeding is idempotent: it
// does nothing when store S1 exists.
import type { Database, Queryable } from '../db/database';
import { ean13 } from '../../shared/pos/ean13';
import { hashPassword } from '../auth/passwords';
import type { TaxClass } from './demo-catalog';
import { demoCategories } from './demo-catalog';
import { insertProducts } from './insert-products';

export const DEMO_PASSWORD = 'demo';

export const demoLogins = [
  { username: 'cashier1', name: 'Clara Cashier', role: 'cashier', store: 'S1' },
  { username: 'manager1', name: 'Martin Manager', role: 'manager', store: 'S1' },
  { username: 'cashier2', name: 'Casey Cashier', role: 'cashier', store: 'S2' },
  { username: 'manager2', name: 'Morgan Manager', role: 'manager', store: 'S2' },
] as const;

interface DemoStoreSpec {
  code: 'S1' | 'S2';
  name: string;
  currency: string;
  locale: string;
  pricesIncludeTax: boolean;
  cashRounding: number;
  rates: Record<TaxClass, { name: string; basisPoints: number }>;
  /** The first digits of this store's EAN-13 codes. */
  barcodePrefix: string;
  /** Multiplies the base prices, which are in euro cents. */
  priceFactor: number;
}

const stores: DemoStoreSpec[] = [
  {
    code: 'S1',
    name: 'Till Market Berlin',
    currency: 'EUR',
    locale: 'de-DE',
    pricesIncludeTax: true,
    cashRounding: 1,
    rates: {
      standard: { name: 'VAT 19%', basisPoints: 1900 },
      reduced: { name: 'VAT 7%', basisPoints: 700 },
      zero: { name: 'VAT 0%', basisPoints: 0 },
    },
    barcodePrefix: '400',
    priceFactor: 1,
  },
  {
    code: 'S2',
    name: 'Till Market Boston',
    currency: 'USD',
    locale: 'en-US',
    pricesIncludeTax: false,
    cashRounding: 1,
    rates: {
      standard: { name: 'Sales tax 6.25%', basisPoints: 625 },
      reduced: { name: 'Meals tax 7%', basisPoints: 700 },
      zero: { name: 'Exempt', basisPoints: 0 },
    },
    barcodePrefix: '070',
    priceFactor: 1.1,
  },
];

async function seedStore(tx: Queryable, spec: DemoStoreSpec): Promise<void> {
  const storeRow = await tx.query<{ id: string }>(
    `insert into stores (code, name, currency, locale, prices_include_tax, cash_rounding)
     values ($1, $2, $3, $4, $5, $6) returning id`,
    [spec.code, spec.name, spec.currency, spec.locale, spec.pricesIncludeTax, spec.cashRounding],
  );
  const storeId = storeRow.rows[0]?.id;
  if (!storeId) throw new Error('store insert returned nothing');

  for (const [code, name] of [
    ['R1', 'Register 1'],
    ['R2', 'Register 2'],
  ]) {
    await tx.query('insert into registers (store_id, code, name) values ($1, $2, $3)', [
      storeId,
      code,
      name,
    ]);
  }
  await tx.query(
    `insert into payment_methods (store_id, code, name, kind)
     values ($1, 'CASH', 'Cash', 'cash'), ($1, 'CARD', 'Card', 'card')`,
    [storeId],
  );
  const rateIds = {} as Record<TaxClass, string>;
  for (const cls of ['standard', 'reduced', 'zero'] as const) {
    const r = await tx.query<{ id: string }>(
      'insert into tax_rates (store_id, name, basis_points) values ($1, $2, $3) returning id',
      [storeId, spec.rates[cls].name, spec.rates[cls].basisPoints],
    );
    rateIds[cls] = r.rows[0]?.id ?? '';
  }

  let seq = 0;
  const products = [];
  for (const [index, category] of demoCategories.entries()) {
    const cat = await tx.query<{ id: string }>(
      'insert into categories (store_id, name, sort_order) values ($1, $2, $3) returning id',
      [storeId, category.name, index],
    );
    for (const item of category.items) {
      seq += 1;
      const digits = String(seq).padStart(12 - spec.barcodePrefix.length, '0');
      products.push({
        sku: `${spec.code}-${String(seq).padStart(5, '0')}`,
        barcodes: [ean13(spec.barcodePrefix + digits)],
        name: item.name,
        price: Math.round(item.price * spec.priceFactor),
        taxRateId: rateIds[item.tax],
        categoryId: cat.rows[0]?.id ?? null,
        stockTracked: !item.untracked,
      });
    }
  }
  await insertProducts(tx, storeId, products);
  await receiveOpeningStock(tx, storeId);
}

/**
 * Opening stock for the demo shelves, booked as goods received: stock on hand is always the
 * sum of movements, so the level and its movement are written together.
 */
async function receiveOpeningStock(tx: Queryable, storeId: string): Promise<void> {
  await tx.query(
    `with stocked as (
       select id, 12 + (row_number() over (order by sku) * 7) % 60 as qty
         from products where store_id = $1 and stock_tracked and not deleted),
     moved as (
       insert into stock_movements (store_id, product_id, delta, reason)
       select $1, id, qty, 'receipt' from stocked)
     insert into stock_levels (store_id, product_id, on_hand)
     select $1, id, qty from stocked`,
    [storeId],
  );
}

/** Seeds the demo stores and logins unless they exist. Returns whether it seeded. */
export async function seedDemoStore(db: Database): Promise<boolean> {
  const hash = await hashPassword(DEMO_PASSWORD);
  return db.transaction(async (tx) => {
    const existing = await tx.query("select 1 from stores where code = 'S1'");
    if (existing.rows.length > 0) return false;
    for (const spec of stores) await seedStore(tx, spec);
    for (const login of demoLogins) {
      await tx.query(
        `insert into users (username, name, role, store_id, password_hash)
         select $1, $2, $3, id, $5 from stores where code = $4`,
        [login.username, login.name, login.role, login.store, hash],
      );
    }
    return true;
  });
}
