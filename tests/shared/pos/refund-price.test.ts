// The refund price of a unit: what it was paid after its line's share of the order discount.
import { describe, expect, it } from 'vitest';
import { paidPerUnit } from '../../../src/shared/pos/refund-price';

const line = (total: number, quantity: number) => ({ total, quantity }) as never;

describe('paidPerUnit', () => {
  it('takes each line its share of the order discount, then divides by its units', () => {
    // Shares of 350 by line total: 200, 100 and 50 (the returned line is weighed too).
    const sale = { orderDiscount: 350, lines: [line(1000, 2), line(500, 3), line(-250, -1)] };
    expect(paidPerUnit(sale)).toEqual([400, 133, null]);
  });

  it('rounds half a cent away from zero, as the register rounds', () => {
    expect(paidPerUnit({ orderDiscount: 0, lines: [line(1001, 2), line(999, 2)] })).toEqual([
      501, 500,
    ]);
  });
});
