// Store operations meet the server: push results set each record's sync state (a rejected one
// shows it, a confirmed one is synced), and pulled shifts and parked orders come in without
// overriding what this register holds unsynced, reopening a closed shift or adding a second
// open one; a full resync keeps what is unsynced here.
import { describe, expect, it } from 'vitest';
import { applyPulledPage } from '../../../src/app/db/apply-pull';
import type { PulledPage } from '../../../src/app/db/apply-pull';
import { applyPushResults } from '../../../src/app/db/apply-push';
import { saveCustomer } from '../../../src/app/db/customers';
import type { TillDb } from '../../../src/app/db/database';
import { listParked, parkOrder, resumeParked } from '../../../src/app/db/parked';
import type { PulledChange } from '../../../src/app/db/pulled-change';
import { closeShift, moveCash, openShift, openShiftOf } from '../../../src/app/db/shifts';
import { recordStockCount, stockCountStatus } from '../../../src/app/db/stock-count';
import { voidSale } from '../../../src/app/db/voids';
import type { MutationResult } from '../../../src/shared/api/push';
import type { PulledShift } from '../../../src/shared/api/pull';
import type { ParkedOrder } from '../../../src/shared/records/parked-order';
import { uuidv7 } from '../../../src/shared/uuidv7';
import type { Fixture } from '../../support/till-db';
import { fixture, openTestShift, sellingDb } from '../../support/till-db';

const cashier = uuidv7();
const at = '2024-05-01T10:00:00.000Z';

/** Answers every outbox entry of `kinds` with `status` (the rest stay unanswered). */
async function answer(db: TillDb, status: 'applied' | 'rejected', kinds?: string[]) {
  const sent = (await db.outbox.orderBy('seq').toArray()).filter(
    (e) => !kinds || kinds.includes(e.kind),
  );
  const results: MutationResult[] = sent.map((e) =>
    status === 'rejected'
      ? { id: e.id, status, error: { kind: 'Forbidden', message: 'No.' } }
      : { id: e.id, status },
  );
  return applyPushResults(db, sent, results, at);
}

/** One of each store operation, queued. */
async function everyKind(db: TillDb, fx: Fixture) {
  const shift = await openShift(db, { openedBy: cashier, openingFloat: 1_000 });
  const move = await moveCash(db, { kind: 'in', amount: 500, reason: 'coins', userId: cashier });
  const v = await voidSale(db, { cashierId: cashier, lines: [], total: 0 });
  const product = fx.products[0]!;
  const order = await parkOrder(db, {
    parkedBy: cashier,
    note: 'later',
    lines: [
      { productId: product.id, name: product.name, quantity: 1, unitPrice: 199, discount: 0 },
    ],
  });
  const customer = await saveCustomer(db, { fields: { name: 'Ada' } });
  const count = await recordStockCount(db, {
    countedBy: cashier,
    lines: [{ productId: product.id, counted: 4 }],
  });
  return { shift, move, v, order, customer, count };
}

async function states(db: TillDb, ids: Awaited<ReturnType<typeof everyKind>>) {
  return {
    shift: (await db.shifts.get(ids.shift.id))?.sync,
    move: (await db.cashMovements.get(ids.move.id))?.sync,
    void: (await db.saleVoids.get(ids.v.id))?.sync,
    parked: (await db.parkedOrders.get(ids.order.id))?.sync,
    customer: (await db.customers.get(ids.customer.id))?.sync,
    count: await stockCountStatus(db, ids.count.id),
  };
}

