// The shift totals the register and the server both compute: sales and refunds apart, tax per
// rate, payments per tender, expected cash from the float and the cash movements; and the
// comparison of two totals that does not care in which order an object's keys came back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReportSale } from '../../../src/shared/pos/shift-report';
import { diffShiftTotals, salesByHour, shiftReport } from '../../../src/shared/pos/shift-report';

const CASH = '00000000-0000-7000-8000-000000000001';
const CARD = '00000000-0000-7000-8000-000000000002';

function sale(total: number, tax: number, bp: number, pay: [string, number][], refundOf?: string) {
  const s: ReportSale = {
    lines: [
      {
        id: 'l',
        productId: 'p',
        name: 'x',
        quantity: total < 0 ? -1 : 1,
        unitPrice: Math.abs(total),
        discount: 0,
        taxRateId: 't',
        taxBasisPoints: bp,
        total,
        tax,
      },
    ],
    payments: pay.map(([methodId, amount], i) => ({
      id: `p${i}`,
      methodId,
      kind: methodId === CASH ? 'cash' : 'card',
      amount,
    })),
    totals: { subtotal: total, discount: 0, tax, rounding: 0, total },
    ...(refundOf ? { refundOf } : {}),
  };
  return s;
}

describe('shiftReport', () => {
  it('adds sales, refunds, taxes per rate, tenders and cash movements', () => {
    const t = shiftReport({
      openingFloat: 10_000,
      sales: [
        sale(1190, 190, 1900, [[CASH, 1190]]),
        sale(535, 35, 700, [
          [CASH, 200],
          [CARD, 335],
        ]),
        sale(-1190, -190, 1900, [[CASH, -1190]], 'orig'),
      ],
      cashMovements: [
        { kind: 'in', amount: 500 },
        { kind: 'out', amount: 2_000 },
      ],
      voidedSales: 1,
    });
    expect(t).toMatchObject({
      salesCount: 2,
      salesTotal: 1725,
      refundsCount: 1,
      refundsTotal: -1190,
      tax: 35,
      taxes: [
        { basisPoints: 700, sales: 535, tax: 35 },
        { basisPoints: 1900, sales: 0, tax: 0 },
      ],
      payments: [
        { methodId: CASH, kind: 'cash', amount: 200, count: 3 },
        { methodId: CARD, kind: 'card', amount: 335, count: 1 },
      ],
      expectedCash: 10_000 + 200 + 500 - 2_000,
      voidedSales: 1,
    });
  });

  it('expects the float plus net cash taken plus cash in minus cash out, for any shift', () => {
    fc.assert(
      fc.property(
        fc.nat(100_000),
        fc.array(fc.tuple(fc.integer({ min: -5_000, max: 5_000 }), fc.boolean()), {
          maxLength: 30,
        }),
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 5_000 })), { maxLength: 10 }),
        (float, sales, moves) => {
          const t = shiftReport({
            openingFloat: float,
            sales: sales.map(([total, cash]) => sale(total, 0, 0, [[cash ? CASH : CARD, total]])),
            cashMovements: moves.map(([isIn, amount]) => ({ kind: isIn ? 'in' : 'out', amount })),
            voidedSales: 0,
          });
          const cash = sales.filter(([, c]) => c).reduce((a, [x]) => a + x, 0);
          const net = moves.reduce((a, [isIn, x]) => a + (isIn ? x : -x), 0);
          expect(t.expectedCash).toBe(float + cash + net);
          expect(t.salesTotal + t.refundsTotal).toBe(sales.reduce((a, [x]) => a + x, 0));
        },
      ),
    );
  });

  it('compares totals field by field, whatever the key order', () => {
    const a = shiftReport({
      openingFloat: 0,
      sales: [sale(100, 16, 1900, [[CARD, 100]])],
      cashMovements: [],
      voidedSales: 0,
    });
    const reordered = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
    const shuffled = {
      ...reordered,
      payments: a.payments.map((p) => ({
        count: p.count,
        amount: p.amount,
        kind: p.kind,
        methodId: p.methodId,
      })),
    };
    expect(diffShiftTotals(a, shuffled)).toEqual([]);
    expect(diffShiftTotals(a, { ...a, tax: 17 })).toEqual(['tax']);
  });

  it('buckets sales by hour and leaves refunds out', () => {
    const at = (h: number) => ({ deviceTime: `2026-01-01T${String(h).padStart(2, '0')}:30:00Z` });
    const hours = salesByHour(
      [
        { ...at(9), totals: { subtotal: 0, discount: 0, tax: 0, rounding: 0, total: 500 } },
        { ...at(9), totals: { subtotal: 0, discount: 0, tax: 0, rounding: 0, total: 250 } },
        {
          ...at(14),
          totals: { subtotal: 0, discount: 0, tax: 0, rounding: 0, total: -100 },
          refundOf: 'x',
        },
      ],
      (iso) => new Date(iso).getUTCHours(),
    );
    expect(hours[9]).toBe(750);
    expect(hours.reduce((a, x) => a + x, 0)).toBe(750);
  });
});
