// A shift on a register against the real server in process: opened offline, three sales (one
// split tender), a refund of one line, a cash out and an X report, then synced and closed. The
// server's Z report, recomputed from what it received, equals the register's to the cent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSale } from '../../../src/app/db/record-sale';
import { closeShift, moveCash, openShift, shiftTotalsOf } from '../../../src/app/db/shifts';
import type { ZReportResponse } from '../../../src/shared/api/shifts';
import { computeTotals } from '../../../src/shared/pos/totals';
import { injectNetwork } from '../../support/inject-fetch';
import { newRegister } from '../../support/register-harness';
import type { TestServer } from '../../support/test-app';
import { testServer } from '../../support/test-app';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server.close();
});

describe('a shift from a register to the server', () => {
  it("gives a server Z report equal to the register's to the cent", async () => {
    const reg = await newRegister(server, injectNetwork(server.app), { openShift: false });
    const shift = await openShift(reg.db, { openedBy: reg.cashierId, openingFloat: 15_000 });
    const first = await reg.sell(0);
    await reg.sell(1);

    const store = (await reg.db.stores.toArray())[0]!;
    const methods = await reg.db.paymentMethods.toArray();
    const cash = methods.find((m) => m.kind === 'cash')!;
    const card = methods.find((m) => m.kind === 'card')!;
    const sold = first.lines[0]!;
    const line = {
      productId: sold.productId,
      name: sold.name,
      quantity: sold.quantity,
      unitPrice: sold.unitPrice,
      discount: 0,
      taxRateId: sold.taxRateId,
      taxBasisPoints: sold.taxBasisPoints,
    };
    const split = { ...line, quantity: 3 };
    const { total } = computeTotals({
      lines: [split],
      orderDiscount: 0,
      pricesIncludeTax: store.pricesIncludeTax,
      cashRounding: store.cashRounding,
      paidAllInCash: false,
    });
    await recordSale(reg.db, {
      cashierId: reg.cashierId,
      lines: [split],
      payments: [
        { methodId: cash.id, kind: 'cash', amount: 100, tendered: 100, change: 0 },
        { methodId: card.id, kind: 'card', amount: total - 100 },
      ],
    });
    const refundTotal = computeTotals({
      lines: [{ ...line, quantity: -1 }],
      orderDiscount: 0,
      pricesIncludeTax: store.pricesIncludeTax,
      cashRounding: store.cashRounding,
      paidAllInCash: true,
    }).total;
    await recordSale(reg.db, {
      cashierId: reg.cashierId,
      refundOf: first.id,
      lines: [{ ...line, quantity: -1, refundOfLineId: sold.id }],
      payments: [{ methodId: cash.id, kind: 'cash', amount: refundTotal }],
    });
    await moveCash(reg.db, { kind: 'out', amount: 5_000, reason: 'bank', userId: reg.cashierId });
    const x = await shiftTotalsOf(reg.db, shift);
    expect([x.salesCount, x.refundsCount, x.cashOut]).toEqual([3, 1, 5_000]);

    expect((await reg.engine.syncNow()).ok).toBe(true);
    const closed = await closeShift(reg.db, {
      closedBy: reg.cashierId,
      countedCash: x.expectedCash,
    });
    expect((await reg.engine.syncNow()).ok).toBe(true);
    expect(await reg.db.outbox.count()).toBe(0);
    expect((await reg.db.shifts.get(shift.id))?.sync).toBe('synced');

    const manager = await server.login('manager1');
    const res = await server.app.inject({
      method: 'GET',
      url: `/api/shifts/${shift.id}/z-report`,
      headers: { authorization: `Bearer ${manager.token}` },
    });
    const z = res.json<ZReportResponse>();
    expect(z.serverTotals).toEqual(closed.close?.totals);
    expect(z.differences).toEqual([]);
    expect(z.shift.totalsMatch).toBe(true);
  });
});
