// The cart's totals by the shared rules (computeTotals): the screens never do tax math. A
// percent order discount becomes an amount of the current subtotal, so it follows the cart.
import { mulDivRound } from '../../../shared/pos/money';
import { computeTotals } from '../../../shared/pos/totals';
import type { Totals } from '../../../shared/pos/totals';
import type { Store } from '../../../shared/records/store';
import type { Cart } from './cart';

export function orderDiscountAmount(cart: Cart, subtotal: number): number {
  const d = cart.orderDiscount;
  const amount =
    d.kind === 'percent'
      ? mulDivRound(subtotal, d.basisPoints, 10_000)
      : d.kind === 'amount'
        ? d.amount
        : 0;
  return Math.max(0, Math.min(amount, subtotal));
}

export function cartTotals(
  cart: Cart,
  store: Pick<Store, 'pricesIncludeTax' | 'cashRounding'>,
  paidAllInCash: boolean,
): Totals {
  const lines = cart.lines.map((l) => ({
    quantity: l.quantity,
    unitPrice: l.unitPrice,
    discount: l.discount,
    taxBasisPoints: l.taxBasisPoints,
  }));
  const subtotal = lines.reduce((a, l) => a + l.quantity * l.unitPrice - l.discount, 0);
  return computeTotals({
    lines,
    orderDiscount: orderDiscountAmount(cart, subtotal),
    pricesIncludeTax: store.pricesIncludeTax,
    cashRounding: store.cashRounding,
    paidAllInCash,
  });
}
