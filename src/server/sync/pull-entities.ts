// What a device may pull, entity by entity: the table, the scope (its store, or for sales,
// shifts and parked orders its register) and the wire shape of a row. The order of this list is the entity rank that breaks
// ties between rows of one transaction in the pull order (xid, rank, id).
import type { PullEntity } from '../../shared/api/pull';
import { pullEntity } from '../../shared/api/pull';
import {
  categoryColumns,
  paymentMethodColumns,
  productColumns,
  registerColumns,
  storeColumns,
  taxRateColumns,
  toCategory,
  toPaymentMethod,
  toProduct,
  toRegister,
  toStore,
  toTaxRate,
} from '../db/records';
import type {
  CategoryRow,
  PaymentMethodRow,
  ProductRow,
  RegisterRow,
  StoreRow,
  TaxRateRow,
} from '../db/records';
import {
  customerColumns,
  shiftJson,
  stockLevelColumns,
  toCustomer,
  toStockLevel,
} from './sync-records';
import type { CustomerRow, StockLevelRow } from './sync-records';

export interface EntitySpec {
  entity: PullEntity;
  rank: number;
  table: string;
  /** The uuid column that identifies a row within the device's scope. */
  id: string;
  /** Which of the device's ids the rows are filtered by, and on which column. */
  scope: { by: 'store' | 'register'; column: string };
  /** SQL giving the row's wire fields as jsonb (read by `toData`). */
  json: string;
  toData: (row: never) => unknown;
}

/** jsonb_build_object over a column list, keys as the columns are named. */
const jsonOf = (columns: string) =>
  `jsonb_build_object(${columns
    .split(',')
    .map((c) => `'${c.trim()}', ${c.trim()}`)
    .join(', ')})`;

const specs: Record<PullEntity, Omit<EntitySpec, 'entity' | 'rank'>> = {
  stores: {
    table: 'stores',
    id: 'id',
    scope: { by: 'store', column: 'id' },
    json: jsonOf(storeColumns),
    toData: (r: StoreRow) => toStore(r),
  },
  registers: {
    table: 'registers',
    id: 'id',
    scope: { by: 'store', column: 'store_id' },
    json: jsonOf(registerColumns),
    toData: (r: RegisterRow) => toRegister(r),
  },
  categories: {
    table: 'categories',
    id: 'id',
    scope: { by: 'store', column: 'store_id' },
    json: jsonOf(categoryColumns),
    toData: (r: CategoryRow) => toCategory(r),
  },
  taxRates: {
    table: 'tax_rates',
    id: 'id',
    scope: { by: 'store', column: 'store_id' },
    json: jsonOf(taxRateColumns),
    toData: (r: TaxRateRow) => toTaxRate(r),
  },
  paymentMethods: {
    table: 'payment_methods',
    id: 'id',
    scope: { by: 'store', column: 'store_id' },
    json: jsonOf(paymentMethodColumns),
    toData: (r: PaymentMethodRow) => toPaymentMethod(r),
  },
  products: {
    table: 'products',
    id: 'id',
    scope: { by: 'store', column: 'store_id' },
    json: jsonOf(productColumns),
    toData: (r: ProductRow) => toProduct(r),
  },
  stockLevels: {
    table: 'stock_levels',
    id: 'product_id',
    scope: { by: 'store', column: 'store_id' },
    json: jsonOf(stockLevelColumns),
    toData: (r: StockLevelRow) => toStockLevel(r),
  },
  customers: {
    table: 'customers',
    id: 'id',
    scope: { by: 'store', column: 'store_id' },
    json: jsonOf(customerColumns),
    toData: (r: CustomerRow) => toCustomer(r),
  },
  sales: {
    table: 'sales',
    id: 'id',
    scope: { by: 'register', column: 'register_id' },
    // The validated sale as the register sent it.
    json: 'record',
    toData: (r: unknown) => r,
  },
  shifts: {
    table: 'shifts',
    id: 'id',
    scope: { by: 'register', column: 'register_id' },
    // pulledShift: storing a cash movement or a void touches its shift, so they come along.
    json: shiftJson,
    toData: (r: unknown) => r,
  },
  parkedOrders: {
    table: 'parked_orders',
    id: 'id',
    scope: { by: 'register', column: 'register_id' },
    json: 'record',
    toData: (r: unknown) => r,
  },
};

export const entitySpecs: readonly EntitySpec[] = pullEntity.options.map((entity, rank) => ({
  entity,
  rank,
  ...specs[entity],
}));

export function specOf(entity: PullEntity): EntitySpec {
  const spec = entitySpecs.find((s) => s.entity === entity);
  if (!spec) throw new Error(`no pull spec for ${entity}`);
  return spec;
}
