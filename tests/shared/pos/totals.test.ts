import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTotals } from '../../../src/shared/pos/totals';
import type { LineInput } from '../../../src/shared/pos/totals';

const line = (
  quantity: number,
  unitPrice: number,
  taxBasisPoints: number,
  discount = 0,
): LineInput => ({
  quantity,
  unitPrice,
  discount,
  taxBasisPoints,
});
const base = { orderDiscount: 0, cashRounding: 1, paidAllInCash: false };

describe('computeTotals, prices including tax', () => {
  it('takes the tax out of the shelf price, once per rate', () => {
    // Two lines at 19 %: 2 × 1.19 + 1 × 2.38 = 4.76 gross, tax = 4.76 × 19/119 = 0.76.
    const t = computeTotals({
      ...base,
      pricesIncludeTax: true,
      lines: [line(2, 119, 1900), line(1, 238, 1900)],
    });
    expect(t.subtotal).toBe(476);
    expect(t.tax).toBe(76);
    expect(t.total).toBe(476);
    expect(t.lines.map((l) => l.tax)).toEqual([38, 38]);
    expect(t.taxes).toEqual([{ basisPoints: 1900, base: 476, tax: 76 }]);
  });

  it('sums lines first: three 0.10 items at 19 % carry 0.05 tax, not 3 × 0.02', () => {
    const t = computeTotals({
      ...base,
      pricesIncludeTax: true,
      lines: [line(1, 10, 1900), line(1, 10, 1900), line(1, 10, 1900)],
    });
    expect(t.tax).toBe(5);
    expect(t.lines.reduce((a, l) => a + l.tax, 0)).toBe(5);
  });

  it('shares an order discount over the lines before computing tax', () => {
    const t = computeTotals({
      ...base,
      pricesIncludeTax: true,
      orderDiscount: 100,
      lines: [line(1, 1190, 1900), line(1, 1070, 700)],
    });
    expect(t.subtotal).toBe(2260);
    expect(t.total).toBe(2160);
    // 100 split 53/47 by line totals: bases 1137 and 1023.
    expect(t.taxes).toEqual([
      { basisPoints: 700, base: 1023, tax: 67 },
      { basisPoints: 1900, base: 1137, tax: 182 },
    ]);
  });
});

describe('computeTotals, prices excluding tax', () => {
  it('adds the tax on top', () => {
    const t = computeTotals({ ...base, pricesIncludeTax: false, lines: [line(3, 199, 625, 50)] });
    expect(t.lines[0]?.total).toBe(547);
    expect(t.tax).toBe(34);
    expect(t.total).toBe(581);
  });
});

describe('cash rounding', () => {
  it('rounds the total only when the sale is paid all in cash', () => {
    const lines = [line(1, 1003, 0)];
    const card = computeTotals({ ...base, pricesIncludeTax: true, cashRounding: 5, lines });
    const cash = computeTotals({
      ...base,
      pricesIncludeTax: true,
      cashRounding: 5,
      paidAllInCash: true,
      lines,
    });
    expect(card.total).toBe(1003);
    expect(cash.total).toBe(1005);
    expect(cash.rounding).toBe(2);
  });
});

describe('computeTotals invariants', () => {
  it('line taxes add up to the taxes per rate, and the total follows the rule', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            quantity: fc.integer({ min: -5, max: 20 }).filter((q) => q !== 0),
            unitPrice: fc.integer({ min: 0, max: 100_000 }),
            discount: fc.constant(0),
            taxBasisPoints: fc.constantFrom(0, 700, 1900, 625),
          }),
          { minLength: 1, maxLength: 20 },
        ),
        fc.boolean(),
        (lines, inclusive) => {
          const t = computeTotals({ ...base, pricesIncludeTax: inclusive, lines });
          expect(t.lines.reduce((a, l) => a + l.tax, 0)).toBe(t.tax);
          expect(t.taxes.reduce((a, b) => a + b.tax, 0)).toBe(t.tax);
          expect(t.total).toBe(t.subtotal - t.discount + (inclusive ? 0 : t.tax));
        },
      ),
    );
  });
});
