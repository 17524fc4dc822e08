// checkSale: the register and the server agree on whether a sale adds up.
import { describe, expect, it } from 'vitest';
import { checkSale } from '../../../src/shared/pos/check-sale';
import type { Sale } from '../../../src/shared/records/sale';
import type { FixtureProduct, StoreFixture } from '../../support/sync-fixtures';
import { makeSale } from '../../support/sync-fixtures';

const product = (price: number, basisPoints: number, n: number): FixtureProduct => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  price,
  taxRateId: `00000000-0000-4000-8000-0000000000a${n}`,
  basisPoints,
  stockTracked: true,
  name: `P${n}`,
});
const [bread, wine, stamp] = [product(249, 700, 1), product(1299, 1900, 2), product(95, 0, 3)];

const storeOf = (pricesIncludeTax: boolean, cashRounding = 1): StoreFixture => ({
  id: '00000000-0000-4000-8000-0000000000f1',
  code: 'S1',
  pricesIncludeTax,
  cashRounding,
  products: [bread, wine, stamp],
  cash: '00000000-0000-4000-8000-0000000000c1',
  card: '00000000-0000-4000-8000-0000000000c2',
});

const saleIn = (store: StoreFixture, pay: 'cash' | 'card' = 'card', orderDiscount = 0) =>
  makeSale({
    store,
    registerId: '00000000-0000-4000-8000-0000000000e1',
    registerCode: 'R1',
    cashierId: '00000000-0000-4000-8000-0000000000d1',
    receipt: 7,
    pay,
    orderDiscount,
    lines: [
      { product: bread, quantity: 3, discount: 20 },
      { product: wine, quantity: 1 },
      { product: stamp, quantity: -1 },
    ],
  });

describe('checkSale', () => {
  it.each([
    ['tax-inclusive, card', storeOf(true), 'card' as const, 0],
    ['tax-exclusive, card, order discount', storeOf(false), 'card' as const, 133],
    ['tax-inclusive, cash rounded to 5', storeOf(true, 5), 'cash' as const, 7],
  ])('finds nothing wrong with a sale made by the shared rules (%s)', (_, store, pay, discount) => {
    const sale = saleIn(store, pay, discount);
    expect(checkSale(sale, store)).toEqual([]);
  });

  it('names every number that was tampered with, expected against actual', () => {
    const store = storeOf(true);
    const sale = saleIn(store);
    const [l0, l1, l2] = sale.lines as [Sale['lines'][0], Sale['lines'][0], Sale['lines'][0]];
    const tampered: Sale = {
      ...sale,
      lines: [l0, { ...l1, total: l1.total - 100 }, { ...l2, tax: l2.tax + 1 }],
      totals: { ...sale.totals, total: sale.totals.total - 100 },
    };
    expect(checkSale(tampered, store)).toEqual([
      { field: 'lines[1].total', expected: l1.total, actual: l1.total - 100 },
      { field: 'lines[2].tax', expected: l2.tax, actual: l2.tax + 1 },
      { field: 'totals.total', expected: sale.totals.total, actual: sale.totals.total - 100 },
      { field: 'payments', expected: sale.totals.total - 100, actual: sale.totals.total },
    ]);
  });

  it("checks against the store's tax rule, not the one the sale claims", () => {
    const sale = saleIn(storeOf(true));
    const fields = checkSale(sale, storeOf(false)).map((m) => m.field);
    expect(fields).toContain('pricesIncludeTax');
    expect(fields).toContain('totals.total');
  });

  it('rounds cash only when the sale is paid all in cash', () => {
    const store = storeOf(true, 5);
    const card = saleIn(store, 'card', 7);
    expect(card.totals.rounding).toBe(0);
    expect(checkSale(card, store)).toEqual([]);
    const cashTotals = saleIn(store, 'cash', 7).totals;
    expect(cashTotals.total % 5).toBe(0);
    // Card totals presented as if paid in cash do not add up.
    expect(checkSale({ ...card, totals: cashTotals }, store).length).toBeGreaterThan(0);
  });

  it('checks what cash tenders pay: tendered minus change', () => {
    const store = storeOf(true);
    const sale = saleIn(store, 'cash');
    const p = sale.payments[0];
    if (!p) throw new Error('no payment');
    const wrongChange = { ...sale, payments: [{ ...p, change: (p.change ?? 0) + 1 }] };
    expect(checkSale(wrongChange, store)).toEqual([
      { field: 'payments[0].amount', expected: p.amount - 1, actual: p.amount },
    ]);
  });
});
