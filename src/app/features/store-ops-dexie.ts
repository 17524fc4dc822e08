// The store-operations port over the register's Dexie database (src/app/db). Reads are live
// queries; writes are the db module's one-transaction operations.
import type { Sale } from '../../shared/records/sale';
import type { TillDb } from '../db/database';
import { keepConflict, revertConflict } from '../db/conflicts';
import { saveCustomer, searchCustomers } from '../db/customers';
import { findDevice } from '../db/device-meta';
import { cancelParked, listParked, parkOrder, resumeParked } from '../db/parked';
import { recordSale } from '../db/record-sale';
import type { LocalShift } from '../db/records';
import { refundableLines } from '../db/refund-limits';
import { closeShift, moveCash, openShift, openShiftOf, shiftTotalsOf } from '../db/shifts';
import { StoreOpsError } from '../db/store-ops-error';
import { voidSale } from '../db/voids';
import { stockOnHand } from '../db/stock';
import { recordStockCount } from '../db/stock-count';
import { flagsResponse } from '../../shared/api/flags';
import type { ApiClient } from '../sync/api';
import { refundPayment } from './refund/refund-payment';
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
    async recordRefund(r): Promise<Sale> {
      const db = getDb();
      // A unit goes back at what it was paid, discounts included.
      const paid = new Map(
        (await refundableLines(db, r.original)).map((l) => [l.lineId, l.unitPrice]),
      );
      const lines = r.original.lines.flatMap((l) => {
        const n = r.quantities[l.id] ?? 0;
        if (n <= 0) return [];
        return [
          {
            productId: l.productId,
            name: l.name,
            quantity: -n,
            unitPrice: paid.get(l.id) ?? l.unitPrice,
            taxRateId: l.taxRateId,
            taxBasisPoints: l.taxBasisPoints,
            refundOfLineId: l.id,
          },
        ];
      });
      if (lines.length === 0) throw new StoreOpsError('Invalid', 'Pick at least one item.');
      const store = await db.stores.get(r.original.storeId);
      const methods = await db.paymentMethods.toArray();
      if (!store) throw new StoreOpsError('Invalid', 'The store is not known here.');
      const payment = refundPayment({
        original: r.original,
        lines,
        store,
        methods,
        tender: r.tender,
      });
      return wrote(
        recordSale(db, {
          cashierId: r.cashierId,
          refundOf: r.original.id,
          ...(r.approvedBy ? { refundApprovedBy: r.approvedBy } : {}),
          lines,
          payments: [payment],
        }),
      );
    },

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