describe('push results on store operations', () => {
  it('marks every kind rejected when the server refuses it, and keeps it in needs-attention', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const ids = await everyKind(db, fx);
    expect((await states(db, ids)).count).toBe('pending');
    const outcome = await answer(db, 'rejected');
    expect(outcome.rejected).toBe(6);
    expect(await states(db, ids)).toEqual({
      shift: 'rejected',
      move: 'rejected',
      void: 'rejected',
      parked: 'rejected',
      customer: 'rejected',
      count: 'rejected',
    });
    expect(await db.needsAttention.count()).toBe(6);
    expect(await db.outbox.count()).toBe(0);
  });

  it('marks every kind synced when the server confirms it', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const ids = await everyKind(db, fx);
    await answer(db, 'applied');
    expect(await states(db, ids)).toEqual({
      shift: 'synced',
      move: 'synced',
      void: 'synced',
      parked: 'synced',
      customer: 'synced',
      count: 'synced',
    });
  });

  it('keeps a shift rejected when its open was refused, whatever its close gets', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const shift = await openShift(db, { openedBy: cashier, openingFloat: 0 });
    await answer(db, 'rejected', ['shift.open']);
    await closeShift(db, { closedBy: cashier, countedCash: 0 });
    expect((await db.shifts.get(shift.id))?.sync).toBe('pending');
    await answer(db, 'applied', ['shift.close']);
    expect((await db.shifts.get(shift.id))?.sync).toBe('rejected');
  });
});

let version = 0;
const change = (
  entity: 'shifts' | 'parkedOrders',
  data: PulledShift | ParkedOrder | null,
  id?: string,
) => ({ entity, id: id ?? data?.id ?? '', version: String(++version), data }) as PulledChange;

const page = (changes: PulledChange[], from: string | null = 'c0'): PulledPage => ({
  epoch: 'e1',
  from,
  cursor: `c${++version}`,
  hasMore: false,
  changes,
});

function serverShift(fx: Fixture, over: Partial<PulledShift> = {}): PulledShift {
  const id = over.id ?? uuidv7();
  return {
    id,
    storeId: fx.store.id,
    registerId: fx.register.id,
    openedBy: cashier,
    openedAt: at,
    openingFloat: 2_000,
    close: null,
    cashMovements: [
      {
        id: uuidv7(),
        storeId: fx.store.id,
        registerId: fx.register.id,
        shiftId: id,
        kind: 'out',
        amount: 300,
        reason: 'bank',
        userId: cashier,
        deviceTime: at,
      },
    ],
    voids: [],
    ...over,
  };
}

function serverParked(fx: Fixture, over: Partial<ParkedOrder> = {}): ParkedOrder {
  const product = fx.products[0]!;
  return {
    id: uuidv7(),
    storeId: fx.store.id,
    registerId: fx.register.id,
    shiftId: null,
    parkedBy: cashier,
    parkedAt: at,
    note: 'from the server',
    status: 'parked',
    lines: [
      { productId: product.id, name: product.name, quantity: 1, unitPrice: 199, discount: 0 },
    ],
    orderDiscount: 0,
    customerId: null,
    hlc: '000000000000001:0000:srv',
    ...over,
  };
}

