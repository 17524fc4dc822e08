// Sale totals: the one computation the register and the server both run. Lines are summed
// first, then tax is computed once per rate and shared back over that rate's lines, so the
// line taxes always add up to the tax per rate.
import { allocate, mulDivRound, roundToIncrement } from './money';

export interface LineInput {
  quantity: number;
  unitPrice: number;
  /** Amount off this line, in minor units. */
  discount: number;
  taxBasisPoints: number;
}

export interface TotalsInput {
  lines: readonly LineInput[];
  /** Amount off the whole sale, in minor units, shared over the lines by their totals. */
  orderDiscount: number;
  pricesIncludeTax: boolean;
  /** The store's cash increment (1 for none); applied only when the sale is paid all in cash. */
  cashRounding: number;
  paidAllInCash: boolean;
}

export interface TaxBucket {
  basisPoints: number;
  /** What the tax is computed on: the lines' amounts after every discount. */
  base: number;
  tax: number;
}

export interface Totals {
  /** Per line: quantity × unit price − line discount, and the line's share of the tax. */
  lines: { total: number; tax: number }[];
  taxes: TaxBucket[];
  /** Sum of line totals, before the order discount. */
  subtotal: number;
  discount: number;
  tax: number;
  /** Cash rounding difference, included in `total`. */
  rounding: number;
  total: number;
}

export function computeTotals(input: TotalsInput): Totals {
  const lineTotals = input.lines.map((l) => l.quantity * l.unitPrice - l.discount);
  const subtotal = lineTotals.reduce((a, t) => a + t, 0);
  const orderShares = allocate(input.orderDiscount, lineTotals);
  const net = lineTotals.map((t, i) => t - (orderShares[i] ?? 0));

  const rates = [...new Set(input.lines.map((l) => l.taxBasisPoints))].sort((a, b) => a - b);
  const lineTax = new Array<number>(input.lines.length).fill(0);
  const taxes: TaxBucket[] = rates.map((bp) => {
    const idx = input.lines.flatMap((l, i) => (l.taxBasisPoints === bp ? [i] : []));
    const base = idx.reduce((a, i) => a + (net[i] ?? 0), 0);
    const tax = input.pricesIncludeTax
      ? mulDivRound(base, bp, 10_000 + bp)
      : mulDivRound(base, bp, 10_000);
    const shares = allocate(
      tax,
      idx.map((i) => net[i] ?? 0),
    );
    idx.forEach((lineIndex, k) => (lineTax[lineIndex] = shares[k] ?? 0));
    return { basisPoints: bp, base, tax };
  });

  const tax = taxes.reduce((a, t) => a + t.tax, 0);
  const beforeRounding = subtotal - input.orderDiscount + (input.pricesIncludeTax ? 0 : tax);
  const total = input.paidAllInCash
    ? roundToIncrement(beforeRounding, input.cashRounding)
    : beforeRounding;
  return {
    lines: lineTotals.map((t, i) => ({ total: t, tax: lineTax[i] ?? 0 })),
    taxes,
    subtotal,
    discount: input.orderDiscount,
    tax,
    rounding: total - beforeRounding,
    total,
  };
}

/** The totals a sale record carries (without the per-line and per-rate detail). */
export function saleTotals(
  t: Totals,
): Pick<Totals, 'subtotal' | 'discount' | 'tax' | 'rounding' | 'total'> {
  return {
    subtotal: t.subtotal,
    discount: t.discount,
    tax: t.tax,
    rounding: t.rounding,
    total: t.total,
  };
}
