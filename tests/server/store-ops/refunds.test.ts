// Refunds on the server: a refund is a negative sale linked to the original's lines; no line is
// ever given back more than was sold, counting refunds from every register; a refund above the
// store's limit needs a manager; stock comes back; a retry changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../support/test-app';
import { testServer } from '../../support/test-app';
import type { FixtureProduct, Register } from '../../support/sync-fixtures';
import { signInRegister } from '../../support/sync-fixtures';
import { allocate, divRound } from '../../../src/shared/pos/money';
import type { Sale } from '../../../src/shared/records/sale';
import { refundSale, saleWire } from './fixtures';

let server: TestServer;
let r1: Register;
let r2: Register;
let manager: Register;
let product: FixtureProduct;
let other: FixtureProduct;
beforeAll(async () => {
  server = await testServer();
  r1 = await signInRegister(server, 'cashier1', 'R1');
  r2 = await signInRegister(server, 'manager1', 'R2');
  manager = r2;
  const tracked = r1.store.products.filter((p) => p.stockTracked);
  if (!tracked[0] || !tracked[1]) throw new Error('two stock-tracked products needed');
  product = tracked[0];
  other = tracked[1];
});
afterAll(() => server.close());

const refunded = async (lineId: string) => {
  const r = await server.db.query<{ n: number }>(
    'select coalesce(-sum(quantity), 0)::int as n from sale_lines where refund_of_line = $1',
    [lineId],
  );
  return r.rows[0]?.n;
};

describe('refund quantity limits', () => {
  it('refunds up to what was sold, across registers, and refuses one unit more with a clear Conflict', async () => {
    const sale = r1.sale({ lines: [{ product, quantity: 3 }] });
    expect((await r1.push([saleWire(r1, sale)])).results[0]?.status).toBe('applied');
    const lineId = sale.lines[0]?.id ?? '';

    const first = refundSale(r1, sale, [{ index: 0, quantity: 2 }]);
    expect((await r1.push([saleWire(r1, first)])).results[0]?.status).toBe('applied');
    // The other register refunds the last unit, then one too many.
    const second = refundSale(r2, sale, [{ index: 0, quantity: 1 }]);
    expect((await r2.push([saleWire(r2, second)])).results[0]?.status).toBe('applied');
    const third = refundSale(r2, sale, [{ index: 0, quantity: 1 }]);
    const res = await r2.push([saleWire(r2, third)]);
    expect(res.results[0]?.status).toBe('rejected');
    expect(res.results[0]?.error?.kind).toBe('Conflict');
    expect(res.results[0]?.error?.message).toMatch(/3 sold, 3 refunded already, 1 more cannot/);
    expect(await refunded(lineId)).toBe(3);
  });

  it('counts two lines of one refund that give back the same original line together', async () => {
    const sale = r1.sale({ lines: [{ product, quantity: 2 }] });
    await r1.push([saleWire(r1, sale)]);
    const refund = refundSale(r1, sale, [
      { index: 0, quantity: 2 },
      { index: 0, quantity: 1 },
    ]);
    const res = await r1.push([saleWire(r1, refund)]);
    expect(res.results[0]?.error?.kind).toBe('Conflict');
    expect(await refunded(sale.lines[0]?.id ?? '')).toBe(0);
  });

  it('refuses a refund of a sale the server does not have, and a line of another product', async () => {
    const unsynced = r1.sale({ lines: [{ product, quantity: 1 }] });
    const orphan = refundSale(r1, unsynced, [{ index: 0, quantity: 1 }]);
    expect((await r1.push([saleWire(r1, orphan)])).results[0]?.error?.kind).toBe('NotFound');

    const sale = r1.sale({ lines: [{ product, quantity: 1 }] });
    await r1.push([saleWire(r1, sale)]);
    const refund = refundSale(r1, sale, [{ index: 0, quantity: 1 }]);
    const line = refund.lines[0];
    if (!line) throw new Error('no line');
    const swapped = { ...refund, lines: [{ ...line, productId: other.id }] };
    expect((await r1.push([saleWire(r1, swapped)])).results[0]?.error?.kind).toBe(
      'InvalidMutation',
    );
  });

  it('refuses to refund a refund, and refund lines on a sale that is not a refund', async () => {
    const sale = r1.sale({ lines: [{ product, quantity: 2 }] });
    await r1.push([saleWire(r1, sale)]);
    const refund = refundSale(r1, sale, [{ index: 0, quantity: 1 }]);
    await r1.push([saleWire(r1, refund)]);
    const back = refundSale(r1, refund, [{ index: 0, quantity: 1 }]);
    expect((await r1.push([saleWire(r1, back)])).results[0]?.status).toBe('rejected');

    const plain = r1.sale({ lines: [{ product, quantity: 1 }] });
    const line = plain.lines[0];
    if (!line) throw new Error('no line');
    const linked = { ...plain, lines: [{ ...line, refundOfLineId: line.id }] };
    expect((await r1.push([saleWire(r1, linked)])).results[0]?.error?.kind).toBe('InvalidMutation');
  });
});

