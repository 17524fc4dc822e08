// The sale as the screens decide it: lines with their tax shares and totals from the shared
// rules, the payments as settled, the lines voided before payment and the attached customer.
// The data layer adds the number, register, shift and clock.
import type { SaleLine } from '../../../shared/records/sale';
import type { Store } from '../../../shared/records/store';
import type { SaleDraft } from '../till-data';
import type { Cart } from '../sell/cart';
import { cartTotals } from '../sell/cart-totals';
import { saleTotals } from '../../../shared/pos/totals';
import type { Tender } from './settle';
import { isAllCash, settle } from './settle';

export function buildSale(input: {
  id: string;
  cart: Cart;
  store: Pick<Store, 'pricesIncludeTax' | 'cashRounding'>;
  tenders: readonly Tender[];
  cashierId: string;
}): SaleDraft | null {
  const totals = cartTotals(input.cart, input.store, isAllCash(input.tenders));
  const settlement = settle(totals.total, input.tenders);
  if (!settlement.complete || input.cart.lines.length === 0) return null;
  const lines = input.cart.lines.map((l, i): SaleLine => {
    const line: SaleLine = {
      id: l.id,
      productId: l.productId,
      name: l.name,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discount: l.discount,
      taxRateId: l.taxRateId,
      taxBasisPoints: l.taxBasisPoints,
      total: totals.lines[i]?.total ?? 0,
      tax: totals.lines[i]?.tax ?? 0,
    };
    return l.priceOverride ? { ...line, priceOverride: l.priceOverride } : line;
  });
  return {
    id: input.id,
    cashierId: input.cashierId,
    pricesIncludeTax: input.store.pricesIncludeTax,
    lines,
    orderDiscount: totals.discount,
    payments: settlement.payments,
    totals: saleTotals(totals),
    ...(input.cart.voidedLines.length > 0 ? { voidedLines: input.cart.voidedLines } : {}),
    ...(input.cart.customer ? { customerId: input.cart.customer.id } : {}),
  };
}
