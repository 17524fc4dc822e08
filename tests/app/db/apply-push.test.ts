// A push answer settles sales without rewriting them: confirmed ones leave the outbox with their
// pending stock, a rejected one moves to needs-attention with its stock still counted, and one
// the answer is silent about stays queued. Each sale's state follows where its mutation is.
import { describe, expect, it } from 'vitest';
import { applyPushResults, seqRuns } from '../../../src/app/db/apply-push';
import { retryNeedsAttention } from '../../../src/app/db/needs-attention';
import { recordSale } from '../../../src/app/db/record-sale';
import { stockOnHand } from '../../../src/app/db/stock';
import type { MutationResult } from '../../../src/shared/api/push';
import { uuidv7 } from '../../../src/shared/uuidv7';
import { cashSaleOf, fixture, sellingDb, syncOfSale } from '../../support/till-db';

const cashier = uuidv7();

describe('seqRuns', () => {
  it.each([
    [[], []],
    [[7], [[7, 7]]],
    [[1, 2, 3], [[1, 3]]],
    [
      [5, 1, 3, 2],
      [
        [1, 3],
        [5, 5],
      ],
    ],
    [
      [10, 12, 14],
      [
        [10, 10],
        [12, 12],
        [14, 14],
      ],
    ],
  ])('groups %j into runs of consecutive seqs %j', (seqs, runs) => {
    expect(seqRuns(seqs)).toEqual(runs);
  });
});

describe('applyPushResults on sales', () => {
  it('settles each sale by where its mutation goes, leaving the sale records as committed', async () => {
    const fx = fixture();
    const db = await sellingDb(fx, { shift: true });
    const product = fx.products[0]!;
    const sales = [];
    for (let i = 0; i < 6; i++) sales.push(await recordSale(db, cashSaleOf(product, cashier, 1)));
    const sent = await db.outbox.orderBy('seq').toArray();
    // applied, applied, rejected, duplicate, (no answer), applied
    const results: MutationResult[] = [
      { id: sent[0]!.id, status: 'applied' },
      { id: sent[1]!.id, status: 'applied' },
      { id: sent[2]!.id, status: 'rejected', error: { kind: 'TotalsMismatch', message: 'off' } },
      { id: sent[3]!.id, status: 'duplicate' },
      { id: sent[5]!.id, status: 'applied' },
    ];

    const outcome = await applyPushResults(db, sent, results, '2024-05-01T10:00:00.000Z');

    expect(outcome).toEqual({ confirmed: 4, rejected: 1, unanswered: 1 });
    expect((await db.outbox.toArray()).map((e) => e.recordId)).toEqual([sales[4]!.id]);
    expect((await db.needsAttention.toArray()).map((e) => e.recordId)).toEqual([sales[2]!.id]);
    const states = await Promise.all(sales.map((s) => syncOfSale(db, s.id)));
    expect(states).toEqual(['synced', 'synced', 'rejected', 'synced', 'pending', 'synced']);
    // Stock the server has not booked: the rejected sale's and the unanswered one's.
    expect((await db.pendingStock.toArray()).map((p) => p.saleId).sort()).toEqual(
      [sales[2]!.id, sales[4]!.id].sort(),
    );
    expect((await stockOnHand(db)).get(product.id)).toBe(-2);
    expect(await db.sales.orderBy('receiptNumber').toArray()).toEqual(sales);
  });

  it("carries a rejected sale's pending stock over to its retry, and drops it once that is confirmed", async () => {
    const fx = fixture();
    const db = await sellingDb(fx, { shift: true });
    const product = fx.products[0]!;
    const sale = await recordSale(db, cashSaleOf(product, cashier, 2));
    const [first] = await db.outbox.toArray();
    const error = { kind: 'TotalsMismatch' as const, message: 'off' };
    await applyPushResults(db, [first!], [{ id: first!.id, status: 'rejected', error }], 'now');
    expect((await stockOnHand(db)).get(product.id)).toBe(-2);

    await retryNeedsAttention(db, first!.seq, uuidv7(), 'now');
    const [retried] = await db.outbox.toArray();
    expect(retried!.seq).not.toBe(first!.seq);
    expect(await db.pendingStock.toArray()).toEqual([
      expect.objectContaining({ seq: retried!.seq, saleId: sale.id }),
    ]);
    expect(await syncOfSale(db, sale.id)).toBe('pending');
    expect((await stockOnHand(db)).get(product.id)).toBe(-2);

    await applyPushResults(db, [retried!], [{ id: retried!.id, status: 'applied' }], 'now');
    expect(await db.pendingStock.count()).toBe(0);
    expect(await syncOfSale(db, sale.id)).toBe('synced');
  });

  it('leaves an entry alone that another flusher settled meanwhile', async () => {
    const fx = fixture();
    const db = await sellingDb(fx, { shift: true });
    const sale = await recordSale(db, cashSaleOf(fx.products[0]!, cashier));
    const sent = await db.outbox.toArray();
    await applyPushResults(db, sent, [{ id: sent[0]!.id, status: 'applied' }], 'now');
    const again = await applyPushResults(db, sent, [{ id: sent[0]!.id, status: 'applied' }], 'now');
    expect(again).toEqual({ confirmed: 0, rejected: 0, unanswered: 0 });
    expect(await syncOfSale(db, sale.id)).toBe('synced');
  });
});