describe('refund effects and approval', () => {
  it('puts stock back and applies a retry of the same refund only once', async () => {
    const sale = r1.sale({ lines: [{ product: other, quantity: 2 }] });
    await r1.push([saleWire(r1, sale)]);
    const level = async () =>
      (
        await server.db.query<{ on_hand: number }>(
          'select on_hand from stock_levels where store_id = $1 and product_id = $2',
          [r1.storeId, other.id],
        )
      ).rows[0]?.on_hand;
    const before = await level();
    const m = saleWire(r1, refundSale(r1, sale, [{ index: 0, quantity: 2 }]));
    expect((await r1.push([m])).results[0]?.status).toBe('applied');
    expect((await r1.push([m])).results[0]?.status).toBe('duplicate');
    expect(await level()).toBe((before ?? 0) + 2);
  });

  it("needs a manager's approval above the store's refund limit", async () => {
    await server.db.query('update stores set refund_approval_limit = 1 where id = $1', [
      r1.storeId,
    ]);
    try {
      const sale = r1.sale({ lines: [{ product, quantity: 2 }] });
      await r1.push([saleWire(r1, sale)]);
      const bare = refundSale(r1, sale, [{ index: 0, quantity: 1 }]);
      expect((await r1.push([saleWire(r1, bare)])).results[0]?.error?.kind).toBe('Forbidden');
      const byCashier = refundSale(r1, sale, [{ index: 0, quantity: 1 }], {
        approvedBy: r1.userId,
      });
      expect((await r1.push([saleWire(r1, byCashier)])).results[0]?.error?.kind).toBe('Forbidden');
      const approved = refundSale(r1, sale, [{ index: 0, quantity: 1 }], {
        approvedBy: manager.userId,
      });
      expect((await r1.push([saleWire(r1, approved)])).results[0]?.status).toBe('applied');
    } finally {
      await server.db.query('update stores set refund_approval_limit = 5000 where id = $1', [
        r1.storeId,
      ]);
    }
  });

  it('does not flag price drift on a refund at the price it was sold at', async () => {
    const sale = r1.sale({ lines: [{ product, quantity: 1, unitPrice: product.price + 100 }] });
    await r1.push([saleWire(r1, sale)]);
    const refund = refundSale(r1, sale, [{ index: 0, quantity: 1 }]);
    await r1.push([saleWire(r1, refund)]);
    const flags = await server.db.query('select 1 from sale_flags where sale_id = $1', [refund.id]);
    expect(flags.rows).toHaveLength(0);
  });
});

