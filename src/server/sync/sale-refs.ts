// What a sale refers to, read from the database and checked: its store's rules, its products,
// tax rates and payment methods (all of the sale's store), its cashier and the managers who
// approved price overrides. A sale that refers to anything else means nothing and is refused.
import type { Sale } from '../../shared/records/sale';
import type { Role } from '../../shared/records/user';
import type { Queryable } from '../db/database';
import { reject } from './rejection';

export interface SaleRefs {
  store: { pricesIncludeTax: boolean; cashRounding: number };
  products: Map<string, { price: number; stockTracked: boolean }>;
}

const MANAGER_ROLES: readonly Role[] = ['manager', 'admin'];

export async function loadSaleRefs(tx: Queryable, sale: Sale): Promise<SaleRefs> {
  const storeId = sale.storeId;
  const productIds = [...new Set(sale.lines.map((l) => l.productId))];
  const rateIds = [...new Set(sale.lines.map((l) => l.taxRateId))];
  const methodIds = [...new Set(sale.payments.map((p) => p.methodId))];
  const approvers = sale.lines.flatMap((l) =>
    l.priceOverride ? [l.priceOverride.approvedBy] : [],
  );
  const userIds = [...new Set([sale.cashierId, ...approvers])];

  // One query at a time: a transaction is one connection.
  const store = await tx.query<{ prices_include_tax: boolean; cash_rounding: number }>(
    'select prices_include_tax, cash_rounding from stores where id = $1',
    [storeId],
  );
  const products = await tx.query<{ id: string; price: number; stock_tracked: boolean }>(
    'select id, price, stock_tracked from products where store_id = $1 and id = any($2::uuid[])',
    [storeId, productIds],
  );
  const rates = await tx.query<{ id: string }>(
    'select id from tax_rates where store_id = $1 and id = any($2::uuid[])',
    [storeId, rateIds],
  );
  const methods = await tx.query<{ id: string; kind: string }>(
    'select id, kind from payment_methods where store_id = $1 and id = any($2::uuid[])',
    [storeId, methodIds],
  );
  const users = await tx.query<{ id: string; role: Role; store_id: string }>(
    'select id, role, store_id from users where id = any($1::uuid[])',
    [userIds],
  );
  const storeRow = store.rows[0];
  if (!storeRow) reject('NotFound', 'The store of this sale does not exist.');

  const productMap = new Map(
    products.rows.map((p) => [p.id, { price: Number(p.price), stockTracked: p.stock_tracked }]),
  );
  const missingProduct = productIds.find((id) => !productMap.has(id));
  if (missingProduct) reject('NotFound', `Product ${missingProduct} is not in this store.`);

  const rateSet = new Set(rates.rows.map((r) => r.id));
  const missingRate = rateIds.find((id) => !rateSet.has(id));
  if (missingRate) reject('NotFound', `Tax rate ${missingRate} is not in this store.`);

  const methodKinds = new Map(methods.rows.map((m) => [m.id, m.kind]));
  sale.payments.forEach((p, i) => {
    const kind = methodKinds.get(p.methodId);
    if (!kind) reject('NotFound', `Payment method ${p.methodId} is not in this store.`);
    if (kind !== p.kind) {
      reject('InvalidMutation', `payments[${i}] says ${p.kind} but its method is ${kind}.`);
    }
  });

  const userMap = new Map(users.rows.map((u) => [u.id, u]));
  const cashier = userMap.get(sale.cashierId);
  if (!cashier) reject('NotFound', 'The cashier of this sale is not known.');
  if (cashier.store_id !== storeId) reject('Forbidden', 'The cashier belongs to another store.');
  for (const approver of approvers) {
    const user = userMap.get(approver);
    if (!user || user.store_id !== storeId || !MANAGER_ROLES.includes(user.role)) {
      reject('Forbidden', 'A price override needs the approval of a manager of this store.');
    }
  }

  return {
    store: { pricesIncludeTax: storeRow.prices_include_tax, cashRounding: storeRow.cash_rounding },
    products: productMap,
  };
}
