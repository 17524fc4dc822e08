// What sales refer to, read from the database and checked: their store's rules, their products,
// tax rates and payment methods (all of the sale's store), the cashier and the managers who
// approved price overrides. A sale that refers to anything else means nothing and is refused.
// The reads are made once for a whole run of sales (fetchRefTables), the checks per sale.
import type { Sale } from '../../shared/records/sale';
import type { Role } from '../../shared/records/user';
import type { Queryable } from '../db/database';
import { reject } from './rejection';

export interface SaleRefs {
  store: { pricesIncludeTax: boolean; cashRounding: number };
  products: Map<string, { price: number; stockTracked: boolean }>;
}

/** Everything the sales of one store refer to, as found in the database. */
export interface RefTables {
  store: SaleRefs['store'] | null;
  products: SaleRefs['products'];
  rateIds: Set<string>;
  methodKinds: Map<string, string>;
  users: Map<string, { role: Role; storeId: string }>;
}

const MANAGER_ROLES: readonly Role[] = ['manager', 'admin'];

const approversOf = (sale: Sale) =>
  sale.lines.flatMap((l) => (l.priceOverride ? [l.priceOverride.approvedBy] : []));

const unique = (ids: Iterable<string>) => [...new Set(ids)];

export interface RefRow {
  store: { prices_include_tax: boolean; cash_rounding: number } | null;
  products: [string, number, boolean][];
  rates: string[];
  methods: [string, string][];
  users: [string, Role, string][];
}

/**
 * The select list that reads what sales refer to, each set as a JSON array, with parameters
 * $1 to $5 (refParams). fetchRefTables runs it alone; a run of sales adds its own columns.
 */
export const REF_COLUMNS = `
       (select json_build_object('prices_include_tax', prices_include_tax,
                                 'cash_rounding', cash_rounding)
          from stores where id = $1) as store,
       (select coalesce(json_agg(json_build_array(id, price, stock_tracked)), '[]')
          from products where store_id = $1 and id = any($2::uuid[])) as products,
       (select coalesce(json_agg(id), '[]')
          from tax_rates where store_id = $1 and id = any($3::uuid[])) as rates,
       (select coalesce(json_agg(json_build_array(id, kind)), '[]')
          from payment_methods where store_id = $1 and id = any($4::uuid[])) as methods,
       (select coalesce(json_agg(json_build_array(id, role, store_id)), '[]')
          from users where id = any($5::uuid[])) as users`;

/** $1 to $5 of REF_COLUMNS for `sales` (all of store `storeId`). */
export function refParams(storeId: string, sales: readonly Sale[]): unknown[] {
  return [
    storeId,
    unique(sales.flatMap((s) => s.lines.map((l) => l.productId))),
    unique(sales.flatMap((s) => s.lines.map((l) => l.taxRateId))),
    unique(sales.flatMap((s) => s.payments.map((p) => p.methodId))),
    unique(sales.flatMap((s) => [s.cashierId, ...approversOf(s)])),
  ];
}

/** The tables from a row that has the REF_COLUMNS. */
export function refTablesOf(row: RefRow | undefined): RefTables {
  if (!row) throw new Error('the reference query returned no row');
  return {
    store: row.store
      ? { pricesIncludeTax: row.store.prices_include_tax, cashRounding: row.store.cash_rounding }
      : null,
    products: new Map(
      row.products.map(([id, price, stockTracked]) => [id, { price: Number(price), stockTracked }]),
    ),
    rateIds: new Set(row.rates),
    methodKinds: new Map(row.methods),
    users: new Map(row.users.map(([id, role, userStore]) => [id, { role, storeId: userStore }])),
  };
}

/** Reads what `sales` (all of store `storeId`) refer to: one query however many sales. */
export async function fetchRefTables(
  tx: Queryable,
  storeId: string,
  sales: readonly Sale[],
): Promise<RefTables> {
  const r = await tx.query<RefRow>(`select ${REF_COLUMNS}`, refParams(storeId, sales));
  return refTablesOf(r.rows[0]);
}

export function checkRefs(sale: Sale, tables: RefTables): SaleRefs {
  const storeId = sale.storeId;
  if (!tables.store) reject('NotFound', 'The store of this sale does not exist.');

  const missingProduct = sale.lines.find((l) => !tables.products.has(l.productId));
  if (missingProduct)
    reject('NotFound', `Product ${missingProduct.productId} is not in this store.`);

  const missingRate = sale.lines.find((l) => !tables.rateIds.has(l.taxRateId));
  if (missingRate) reject('NotFound', `Tax rate ${missingRate.taxRateId} is not in this store.`);

  sale.payments.forEach((p, i) => {
    const kind = tables.methodKinds.get(p.methodId);
    if (!kind) reject('NotFound', `Payment method ${p.methodId} is not in this store.`);
    if (kind !== p.kind) {
      reject('InvalidMutation', `payments[${i}] says ${p.kind} but its method is ${kind}.`);
    }
  });

  const cashier = tables.users.get(sale.cashierId);
  if (!cashier) reject('NotFound', 'The cashier of this sale is not known.');
  if (cashier.storeId !== storeId) reject('Forbidden', 'The cashier belongs to another store.');
  for (const approver of approversOf(sale)) {
    const user = tables.users.get(approver);
    if (!user || user.storeId !== storeId || !MANAGER_ROLES.includes(user.role)) {
      reject('Forbidden', 'A price override needs the approval of a manager of this store.');
    }
  }
  return { store: tables.store, products: tables.products };
}

export async function loadSaleRefs(tx: Queryable, sale: Sale): Promise<SaleRefs> {
  return checkRefs(sale, await fetchRefTables(tx, sale.storeId, [sale]));
}
