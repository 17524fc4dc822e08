// Store operations on the register: each one ONE transaction with its outbox entry; sales and
// refunds land in the open shift; refunds never give back more than remains; closing above the
// over/short limit needs a manager; parked orders survive a reload; v2 databases upgrade intact.
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { recordSale } from '../../../src/app/db/record-sale';
import {
  closeShift,
  moveCash,
  openShift,
  openShiftOf,
  shiftTotalsOf,
} from '../../../src/app/db/shifts';
import { refundableLines } from '../../../src/app/db/refund-limits';
import { saleSync } from '../../../src/app/db/sales';
import { listParked, parkOrder, parkedBeforeShift, resumeParked } from '../../../src/app/db/parked';
import { voidSale } from '../../../src/app/db/voids';
import { schemaV1, schemaV2 } from '../../../src/app/db/schema';
import type { StoreOpsError } from '../../../src/app/db/store-ops-error';
import { uuidv7 } from '../../../src/shared/uuidv7';
import {
  cashSaleOf,
  fixture,
  freshDbName,
  idbOptions,
  openDb,
  sellingDb,
} from '../../support/till-db';

const cashier = uuidv7();
const manager = uuidv7();

const kindOf = (p: Promise<unknown>) =>
  p.then(
    () => 'stored',
    (e: StoreOpsError) => e.kind ?? e.name,
  );

describe('shifts', () => {
  it('open, cash out, sell and close each queue their mutation in seq order', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const product = fx.products[0]!;
    const shift = await openShift(db, { openedBy: cashier, openingFloat: 10_000 });
    await moveCash(db, { kind: 'out', amount: 2_000, reason: 'bank', userId: cashier });
    const sale = await recordSale(db, cashSaleOf(product, cashier, 2));
    expect(sale.shiftId).toBe(shift.id);
    const x = await shiftTotalsOf(db, shift);
    expect(x.salesCount).toBe(1);
    expect(x.expectedCash).toBe(10_000 - 2_000 + product.price * 2);

    const closed = await closeShift(db, { closedBy: cashier, countedCash: x.expectedCash });
    expect(closed.close?.overShort).toBe(0);
    expect(closed.close?.totals).toEqual(x);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.kind)).toEqual([
      'shift.open',
      'cash.move',
      'sale.create',
      'shift.close',
    ]);
    expect(outbox.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(await openShiftOf(db)).toBeUndefined();
  });

  it('refuses a second open shift, cash without a shift, and a sale for a closed shift', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    expect(
      await kindOf(moveCash(db, { kind: 'in', amount: 1, reason: 'x', userId: cashier })),
    ).toBe('NoOpenShift');
    const shift = await openShift(db, { openedBy: cashier, openingFloat: 0 });
    expect(await kindOf(openShift(db, { openedBy: cashier, openingFloat: 0 }))).toBe(
      'ShiftAlreadyOpen',
    );
    await closeShift(db, { closedBy: cashier, countedCash: 0 });
    const late = { ...cashSaleOf(fx.products[0]!, cashier), shiftId: shift.id };
    expect(await kindOf(recordSale(db, late))).toBe('NoOpenShift');
    expect(await db.outbox.count()).toBe(2);
  });

  it('needs a manager to close above the over/short limit, and stores nothing until then', async () => {
    const fx = fixture();
    fx.store.overShortLimit = 500;
    const db = await sellingDb(fx);
    await openShift(db, { openedBy: cashier, openingFloat: 10_000 });
    expect(await kindOf(closeShift(db, { closedBy: cashier, countedCash: 9_499 }))).toBe(
      'NeedsManager',
    );
    expect((await openShiftOf(db))?.status).toBe('open');
    const within = await kindOf(closeShift(db, { closedBy: cashier, countedCash: 10_500 }));
    expect(within).toBe('stored');
  });

  it('closes short with a manager confirming, giving the over/short', async () => {
    const fx = fixture();
    fx.store.overShortLimit = 500;
    const db = await sellingDb(fx);
    await openShift(db, { openedBy: cashier, openingFloat: 10_000 });
    const closed = await closeShift(db, {
      closedBy: cashier,
      countedCash: 9_000,
      confirmedBy: manager,
    });
    expect(closed.close?.overShort).toBe(-1_000);
    expect(closed.close?.confirmedBy).toBe(manager);
  });
});