describe('pulled shifts and parked orders', () => {
  it('an open shift from the server becomes the open shift, with its cash movements', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const remote = serverShift(fx);
    await applyPulledPage(db, page([change('shifts', remote)]), Date.now);
    expect(await openShiftOf(db)).toMatchObject({ id: remote.id, status: 'open', sync: 'synced' });
    expect((await db.cashMovements.where('shiftId').equals(remote.id).toArray()).length).toBe(1);

    // A second open shift of the register from the server waits; its close comes in as closed.
    const other = serverShift(fx);
    await applyPulledPage(db, page([change('shifts', other)]), Date.now);
    expect(await db.shifts.get(other.id)).toBeUndefined();
    expect((await openShiftOf(db))?.id).toBe(remote.id);
  });

  it('never reopens a shift closed here, nor overrides one with a pending close', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const shift = await openTestShift(db, cashier);
    await closeShift(db, { closedBy: cashier, countedCash: 10_000 });
    const stale = serverShift(fx, { id: shift.id, openingFloat: 10_000, cashMovements: [] });
    await applyPulledPage(db, page([change('shifts', stale)]), Date.now);
    expect(await db.shifts.get(shift.id)).toMatchObject({ status: 'closed', sync: 'pending' });
    expect(await openShiftOf(db)).toBeUndefined();

    // Once synced, a still-open copy from the server does not reopen it either.
    await answer(db, 'applied');
    await applyPulledPage(db, page([change('shifts', stale)]), Date.now);
    expect(await db.shifts.get(shift.id)).toMatchObject({ status: 'closed', sync: 'synced' });
  });

  it('a shift closed on the server closes here when nothing of it is pending', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const shift = await openTestShift(db, cashier);
    const closed = serverShift(fx, {
      id: shift.id,
      cashMovements: [],
      close: {
        id: shift.id,
        storeId: fx.store.id,
        registerId: fx.register.id,
        closedBy: cashier,
        closedAt: at,
        countedCash: 0,
        overShort: 0,
        totals: {
          salesCount: 0,
          salesTotal: 0,
          refundsCount: 0,
          refundsTotal: 0,
          discounts: 0,
          tax: 0,
          rounding: 0,
          taxes: [],
          payments: [],
          cashIn: 0,
          cashOut: 0,
          openingFloat: 0,
          expectedCash: 0,
          voidedSales: 0,
          voidedLines: 0,
        },
      },
    });
    await applyPulledPage(db, page([change('shifts', closed)]), Date.now);
    expect(await db.shifts.get(shift.id)).toMatchObject({ status: 'closed', sync: 'synced' });
    expect(await openShiftOf(db)).toBeUndefined();
  });

  it('a parked order with a pending change here wins over the server copy', async () => {
    const fx = fixture();
    const db = await sellingDb(fx, { shift: true });
    const product = fx.products[0]!;
    const mine = await parkOrder(db, {
      parkedBy: cashier,
      note: 'mine',
      lines: [
        { productId: product.id, name: product.name, quantity: 1, unitPrice: 199, discount: 0 },
      ],
    });
    const theirs = serverParked(fx);
    await applyPulledPage(
      db,
      page([
        change('parkedOrders', { ...mine, note: 'server copy', hlc: '999999999999999:0000:x' }),
        change('parkedOrders', theirs),
      ]),
      Date.now,
    );
    expect((await listParked(db)).map((o) => [o.note, o.sync]).sort()).toEqual([
      ['from the server', 'synced'],
      ['mine', 'pending'],
    ]);
  });

  it('a stale parked copy from the server never undoes a resume synced here', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const order = serverParked(fx);
    await applyPulledPage(db, page([change('parkedOrders', order)]), Date.now);
    await resumeParked(db, order.id);
    await answer(db, 'applied');
    await applyPulledPage(db, page([change('parkedOrders', order)]), Date.now);
    expect(await db.parkedOrders.get(order.id)).toMatchObject({
      status: 'resumed',
      sync: 'synced',
    });
    expect(await listParked(db)).toEqual([]);
  });

  it('a full resync removes synced shifts and parked orders the server did not send, not unsynced ones', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const synced = await openTestShift(db, cashier);
    await db.shifts.update(synced.id, { status: 'closed' });
    const gone = serverParked(fx);
    await applyPulledPage(db, page([change('parkedOrders', gone)]), Date.now);
    const product = fx.products[0]!;
    const pending = await parkOrder(db, {
      parkedBy: cashier,
      note: 'unsynced',
      lines: [
        { productId: product.id, name: product.name, quantity: 1, unitPrice: 199, discount: 0 },
      ],
    });
    const refused = serverParked(fx, { note: 'refused' });
    await db.parkedOrders.put({ ...refused, sync: 'rejected' });
    const kept = serverShift(fx, { cashMovements: [] });

    await applyPulledPage(
      db,
      page(
        [
          { entity: 'stores', id: fx.store.id, version: '1', data: fx.store },
          change('shifts', kept),
        ],
        null,
      ),
      Date.now,
    );
    expect(await db.shifts.get(synced.id)).toBeUndefined();
    expect((await db.shifts.get(kept.id))?.status).toBe('open');
    expect((await db.parkedOrders.toArray()).map((o) => o.id).sort()).toEqual(
      [pending.id, refused.id].sort(),
    );
  });
});
