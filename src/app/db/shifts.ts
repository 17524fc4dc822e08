// Shifts on the register: open with a counted float, cash in and out with a reason, X totals
// any time, close with a counted amount giving the Z totals and the over/short. Each write is
// ONE transaction with its outbox entry; the totals come from shared/pos/shift-report.ts, the
// same code the server recomputes them with.
import type { Transaction } from 'dexie';
import type { CashMovement, CashMovementKind } from '../../shared/records/cash-movement';
import { cashMovement } from '../../shared/records/cash-movement';
import type { DenominationCount, ShiftClose, ShiftTotals } from '../../shared/records/shift';
import { shiftClose, shiftOpen } from '../../shared/records/shift';
import { storeLimits } from '../../shared/records/store';
import type { Store } from '../../shared/records/store';
import { shiftReport } from '../../shared/pos/shift-report';
import { uuidv7 } from '../../shared/uuidv7';
import type { TableSource, TillDb } from './database';
import { getDevice } from './device-meta';
import { stampAndEnqueue } from './local-write';
import type { LocalCashMovement, LocalSale, LocalSaleVoid, LocalShift } from './records';
import { mapStorageErrors } from './storage';
import { StoreOpsError } from './store-ops-error';

const TABLES = ['shifts', 'cashMovements', 'saleVoids', 'sales', 'outbox', 'deviceMeta', 'stores'];

/** The open shift of this device's register, if any. */
export async function openShiftOf(db: TableSource): Promise<LocalShift | undefined> {
  const [device, open] = await Promise.all([getDevice(db), openShifts(db)]);
  return open.find((s) => s.registerId === device.registerId);
}

/** Every open shift held here (a register has at most one): for a caller that reads the device itself. */
export function openShifts(db: TableSource): Promise<LocalShift[]> {
  return db.table<LocalShift, string>('shifts').where('status').equals('open').toArray();
}

export const denominationTotal = (counts: readonly DenominationCount[]) =>
  counts.reduce((a, d) => a + d.value * d.count, 0);

export interface OpenShiftInput {
  openedBy: string;
  openingFloat: number;
  floatDenominations?: DenominationCount[];
}

export function openShift(
  db: TillDb,
  input: OpenShiftInput,
  now: () => number = Date.now,
): Promise<LocalShift> {
  return mapStorageErrors(() =>
    db.transaction('rw', TABLES, async (tx) => {
      const device = await getDevice(tx);
      if (!device.storeId || !device.registerId) {
        throw new StoreOpsError('Invalid', 'This device is not bound to a register.');
      }
      if (await openShiftOf(tx)) {
        throw new StoreOpsError('ShiftAlreadyOpen', 'A shift is open on this register already.');
      }
      const parsed = shiftOpen.safeParse({
        id: uuidv7(now()),
        storeId: device.storeId,
        registerId: device.registerId,
        openedBy: input.openedBy,
        openedAt: new Date(now()).toISOString(),
        openingFloat: input.openingFloat,
        ...(input.floatDenominations ? { floatDenominations: input.floatDenominations } : {}),
      });
      if (!parsed.success) throw new StoreOpsError('Invalid', 'The float is not a valid amount.');
      const open = parsed.data;
      if (
        open.floatDenominations &&
        denominationTotal(open.floatDenominations) !== open.openingFloat
      ) {
        throw new StoreOpsError('Invalid', 'The float does not match its denominations.');
      }
      const shift: LocalShift = { ...open, status: 'open', close: null, sync: 'pending' };
      await tx.table('shifts').add(shift);
      await stampAndEnqueue(tx, device, { kind: 'shift.open', payload: open }, open.id, now);
      return shift;
    }),
  );
}

export interface CashMoveInput {
  kind: CashMovementKind;
  amount: number;
  reason: string;
  userId: string;
}

