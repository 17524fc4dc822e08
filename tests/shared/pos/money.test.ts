import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, divRound, mulDivRound, roundToIncrement } from '../../../src/shared/pos/money';

describe('divRound rounds half away from zero', () => {
  it.each([
    [5, 2, 3],
    [-5, 2, -3],
    [4, 3, 1],
    [5, 3, 2],
    [-4, 3, -1],
    [0, 7, 0],
  ])('%i / %i = %i', (n, d, q) => expect(divRound(n, d)).toBe(q));

  it('refuses a division by zero', () => expect(() => divRound(1, 0)).toThrow(RangeError));
});

describe('mulDivRound', () => {
  it('keeps precision where a float product would not', () => {
    // 9,007,199,254,740,991 × 1900 overflows a double's integer range; the exact quotient
    // is 1,438,124,250,756,964.52…
    expect(mulDivRound(Number.MAX_SAFE_INTEGER, 1900, 11900)).toBe(1438124250756965);
  });
  it('is symmetric around zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.integer({ min: 0, max: 10000 }),
        (a, bp) => {
          expect(mulDivRound(-a, bp, 10000)).toBe(0 - mulDivRound(a, bp, 10000));
        },
      ),
    );
  });
});

describe('roundToIncrement', () => {
  it('rounds cash to 5 cents', () => {
    expect(roundToIncrement(1002, 5)).toBe(1000);
    expect(roundToIncrement(1003, 5)).toBe(1005);
    expect(roundToIncrement(-1003, 5)).toBe(-1005);
    expect(roundToIncrement(1003, 1)).toBe(1003);
  });
});

describe('allocate', () => {
  it('splits in proportion and adds up exactly', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(-100, [1, 1, 1])).toEqual([-34, -33, -33]);
    expect(allocate(10, [0, 0])).toEqual([10, 0]);
    expect(allocate(7, [])).toEqual([]);
  });

  it('always sums to the total and never gives a part the wrong sign', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e7, max: 1e7 }),
        fc.array(fc.integer({ min: 0, max: 1e6 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          for (const p of parts)
            expect(Math.sign(p) === 0 || Math.sign(p) === Math.sign(total)).toBe(true);
        },
      ),
    );
  });
});
