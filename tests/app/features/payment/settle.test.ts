import { describe, expect, it } from 'vitest';
import { settle } from '../../../../src/app/features/payment/settle';
import type { Tender } from '../../../../src/app/features/payment/settle';

const cash = (id: string, amount: number): Tender => ({
  id,
  methodId: 'cash',
  kind: 'cash',
  amount,
});
const card = (id: string, amount: number): Tender => ({
  id,
  methodId: 'card',
  kind: 'card',
  amount,
});

describe('settle', () => {
  it('is not complete without tenders or while something is left to pay', () => {
    expect(settle(449, [])).toMatchObject({ complete: false, remaining: 449, change: 0 });
    expect(settle(449, [cash('a', 400)])).toMatchObject({ complete: false, remaining: 49 });
  });

  it('gives change out of cash, and records what each cash tender really paid', () => {
    const s = settle(449, [cash('a', 2000)]);
    expect(s).toMatchObject({ complete: true, remaining: 0, change: 1551, paid: 2000 });
    expect(s.payments).toEqual([
      { id: 'a', methodId: 'cash', kind: 'cash', amount: 449, tendered: 2000, change: 1551 },
    ]);
  });

  it('takes the change from the last cash tenders first, never below zero', () => {
    const s = settle(300, [cash('a', 200), card('b', 50), cash('c', 100)]);
    // 350 handed over for 300: 50 change, all out of the last cash tender.
    expect(s.payments.map((p) => [p.id, p.amount, p.change])).toEqual([
      ['a', 200, 0],
      ['b', 50, undefined],
      ['c', 50, 50],
    ]);
    // 170 handed over for 100: the last tender's 20 all goes back, then 50 of the first.
    const many = settle(100, [cash('a', 150), cash('b', 20)]);
    expect(many.payments.map((p) => [p.amount, p.change])).toEqual([
      [100, 50],
      [0, 20],
    ]);
    expect(many.payments.reduce((a, p) => a + p.amount, 0)).toBe(100);
  });

  it('never completes when card payments alone exceed the total', () => {
    expect(settle(449, [card('a', 500)])).toMatchObject({
      complete: false,
      overpaidByCard: true,
      change: 0,
    });
  });

  it('splits exactly over card and cash', () => {
    const s = settle(449, [card('a', 300), cash('b', 149)]);
    expect(s).toMatchObject({ complete: true, change: 0, remaining: 0 });
    expect(s.payments.reduce((a, p) => a + p.amount, 0)).toBe(449);
  });
});