export function moveCash(
  db: TillDb,
  input: CashMoveInput,
  now: () => number = Date.now,
): Promise<CashMovement> {
  return mapStorageErrors(() =>
    db.transaction('rw', TABLES, async (tx) => {
      const shift = await openShiftOf(tx);
      if (!shift) throw new StoreOpsError('NoOpenShift', 'Open a shift first.');
      const parsed = cashMovement.safeParse({
        id: uuidv7(now()),
        storeId: shift.storeId,
        registerId: shift.registerId,
        shiftId: shift.id,
        kind: input.kind,
        amount: input.amount,
        reason: input.reason,
        userId: input.userId,
        deviceTime: new Date(now()).toISOString(),
      });
      if (!parsed.success) {
        throw new StoreOpsError('Invalid', 'A cash movement needs an amount above 0 and a reason.');
      }
      const move = parsed.data;
      await tx.table('cashMovements').add({ ...move, sync: 'pending' } satisfies LocalCashMovement);
      await stampAndEnqueue(
        tx,
        await getDevice(tx),
        { kind: 'cash.move', payload: move },
        move.id,
        now,
      );
      return move;
    }),
  );
}

/** The X totals of a shift: what it holds now. Reading changes nothing. */
export async function shiftTotalsOf(db: TableSource, shift: LocalShift): Promise<ShiftTotals> {
  const sales = await db
    .table<LocalSale, string>('sales')
    .where('shiftId')
    .equals(shift.id)
    .toArray();
  const moves = await db
    .table<LocalCashMovement, string>('cashMovements')
    .where('shiftId')
    .equals(shift.id)
    .toArray();
  const voids = await db
    .table<LocalSaleVoid, string>('saleVoids')
    .where('shiftId')
    .equals(shift.id)
    .count();
  return shiftReport({
    openingFloat: shift.openingFloat,
    sales,
    cashMovements: moves,
    voidedSales: voids,
  });
}

export interface CloseShiftInput {
  closedBy: string;
  countedCash: number;
  countedDenominations?: DenominationCount[];
  /** A manager who confirmed an over/short above the store's limit. */
  confirmedBy?: string;
}

async function storeOf(tx: Transaction, storeId: string): Promise<Store> {
  const store = await tx.table<Store, string>('stores').get(storeId);
  if (!store) throw new StoreOpsError('Invalid', 'The store of this register is not known.');
  return store;
}

/** Closes the open shift; above the store's over/short limit only with `confirmedBy`. */
export function closeShift(
  db: TillDb,
  input: CloseShiftInput,
  now: () => number = Date.now,
): Promise<LocalShift> {
  return mapStorageErrors(() =>
    db.transaction('rw', TABLES, async (tx) => {
      const shift = await openShiftOf(tx);
      if (!shift) throw new StoreOpsError('NoOpenShift', 'No shift is open on this register.');
      const totals = await shiftTotalsOf(tx, shift);
      const overShort = input.countedCash - totals.expectedCash;
      const { overShortLimit } = storeLimits(await storeOf(tx, shift.storeId));
      if (Math.abs(overShort) > overShortLimit && !input.confirmedBy) {
        throw new StoreOpsError(
          'NeedsManager',
          `The over/short of ${overShort} is above the limit of ${overShortLimit}.`,
        );
      }
      const parsed = shiftClose.safeParse({
        id: shift.id,
        storeId: shift.storeId,
        registerId: shift.registerId,
        closedBy: input.closedBy,
        closedAt: new Date(now()).toISOString(),
        countedCash: input.countedCash,
        ...(input.countedDenominations ? { countedDenominations: input.countedDenominations } : {}),
        overShort,
        ...(input.confirmedBy ? { confirmedBy: input.confirmedBy } : {}),
        totals,
      } satisfies ShiftClose);
      if (!parsed.success) throw new StoreOpsError('Invalid', 'The counted cash is not valid.');
      const closed: LocalShift = {
        ...shift,
        status: 'closed',
        close: parsed.data,
        sync: 'pending',
      };
      await tx.table('shifts').put(closed);
      await stampAndEnqueue(
        tx,
        await getDevice(tx),
        { kind: 'shift.close', payload: parsed.data },
        shift.id,
        now,
      );
      return closed;
    }),
  );
}
