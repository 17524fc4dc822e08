import { describe, expect, it, vi } from 'vitest';
import { InvalidSale, recordSale } from '../../../src/app/db/record-sale';
import { NoRegister, getDevice, initDevice } from '../../../src/app/db/device-meta';
import { saleSync } from '../../../src/app/db/sales';
import { closeShift } from '../../../src/app/db/shifts';
import { StorageFull } from '../../../src/app/db/storage';
import { StoreOpsError } from '../../../src/app/db/store-ops-error';
import { computeTotals } from '../../../src/shared/pos/totals';
import { sale as saleSchema } from '../../../src/shared/records/sale';
import { uuidv7 } from '../../../src/shared/uuidv7';
import { installFaults, quotaError } from '../../support/faulty-idb';
import type { Faults } from '../../support/faulty-idb';
import {
  cashSaleOf,
  fixture,
  freshDbName,
  openDb,
  openTestShift,
  sellingDb,
} from '../../support/till-db';

const cashier = uuidv7();

async function everything(db: Awaited<ReturnType<typeof sellingDb>>) {
  return {
    sales: await db.sales.toArray(),
    outbox: await db.outbox.toArray(),
    movements: await db.pendingStock.toArray(),
    device: await getDevice(db),
  };
}

describe('recordSale', () => {
  it('commits the sale, its stock movements, receipt number, seq and outbox entry together', async () => {
    const fx = fixture();
    const db = await sellingDb(fx, { shift: true });
    const [juice, , brush] = fx.products;
    const input = cashSaleOf(juice!, cashier, 2);
    input.lines.push({ ...cashSaleOf(brush!, cashier).lines[0]! });
    input.payments[0]!.amount = juice!.price * 2 + brush!.price;

    const sale = await recordSale(db, input);

    expect(sale.receiptNumber).toBe('S1-R2-000001');
    expect(sale.seq).toBe(1);
    expect(await saleSync(db, sale)).toBe('pending');
    expect(saleSchema.safeParse(sale).success).toBe(true);
    const stored = await everything(db);
    expect(stored.sales).toEqual([sale]);
    expect(stored.outbox).toEqual([
      expect.objectContaining({
        seq: 1,
        id: sale.mutationId,
        kind: 'sale.create',
        recordId: sale.id,
        hlc: sale.hlc,
      }),
    ]);
    expect(saleSchema.parse(stored.outbox[0]!.payload)).toEqual(saleSchema.parse(sale));
    // The brush is not stock-tracked: only the juice moves.
    expect(stored.movements).toEqual([
      {
        seq: 1,
        saleId: sale.id,
        at: sale.committedAt,
        moves: [{ productId: juice!.id, delta: -2 }],
      },
    ]);
    expect(stored.device.nextSeq).toBe(2);
    expect(stored.device.receiptCounters[fx.register.id]).toBe(1);
  });

  it('computes totals with the shared rules (tax-exclusive, cash rounding)', async () => {
    const fx = fixture({ pricesIncludeTax: false, cashRounding: 5 });
    const db = await sellingDb(fx, { shift: true });
    const p = fx.products[0]!;
    const expected = computeTotals({
      lines: [{ quantity: 3, unitPrice: p.price, discount: 10, taxBasisPoints: 1900 }],
      orderDiscount: 7,
      pricesIncludeTax: false,
      cashRounding: 5,
      paidAllInCash: true,
    });
    const input = cashSaleOf(p, cashier, 3);
    const sale = await recordSale(db, {
      ...input,
      orderDiscount: 7,
      lines: [{ ...input.lines[0]!, discount: 10 }],
      payments: [
        {
          methodId: uuidv7(),
          kind: 'cash',
          amount: expected.total,
          tendered: 2000,
          change: 2000 - expected.total,
        },
      ],
    });
    expect(sale.totals).toEqual({
      subtotal: expected.subtotal,
      discount: 7,
      tax: expected.tax,
      rounding: expected.rounding,
      total: expected.total,
    });
    expect(sale.totals.total % 5).toBe(0);
    expect(sale.lines[0]).toMatchObject({
      total: expected.lines[0]!.total,
      tax: expected.lines[0]!.tax,
    });
  });

  it('gives gapless, unique receipt numbers and seqs to sales recorded at once', async () => {
    const fx = fixture();
    const db = await sellingDb(fx, { shift: true });
    const sales = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordSale(db, cashSaleOf(fx.products[i % 3]!, cashier)),
      ),
    );
    const numbers = sales.map((s) => s.receiptNumber).sort();
    expect(numbers).toEqual(
      Array.from({ length: 20 }, (_, i) => `S1-R2-${String(i + 1).padStart(6, '0')}`),
    );
    expect(sales.map((s) => s.seq).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(new Set(sales.map((s) => s.hlc)).size).toBe(20);
  });

  it('stores nothing and burns no number when the sale is invalid', async () => {
    const fx = fixture();
    const db = await sellingDb(fx, { shift: true });
    const input = cashSaleOf(fx.products[0]!, cashier);
    input.payments[0]!.amount -= 1;
    await expect(recordSale(db, input)).rejects.toThrow(InvalidSale);
    await expect(recordSale(db, { ...input, lines: [] })).rejects.toThrow(InvalidSale);
    const zeroQty = cashSaleOf(fx.products[0]!, cashier, 0);
    await expect(recordSale(db, zeroQty)).rejects.toThrow(InvalidSale);
    // What the schema refuses is named in words, with its path.
    const unnamed = cashSaleOf(fx.products[0]!, cashier);
    unnamed.lines[0]!.name = '';
    await expect(recordSale(db, unnamed)).rejects.toThrow(
      'The sale is not valid: lines.0.name: too small (string, at least 1)',
    );
    const stored = await everything(db);
    expect(stored.sales).toEqual([]);
    expect(stored.outbox).toEqual([]);
    expect(stored.device.nextSeq).toBe(1);
    const next = await recordSale(db, cashSaleOf(fx.products[0]!, cashier));
    expect(next.receiptNumber).toBe('S1-R2-000001');
  });

  it('is all or nothing when a write inside the transaction fails', async () => {
    const fx = fixture();
    let faults!: Faults;
    const db = await sellingDb(fx, { shift: true, prepare: (d) => (faults = installFaults(d)) });
    await recordSale(db, cashSaleOf(fx.products[0]!, cashier));
    const before = await everything(db);

    faults.failWrites.set('pendingStock', () => new Error('disk on fire'));
    await expect(recordSale(db, cashSaleOf(fx.products[0]!, cashier))).rejects.toThrow();
    expect(await everything(db)).toEqual(before);

    faults.failWrites.clear();
    const after = await recordSale(db, cashSaleOf(fx.products[0]!, cashier));
    expect(after.receiptNumber).toBe('S1-R2-000002');
    expect(after.seq).toBe(2);
  });

  it('turns a quota error into StorageFull and stores nothing', async () => {
    const fx = fixture();
    let faults!: Faults;
    const db = await sellingDb(fx, { shift: true, prepare: (d) => (faults = installFaults(d)) });
    faults.failWrites.set('sales', quotaError);
    const error = await recordSale(db, cashSaleOf(fx.products[0]!, cashier)).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageFull);
    expect((await everything(db)).outbox).toEqual([]);
    expect((await everything(db)).device.nextSeq).toBe(1);
  });

  it('asks IndexedDB for strict durability', async () => {
    const fx = fixture();
    let faults!: Faults;
    const db = await sellingDb(fx, { shift: true, prepare: (d) => (faults = installFaults(d)) });
    faults.transactions.length = 0;
    await recordSale(db, cashSaleOf(fx.products[0]!, cashier));
    const writes = faults.transactions.filter((t) => t.mode === 'readwrite');
    expect(writes).toHaveLength(1);
    expect(writes[0]!.tables).toEqual(
      expect.arrayContaining(['sales', 'outbox', 'pendingStock', 'deviceMeta']),
    );
    expect(writes[0]!.options?.durability).toBe('strict');
  });

  it('sells only inside an open shift, and names it on the sale', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const refused = await recordSale(db, cashSaleOf(fx.products[0]!, cashier)).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(StoreOpsError);
    expect(refused).toMatchObject({ kind: 'NoOpenShift' });
    let stored = await everything(db);
    expect([stored.sales, stored.outbox, stored.movements]).toEqual([[], [], []]);
    expect(stored.device.receiptCounters[fx.register.id]).toBeUndefined();
    expect(stored.device.nextSeq).toBe(1);

    const shift = await openTestShift(db);
    const sale = await recordSale(db, cashSaleOf(fx.products[0]!, cashier));
    expect(sale).toMatchObject({ shiftId: shift.id, receiptNumber: 'S1-R2-000001' });

    // Closed: no more sales, and no refunds either, until the next shift opens.
    await closeShift(db, { closedBy: cashier, countedCash: 10_000 + sale.totals.total });
    const refund = {
      ...cashSaleOf(fx.products[0]!, cashier, -1),
      refundOf: sale.id,
      lines: [
        {
          ...cashSaleOf(fx.products[0]!, cashier, -1).lines[0]!,
          refundOfLineId: sale.lines[0]!.id,
        },
      ],
    };
    await expect(recordSale(db, refund)).rejects.toMatchObject({ kind: 'NoOpenShift' });
    await expect(recordSale(db, cashSaleOf(fx.products[0]!, cashier))).rejects.toMatchObject({
      kind: 'NoOpenShift',
    });
    stored = await everything(db);
    expect(stored.sales.map((s) => s.id)).toEqual([sale.id]);
    expect(stored.device.receiptCounters[fx.register.id]).toBe(1);
  });

  it('records the lines voided before payment and the attached customer', async () => {
    const fx = fixture();
    const db = await sellingDb(fx, { shift: true });
    const [juice, granola] = fx.products;
    const customerId = uuidv7();
    const voided = {
      productId: granola!.id,
      name: granola!.name,
      quantity: 2,
      unitPrice: granola!.price,
      voidedBy: cashier,
    };
    const sale = await recordSale(db, {
      ...cashSaleOf(juice!, cashier),
      voidedLines: [voided],
      customerId,
    });
    expect(sale).toMatchObject({ voidedLines: [voided], customerId });
    const [entry] = await db.outbox.toArray();
    expect(saleSchema.parse(entry!.payload)).toMatchObject({ voidedLines: [voided], customerId });
    // A voided line moves no stock: only the juice sold does.
    const stock = await db.pendingStock.toArray();
    expect(stock.flatMap((s) => s.moves.map((m) => m.productId))).toEqual([juice!.id]);
  });

  it('refuses to sell on a device that is not bound to a register', async () => {
    const db = await openDb(freshDbName());
    await initDevice(db, uuidv7());
    await expect(recordSale(db, cashSaleOf(fixture().products[0]!, cashier))).rejects.toThrow(
      NoRegister,
    );
  });

  it('survives a reload: a new Dexie instance over the same database sees the committed sale', async () => {
    const fx = fixture();
    const name = freshDbName();
    const db = await sellingDb(fx, { shift: true, name });
    const sale = await recordSale(db, cashSaleOf(fx.products[0]!, cashier));
    db.close();
    const reopened = await openDb(name);
    expect(await reopened.sales.get(sale.id)).toEqual(sale);
    expect(await reopened.outbox.count()).toBe(1);
    const next = await recordSale(reopened, cashSaleOf(fx.products[0]!, cashier));
    expect(next.receiptNumber).toBe('S1-R2-000002');
  });

  it('writes a sale after another in one transaction, confirming what the first one read', async () => {
    const fx = fixture();
    const name = freshDbName();
    const db = await sellingDb(fx, { shift: true, name });
    const first = await recordSale(db, cashSaleOf(fx.products[0]!, cashier));
    const transaction = vi.spyOn(db, 'transaction');
    try {
      const second = await recordSale(db, cashSaleOf(fx.products[1]!, cashier));
      expect(transaction).toHaveBeenCalledTimes(1);
      expect(second).toMatchObject({ receiptNumber: 'S1-R2-000002', seq: first.seq! + 1 });

      // Another tab sells meanwhile: the facts this tab knows are stale. Its next sale is
      // aborted before it commits and made again from what is stored: no number twice.
      const otherTab = await openDb(name);
      const theirs = await recordSale(otherTab, cashSaleOf(fx.products[0]!, cashier));
      expect(theirs).toMatchObject({ receiptNumber: 'S1-R2-000003', seq: second.seq! + 1 });
      transaction.mockClear();
      const third = await recordSale(db, cashSaleOf(fx.products[2]!, cashier));
      expect(transaction).toHaveBeenCalledTimes(2);
      expect(third).toMatchObject({ receiptNumber: 'S1-R2-000004', seq: theirs.seq! + 1 });
      const stored = await everything(db);
      expect(stored.sales.map((s) => s.receiptNumber).sort()).toEqual([
        'S1-R2-000001',
        'S1-R2-000002',
        'S1-R2-000003',
        'S1-R2-000004',
      ]);
      expect(stored.outbox.map((e) => e.seq)).toEqual([1, 2, 3, 4].map((n) => first.seq! - 1 + n));
      expect(stored.device.nextSeq).toBe(third.seq! + 1);

      // A change no unique key would catch (the clock offset a pull measured, in another tab)
      // is not overwritten with the old device record either.
      await otherTab.deviceMeta.put({ ...(await getDevice(otherTab)), clockOffset: 12_345 });
      transaction.mockClear();
      await recordSale(db, cashSaleOf(fx.products[0]!, cashier));
      expect(transaction).toHaveBeenCalledTimes(2);
      expect((await getDevice(db)).clockOffset).toBe(12_345);

      // The other tab closes the shift: this tab's next sale is refused, nothing stored.
      const takings = (await everything(db)).sales.reduce((a, x) => a + x.totals.total, 0);
      await closeShift(otherTab, { closedBy: cashier, countedCash: 10_000 + takings });
      await expect(recordSale(db, cashSaleOf(fx.products[0]!, cashier))).rejects.toMatchObject({
        kind: 'NoOpenShift',
      });
      expect((await everything(db)).sales).toHaveLength(5);
      otherTab.close();
    } finally {
      transaction.mockRestore();
    }
  });
});
