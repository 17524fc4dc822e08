// The store-operations port over the register's Dexie database (src/app/db). Reads are live
// queries; writes are the db module's one-transaction operations.
import type { TillDb } from '../db/database';
import { keepConflict, revertConflict } from '../db/conflicts';
import { saveCustomer, searchCustomers } from '../db/customers';
import { findDevice } from '../db/device-meta';
import { cancelParked, listParked, parkOrder, resumeParked } from '../db/parked';
import { recordSale } from '../db/record-sale';
import type { LocalShift } from '../db/records';
import { refundableLines } from '../db/refund-limits';
import { refundDraft } from '../db/refund-draft';
import { closeShift, moveCash, openShift, openShiftOf, shiftTotalsOf } from '../db/shifts';
import { StoreOpsError } from '../db/store-ops-error';
import { voidSale } from '../db/voids';
import { stockOnHand } from '../db/stock';
import { recordStockCount } from '../db/stock-count';
import { flagsResponse } from '../../shared/api/flags';
import type { ApiClient } from '../sync/api';
import type { ShiftView, StoreOpsData } from './store-ops-data';
import { useDbQuery } from './use-db-query';

async function viewOf(db: TillDb, shift: LocalShift | undefined): Promise<ShiftView | null> {
  if (!shift) return null;
  const totals = shift.close?.totals ?? (await shiftTotalsOf(db, shift));
  const sales = await db.sales.where('shiftId').equals(shift.id).toArray();
  return { shift, totals, sales };
}

export interface StoreOpsDeps {
  db: () => TillDb;
  /** The till's authorised API client, for the manager's flags (absent: not offered). */
  api?: () => ApiClient;
  /** After each committed write: wake the sync engine, as after a sale. */
  afterWrite?: () => void;
}

export function createDexieStoreOps(deps: StoreOpsDeps): StoreOpsData {
  const getDb = deps.db;
  const afterWrite = deps.afterWrite ?? (() => undefined);
  const wrote = <T>(p: Promise<T>): Promise<T> =>
    p.then((v) => {
      afterWrite();
      return v;
    });
  const live = <T>(query: (db: TillDb) => Promise<T>, deps: unknown[] = []) => {
    const db = getDb();
    return useDbQuery(() => query(db), [db, ...deps]);
  };
  return {
    useOpenShift: () =>
      live(async (db) => ((await findDevice(db)) ? viewOf(db, await openShiftOf(db)) : null)),
    useShift: (id) => live(async (db) => viewOf(db, await db.shifts.get(id)), [id]),
    useParked: () => live((db) => listParked(db)),

    openShift: (input) => wrote(openShift(getDb(), input)),
    async moveCash(input) {
      await wrote(moveCash(getDb(), input));
    },
    async closeShift(input) {
      const closed = await wrote(closeShift(getDb(), input));
      if (!closed.close) throw new StoreOpsError('Invalid', 'The shift did not close.');
      return closed.close;
    },

    async findSale(receiptNumber) {
      const db = getDb();
      const sale = await db.sales.where('receiptNumber').equals(receiptNumber.trim()).first();
      if (!sale || sale.refundOf) return null;
      return { sale, lines: await refundableLines(db, sale) };
    },
    recordRefund: async (r) => wrote(recordSale(getDb(), await refundDraft(getDb(), r))),

    parkOrder: (input) => wrote(parkOrder(getDb(), input)),
    resumeParked: (id) => wrote(resumeParked(getDb(), id)),
    cancelParked: (id) => wrote(cancelParked(getDb(), id)),

    useStockOnHand: () => live((db) => stockOnHand(db)),
    async countStock(input) {
      await wrote(recordStockCount(getDb(), input));
    },
    async fetchFlags() {
      if (!deps.api) throw new StoreOpsError('Invalid', 'No server here.');
      return (await deps.api().call('/api/sync/flags', { method: 'GET' }, flagsResponse)).flags;
    },

    async voidCart(input) {
      await wrote(voidSale(getDb(), input));
    },

    useCustomers: (query) => live((db) => searchCustomers(db, query), [query]),
    useCustomer: (id) => live(async (db) => (await db.customers.get(id)) ?? null, [id]),
    saveCustomer: (edit) => wrote(saveCustomer(getDb(), edit)),

    async keepConflict(id) {
      await keepConflict(getDb(), id);
    },
    async revertConflict(id) {
      await wrote(revertConflict(getDb(), id));
    },
  };
}
