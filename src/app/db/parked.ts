// Parked orders: a cart put aside with a note and resumed later on the same register. Park,
// resume and cancel are each ONE transaction with their outbox entry. Resumed and cancelled are
// final; an order parked in an earlier shift is offered back when the next one opens.
import type { ParkedLine, ParkedOrder, ParkedStatus } from '../../shared/records/parked-order';
import { parkedOrder } from '../../shared/records/parked-order';
import { uuidv7 } from '../../shared/uuidv7';
import type { TillDb } from './database';
import { deviceClock, getDevice } from './device-meta';
import { stampAndEnqueue } from './local-write';
import type { LocalParkedOrder } from './records';
import { openShiftOf } from './shifts';
import { mapStorageErrors } from './storage';
import { StoreOpsError } from './store-ops-error';

const TABLES = ['parkedOrders', 'shifts', 'outbox', 'deviceMeta'];

export interface ParkInput {
  parkedBy: string;
  note: string;
  lines: ParkedLine[];
  orderDiscount?: number;
  customerId?: string | null;
}

export function parkOrder(
  db: TillDb,
  input: ParkInput,
  now: () => number = Date.now,
): Promise<ParkedOrder> {
  return mapStorageErrors(() =>
    db.transaction('rw', TABLES, async (tx) => {
      const device = await getDevice(tx);
      if (!device.storeId || !device.registerId) {
        throw new StoreOpsError('Invalid', 'This device is not bound to a register.');
      }
      const shift = await openShiftOf(tx);
      // The record carries the HLC its mutation gets: peek the clock's next stamp.
      const hlc = deviceClock(device, now).stamp();
      const parsed = parkedOrder.safeParse({
        id: uuidv7(now()),
        storeId: device.storeId,
        registerId: device.registerId,
        shiftId: shift?.id ?? null,
        parkedBy: input.parkedBy,
        parkedAt: new Date(now()).toISOString(),
        note: input.note,
        status: 'parked',
        lines: input.lines,
        orderDiscount: input.orderDiscount ?? 0,
        customerId: input.customerId ?? null,
        hlc,
      });
      if (!parsed.success) throw new StoreOpsError('Invalid', 'This cart cannot be parked.');
      const order = parsed.data;
      await tx.table('parkedOrders').add({ ...order, sync: 'pending' } satisfies LocalParkedOrder);
      await stampAndEnqueue(tx, device, { kind: 'parked.upsert', payload: order }, order.id, now);
      return order;
    }),
  );
}

function finish(db: TillDb, id: string, status: ParkedStatus, now: () => number) {
  return mapStorageErrors(() =>
    db.transaction('rw', TABLES, async (tx) => {
      const device = await getDevice(tx);
      const order = await tx.table<LocalParkedOrder, string>('parkedOrders').get(id);
      if (!order || order.registerId !== device.registerId) {
        throw new StoreOpsError('NotFound', 'This parked order is not on this register.');
      }
      if (order.status !== 'parked') {
        throw new StoreOpsError('Invalid', `This order was ${order.status} already.`);
      }
      const hlc = deviceClock(device, now).stamp();
      // The schema keeps the record and drops the local bookkeeping (sync).
      const next: ParkedOrder = { ...parkedOrder.parse(order), status, hlc };
      await tx.table('parkedOrders').put({ ...next, sync: 'pending' } satisfies LocalParkedOrder);
      await stampAndEnqueue(tx, device, { kind: 'parked.upsert', payload: next }, id, now);
      return next;
    }),
  );
}

/** Takes a parked order back into the cart: it is resumed for good. */
export const resumeParked = (db: TillDb, id: string, now: () => number = Date.now) =>
  finish(db, id, 'resumed', now);

export const cancelParked = (db: TillDb, id: string, now: () => number = Date.now) =>
  finish(db, id, 'cancelled', now);

/** The orders parked on this register, oldest first. */
export async function listParked(db: TillDb): Promise<LocalParkedOrder[]> {
  const device = await getDevice(db);
  const parked = await db.parkedOrders.where('status').equals('parked').toArray();
  return parked
    .filter((o) => o.registerId === device.registerId)
    .sort((a, b) => (a.parkedAt < b.parkedAt ? -1 : a.parkedAt > b.parkedAt ? 1 : 0));
}

/** Parked orders older than the open shift: offered back when a shift opens. */
export async function parkedBeforeShift(db: TillDb, shiftId: string): Promise<LocalParkedOrder[]> {
  return (await listParked(db)).filter((o) => o.shiftId !== shiftId);
}
