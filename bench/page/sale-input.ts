// A realistic sale for the bench: 1–3 lines of random products, paid by card to the cent, built
// from the register's own store and tax tables the way the checkout screen builds it.
import { computeTotals } from '../../src/shared/pos/totals';
import type { PaymentMethod, Product } from '../../src/shared/records/catalog';
import type { Store } from '../../src/shared/records/store';
import type { TillDb } from '../../src/app/db/database';
import { getDevice } from '../../src/app/db/device-meta';
import type { RecordSaleInput, SaleLineInput } from '../../src/app/db/record-sale';

export interface SaleContext {
  store: Store;
  products: Product[];
  taxes: Map<string, number>;
  card: PaymentMethod;
  cashierId: string;
}

export async function saleContext(
  db: TillDb,
  products: Product[],
  cashierId: string,
): Promise<SaleContext> {
  const device = await getDevice(db);
  const store = device.storeId ? await db.stores.get(device.storeId) : undefined;
  if (!store) throw new Error('bench: the device has no store');
  const taxes = new Map((await db.taxRates.toArray()).map((t) => [t.id, t.basisPoints]));
  const card = (await db.paymentMethods.toArray()).find((m) => m.kind !== 'cash');
  if (!card) throw new Error('bench: the store has no card payment method');
  const active = products.filter((p) => p.active);
  return { store, products: active, taxes, card, cashierId };
}

export function randomSale(ctx: SaleContext): RecordSaleInput {
  const n = 1 + Math.floor(Math.random() * 3);
  const lines: SaleLineInput[] = [];
  for (let i = 0; i < n; i++) {
    const p = ctx.products[Math.floor(Math.random() * ctx.products.length)];
    if (!p) throw new Error('bench: no products');
    lines.push({
      productId: p.id,
      name: p.name,
      quantity: 1 + Math.floor(Math.random() * 2),
      unitPrice: p.price,
      taxRateId: p.taxRateId,
      taxBasisPoints: ctx.taxes.get(p.taxRateId) ?? 0,
      stockTracked: p.stockTracked,
    });
  }
  const totals = computeTotals({
    lines: lines.map((l) => ({ ...l, discount: 0 })),
    orderDiscount: 0,
    pricesIncludeTax: ctx.store.pricesIncludeTax,
    cashRounding: ctx.store.cashRounding,
    paidAllInCash: false,
  });
  return {
    cashierId: ctx.cashierId,
    lines,
    payments: [{ methodId: ctx.card.id, kind: ctx.card.kind, amount: totals.total }],
  };
}
