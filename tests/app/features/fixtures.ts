// A small store for the till's component tests: two tax rates, cash and card, three products.
import type {
  Category,
  PaymentMethod,
  Product,
  TaxRate,
} from '../../../src/shared/records/catalog';
import type { Register, Store } from '../../../src/shared/records/store';
import type { PublicUser } from '../../../src/shared/records/user';

const storeId = '0190a000-0000-7000-8000-0000000000a1';

export const store: Store = {
  id: storeId,
  code: 'S1',
  name: 'Test Market',
  currency: 'EUR',
  locale: 'en-IE',
  pricesIncludeTax: true,
  cashRounding: 1,
};

export const register: Register = {
  id: '0190a000-0000-7000-8000-0000000000b1',
  storeId,
  code: 'R1',
  name: 'Register 1',
};

export const taxRates: TaxRate[] = [
  { id: '0190a000-0000-7000-8000-0000000000c1', storeId, name: 'VAT 19%', basisPoints: 1900 },
  { id: '0190a000-0000-7000-8000-0000000000c2', storeId, name: 'VAT 7%', basisPoints: 700 },
];

export const paymentMethods: PaymentMethod[] = [
  { id: '0190a000-0000-7000-8000-0000000000d1', storeId, code: 'CASH', name: 'Cash', kind: 'cash' },
  { id: '0190a000-0000-7000-8000-0000000000d2', storeId, code: 'CARD', name: 'Card', kind: 'card' },
];

export const categories: Category[] = [
  { id: '0190a000-0000-7000-8000-0000000000e1', storeId, name: 'Bakery', sortOrder: 0 },
  { id: '0190a000-0000-7000-8000-0000000000e2', storeId, name: 'Drinks', sortOrder: 1 },
];

function product(n: number, name: string, price: number, rate: number, category: number): Product {
  return {
    id: `0190a000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`,
    storeId,
    sku: `S1-0000${n}`,
    barcodes: [`400000000000${n}`],
    name,
    price,
    taxRateId: taxRates[rate]!.id,
    categoryId: categories[category]!.id,
    active: true,
    stockTracked: true,
  };
}

/** Bread 2.50 at 7 %, Juice 1.99 at 19 %, Water 0.89 at 19 %. */
export const products = [
  product(1, 'Bread', 250, 1, 0),
  product(2, 'Orange Juice', 199, 0, 1),
  product(3, 'Water', 89, 0, 1),
];

export const cashier: PublicUser = {
  id: '0190a000-0000-7000-8000-0000000000f1',
  username: 'cashier1',
  name: 'Clara Cashier',
  role: 'cashier',
  storeId,
};

export const manager: PublicUser = {
  id: '0190a000-0000-7000-8000-0000000000f2',
  username: 'manager1',
  name: 'Martin Manager',
  role: 'manager',
  storeId,
};
