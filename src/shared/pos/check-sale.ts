// Does a sale add up? The register runs this before it commits a sale, and the server runs it
// again on every push (TotalsMismatch when the list is not empty), so both hold the same rule:
// computeTotals over the lines as sold, with the store's tax rule and cash rounding.
import type { Sale } from '../records/sale';
import type { Store } from '../records/store';
import { computeTotals } from './totals';

export interface SaleMismatch {
  /** Where in the sale, e.g. "lines[2].tax", "totals.total", "payments". */
  field: string;
  expected: number | boolean;
  actual: number | boolean;
}

export type SaleRules = Pick<Store, 'pricesIncludeTax' | 'cashRounding'>;

/** Every number of `sale` that differs from what the shared rules give; empty when it adds up. */
export function checkSale(sale: Sale, store: SaleRules): SaleMismatch[] {
  const out: SaleMismatch[] = [];
  const differ = (field: string, expected: number | boolean, actual: number | boolean) => {
    if (expected !== actual) out.push({ field, expected, actual });
  };
  differ('pricesIncludeTax', store.pricesIncludeTax, sale.pricesIncludeTax);

  const totals = computeTotals({
    lines: sale.lines.map((l) => ({
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discount: l.discount,
      taxBasisPoints: l.taxBasisPoints,
    })),
    orderDiscount: sale.orderDiscount,
    pricesIncludeTax: store.pricesIncludeTax,
    cashRounding: store.cashRounding,
    paidAllInCash: sale.payments.every((p) => p.kind === 'cash'),
  });
  sale.lines.forEach((line, i) => {
    const computed = totals.lines[i];
    differ(`lines[${i}].total`, computed?.total ?? 0, line.total);
    differ(`lines[${i}].tax`, computed?.tax ?? 0, line.tax);
  });
  differ('totals.subtotal', totals.subtotal, sale.totals.subtotal);
  differ('totals.discount', totals.discount, sale.totals.discount);
  differ('totals.tax', totals.tax, sale.totals.tax);
  differ('totals.rounding', totals.rounding, sale.totals.rounding);
  differ('totals.total', totals.total, sale.totals.total);

  const paid = sale.payments.reduce((sum, p) => sum + p.amount, 0);
  differ('payments', sale.totals.total, paid);
  sale.payments.forEach((p, i) => {
    // What a tender pays is what was handed over minus the change given back.
    if (p.tendered !== undefined)
      differ(`payments[${i}].amount`, p.tendered - (p.change ?? 0), p.amount);
    else if (p.change !== undefined && p.change !== 0) differ(`payments[${i}].change`, 0, p.change);
  });
  return out;
}