describe('refund amount limits', () => {
  const pushOne = async (reg: Register, sale: Sale) =>
    (await reg.push([saleWire(reg, sale)])).results[0];

  it('gives a discounted line back at what it was paid, never a cent more, across refunds', async () => {
    // 3 units with a line discount and a share of an order discount: paid less than the price.
    const sale = r1.sale({
      lines: [
        { product, quantity: 3, discount: 50 },
        { product: other, quantity: 1 },
      ],
      orderDiscount: 101,
    });
    expect((await pushOne(r1, sale))?.status).toBe('applied');
    const line = sale.lines[0];
    if (!line) throw new Error('no line');
    const shares = allocate(
      sale.orderDiscount,
      sale.lines.map((l) => l.total),
    );
    const perUnit = divRound(line.total - (shares[0] ?? 0), line.quantity);
    expect(perUnit).toBeLessThan(line.unitPrice);

    // One unit a cent above what it was paid: refused, nothing stored.
    const inflated = refundSale(r1, sale, [{ index: 0, quantity: 1, unitPrice: perUnit + 1 }]);
    const res = await pushOne(r1, inflated);
    expect(res?.status).toBe('rejected');
    expect(res?.error?.kind).toBe('Conflict');
    expect(res?.error?.message).toMatch(/exceeds the sale/);
    expect(await refunded(line.id)).toBe(0);
    // At the catalog price (the discount forgotten): refused too.
    const atPrice = refundSale(r1, sale, [{ index: 0, quantity: 1, unitPrice: line.unitPrice }]);
    expect((await pushOne(r1, atPrice))?.error?.kind).toBe('Conflict');

    // What a correct register sends is taken, one unit on R1 and the other two on R2.
    expect((await pushOne(r1, refundSale(r1, sale, [{ index: 0, quantity: 1 }])))?.status).toBe(
      'applied',
    );
    const rest = refundSale(r2, sale, [{ index: 0, quantity: 2 }]);
    expect((await pushOne(r2, rest))?.status).toBe('applied');
    expect(await refunded(line.id)).toBe(3);
  });

  it('counts money refunded before: all refunds of a line together never pass what it took', async () => {
    const sale = r1.sale({ lines: [{ product, quantity: 2 }] });
    await pushOne(r1, sale);
    const line = sale.lines[0];
    if (!line) throw new Error('no line');
    const cheap = refundSale(r1, sale, [{ index: 0, quantity: 1, unitPrice: line.unitPrice - 10 }]);
    expect((await pushOne(r1, cheap))?.status).toBe('applied');
    // The last unit may give back what is left of the line: its price plus the 10 left behind.
    const over = refundSale(r2, sale, [{ index: 0, quantity: 1, unitPrice: line.unitPrice + 11 }]);
    const res = await pushOne(r2, over);
    expect(res?.error?.kind).toBe('Conflict');
    expect(res?.error?.details).toMatchObject({
      lineId: line.id,
      refundedAmount: line.unitPrice - 10,
      askedAmount: line.unitPrice + 11,
      allowedAmount: line.unitPrice + 10,
    });
    const last = refundSale(r2, sale, [{ index: 0, quantity: 1, unitPrice: line.unitPrice + 10 }]);
    expect((await pushOne(r2, last))?.status).toBe('applied');
  });

  it('takes the register rounding of an odd amount over its units', async () => {
    // 2 units paid an odd amount: the register gives each back rounded half away from zero.
    const sale = r1.sale({ lines: [{ product, quantity: 2 }], orderDiscount: 1 });
    await pushOne(r1, sale);
    expect((await pushOne(r1, refundSale(r1, sale, [{ index: 0, quantity: 2 }])))?.status).toBe(
      'applied',
    );
  });

  it('refunds to a card only when the original was paid by card; cash always', async () => {
    const paidCash = r1.sale({ lines: [{ product, quantity: 2 }], pay: 'cash' });
    await pushOne(r1, paidCash);
    const toCard = refundSale(r1, paidCash, [{ index: 0, quantity: 1 }], { pay: 'card' });
    const res = await pushOne(r1, toCard);
    expect(res?.error?.kind).toBe('InvalidMutation');
    expect(res?.error?.message).toMatch(/was not paid with this card tender/);
    const toCash = refundSale(r1, paidCash, [{ index: 0, quantity: 1 }], { pay: 'cash' });
    expect((await pushOne(r1, toCash))?.status).toBe('applied');

    const paidCard = r1.sale({ lines: [{ product, quantity: 2 }] });
    await pushOne(r1, paidCard);
    for (const pay of ['card', 'cash'] as const) {
      const back = refundSale(r1, paidCard, [{ index: 0, quantity: 1 }], { pay });
      expect((await pushOne(r1, back))?.status).toBe('applied');
    }
  });

  it('refuses an order discount on a refund and a line at another tax rate', async () => {
    const sale = r1.sale({ lines: [{ product, quantity: 2 }] });
    await pushOne(r1, sale);
    const refund = refundSale(r1, sale, [{ index: 0, quantity: 1 }]);
    const discounted = { ...refund, orderDiscount: 5 };
    expect((await pushOne(r1, discounted))?.error?.kind).not.toBe(undefined);
    const line = refund.lines[0];
    if (!line) throw new Error('no line');
    const otherRate = { ...refund, lines: [{ ...line, taxBasisPoints: line.taxBasisPoints + 1 }] };
    expect((await pushOne(r1, otherRate))?.status).toBe('rejected');
    expect(await refunded(line.refundOfLineId ?? '')).toBe(0);
  });
});
