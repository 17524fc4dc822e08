// Row → record mappers: the SQL that reads each synced table and its wire shape, said once
// for the catalog route and the pull.
import type {
  Category,
  PaymentMethod,
  PaymentMethodKind,
  Product,
  TaxRate,
} from '../../shared/records/catalog';
import type { Register, Store } from '../../shared/records/store';

export const storeColumns = `id, code, name, currency, locale, prices_include_tax, cash_rounding,
  over_short_limit, refund_approval_limit`;
export interface StoreRow {
  id: string;
  code: string;
  name: string;
  currency: string;
  locale: string;
  prices_include_tax: boolean;
  cash_rounding: number;
  over_short_limit: number;
  refund_approval_limit: number;
}
export const toStore = (r: StoreRow): Store => ({
  id: r.id,
  code: r.code,
  name: r.name,
  currency: r.currency,
  locale: r.locale,
  pricesIncludeTax: r.prices_include_tax,
  cashRounding: r.cash_rounding,
  overShortLimit: Number(r.over_short_limit),
  refundApprovalLimit: Number(r.refund_approval_limit),
});

export const registerColumns = `id, store_id, code, name`;
export interface RegisterRow {
  id: string;
  store_id: string;
  code: string;
  name: string;
}
export const toRegister = (r: RegisterRow): Register => ({
  id: r.id,
  storeId: r.store_id,
  code: r.code,
  name: r.name,
});

export const categoryColumns = `id, store_id, name, sort_order`;
export interface CategoryRow {
  id: string;
  store_id: string;
  name: string;
  sort_order: number;
}
export const toCategory = (r: CategoryRow): Category => ({
  id: r.id,
  storeId: r.store_id,
  name: r.name,
  sortOrder: r.sort_order,
});

export const taxRateColumns = `id, store_id, name, basis_points`;
export interface TaxRateRow {
  id: string;
  store_id: string;
  name: string;
  basis_points: number;
}
export const toTaxRate = (r: TaxRateRow): TaxRate => ({
  id: r.id,
  storeId: r.store_id,
  name: r.name,
  basisPoints: r.basis_points,
});

export const paymentMethodColumns = `id, store_id, code, name, kind`;
export interface PaymentMethodRow {
  id: string;
  store_id: string;
  code: string;
  name: string;
  kind: PaymentMethodKind;
}
export const toPaymentMethod = (r: PaymentMethodRow): PaymentMethod => ({
  id: r.id,
  storeId: r.store_id,
  code: r.code,
  name: r.name,
  kind: r.kind,
});

export const productColumns = `id, store_id, sku, barcodes, name, price, tax_rate_id, category_id, active, stock_tracked`;
export interface ProductRow {
  id: string;
  store_id: string;
  sku: string;
  barcodes: string[];
  name: string;
  price: number;
  tax_rate_id: string;
  category_id: string | null;
  active: boolean;
  stock_tracked: boolean;
}
export const toProduct = (r: ProductRow): Product => ({
  id: r.id,
  storeId: r.store_id,
  sku: r.sku,
  barcodes: r.barcodes,
  name: r.name,
  price: Number(r.price),
  taxRateId: r.tax_rate_id,
  categoryId: r.category_id,
  active: r.active,
  stockTracked: r.stock_tracked,
});
