import { describe, expect, it } from 'vitest';
import { quickTenders } from '../../../../src/app/features/payment/quick-tenders';

describe('quickTenders', () => {
  it('offers the exact amount, then the next whole unit and notes above it', () => {
    expect(quickTenders(449, 2)).toEqual([449, 500, 1000, 2000, 5000]);
    expect(quickTenders(2345, 2)).toEqual([2345, 2400, 2500, 3000, 4000]);
  });

  it('does not repeat the exact amount when it is a round one', () => {
    expect(quickTenders(2000, 2)).toEqual([2000, 5000, 10000]);
  });

  it('works for currencies without minor units, and offers nothing when nothing is due', () => {
    expect(quickTenders(480, 0)).toEqual([480, 500, 1000, 2000, 5000]);
    expect(quickTenders(0, 2)).toEqual([]);
  });
});