describe('refunds', () => {
  it('gives back at most what was sold minus what was refunded, and puts stock back', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const product = fx.products[0]!;
    await openShift(db, { openedBy: cashier, openingFloat: 0 });
    const sale = await recordSale(db, cashSaleOf(product, cashier, 3));
    const line = sale.lines[0]!;
    const refund = (quantity: number) => ({
      cashierId: cashier,
      refundOf: sale.id,
      lines: [
        {
          productId: product.id,
          name: product.name,
          quantity: -quantity,
          unitPrice: line.unitPrice,
          taxRateId: line.taxRateId,
          taxBasisPoints: line.taxBasisPoints,
          refundOfLineId: line.id,
        },
      ],
      payments: [{ methodId: uuidv7(), kind: 'cash' as const, amount: -line.unitPrice * quantity }],
    });
    const first = await recordSale(db, refund(2));
    expect(first.refundOf).toBe(sale.id);
    expect(first.totals.total).toBe(-line.unitPrice * 2);
    expect(first.receiptNumber).not.toBe(sale.receiptNumber);
    expect(await kindOf(recordSale(db, refund(2)))).toBe('RefundTooMany');
    await recordSale(db, refund(1));
    expect((await refundableLines(db, sale))[0]).toMatchObject({
      sold: 3,
      refunded: 3,
      remaining: 0,
    });
    const moves = (await db.pendingStock.toArray()).flatMap((s) => s.moves);
    expect(moves.filter((m) => m.productId === product.id).reduce((a, m) => a + m.delta, 0)).toBe(
      0,
    );
    const x = await shiftTotalsOf(db, (await openShiftOf(db))!);
    expect([x.salesCount, x.refundsCount, x.refundsTotal]).toEqual([1, 2, -line.unitPrice * 3]);
  });

  it("needs a manager's approval above the store's refund limit", async () => {
    const fx = fixture();
    fx.store.refundApprovalLimit = 100;
    const db = await sellingDb(fx, { shift: true });
    const product = fx.products[1]!;
    const sale = await recordSale(db, cashSaleOf(product, cashier, 1));
    const line = sale.lines[0]!;
    const input = {
      cashierId: cashier,
      refundOf: sale.id,
      lines: [
        {
          productId: product.id,
          name: product.name,
          quantity: -1,
          unitPrice: line.unitPrice,
          taxRateId: line.taxRateId,
          taxBasisPoints: line.taxBasisPoints,
          refundOfLineId: line.id,
        },
      ],
      payments: [{ methodId: uuidv7(), kind: 'cash' as const, amount: -line.unitPrice }],
    };
    expect(await kindOf(recordSale(db, input))).toBe('NeedsManager');
    const approved = await recordSale(db, { ...input, refundApprovedBy: manager });
    expect(approved.refundApprovedBy).toBe(manager);
  });
});

describe('voids and parked orders', () => {
  it('records a voided cart in the open shift and counts it', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const shift = await openShift(db, { openedBy: cashier, openingFloat: 0 });
    const p = fx.products[0]!;
    await voidSale(db, {
      cashierId: cashier,
      lines: [{ productId: p.id, name: p.name, quantity: 1, unitPrice: p.price }],
      total: p.price,
    });
    expect((await shiftTotalsOf(db, shift)).voidedSales).toBe(1);
    expect((await db.outbox.toArray()).map((e) => e.kind)).toEqual(['shift.open', 'sale.void']);
  });

  it('keeps a parked order across a reload and offers it back at the next shift', async () => {
    const fx = fixture();
    const name = freshDbName();
    const db = await sellingDb(fx, { name });
    await openShift(db, { openedBy: cashier, openingFloat: 0 });
    const p = fx.products[0]!;
    const order = await parkOrder(db, {
      parkedBy: cashier,
      note: 'table 4',
      lines: [{ productId: p.id, name: p.name, quantity: 2, unitPrice: p.price, discount: 0 }],
    });
    await closeShift(db, { closedBy: cashier, countedCash: 0 });
    db.close();

    const reopened = await openDb(name);
    const next = await openShift(reopened, { openedBy: cashier, openingFloat: 0 });
    expect((await parkedBeforeShift(reopened, next.id)).map((o) => o.note)).toEqual(['table 4']);
    const resumed = await resumeParked(reopened, order.id);
    expect(resumed.status).toBe('resumed');
    expect(await listParked(reopened)).toEqual([]);
    expect(await kindOf(resumeParked(reopened, order.id))).toBe('Invalid');
  });
});

describe('schema upgrade to v3', () => {
  it('keeps the outbox and unsynced sales of a version-2 database', async () => {
    const name = freshDbName();
    const old = new Dexie(name, idbOptions);
    old.version(1).stores(schemaV1);
    old.version(2).stores(schemaV2);
    await old.open();
    const saleId = uuidv7();
    await old.table('sales').add({
      id: saleId,
      receiptNumber: 'S1-R1-000001',
      sync: 'pending',
      seq: 1,
      committedAt: '2024-05-01T10:00:00.000Z',
      lines: [],
    });
    await old.table('outbox').add({
      seq: 1,
      id: uuidv7(),
      kind: 'sale.create',
      recordId: saleId,
      payload: { id: saleId },
    });
    old.close();

    const db = await openDb(name);
    expect(await saleSync(db, (await db.sales.get(saleId))!)).toBe('pending');
    expect(await db.outbox.count()).toBe(1);
    expect(await db.shifts.count()).toBe(0);
    expect(await db.sales.where('refundOf').equals(saleId).count()).toBe(0);
  });
});
