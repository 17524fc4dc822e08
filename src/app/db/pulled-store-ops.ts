// Pulled shifts and parked orders of this device's register: a reinstalled register (or the
// register's other device) gets its open shift, with its cash movements and voids, and its
// parked orders back. A local record with a change the server has not taken yet (in the outbox,
// or rejected and waiting in needs-attention) wins over the server's copy. A pulled shift never
// reopens one closed here, and becomes the open shift only if none is open here.
import type { Transaction } from 'dexie';
import type { PulledShift } from '../../shared/api/pull';
import type { ParkedOrder } from '../../shared/records/parked-order';
import { parkedRank } from '../../shared/records/parked-order';
import { shiftOpen } from '../../shared/records/shift';
import { hasPendingChange } from './outbox';
import type {
  LocalCashMovement,
  LocalParkedOrder,
  LocalSaleVoid,
  LocalShift,
  SaleSync,
} from './records';

export const STORE_OPS_PULL_TABLES = ['shifts', 'cashMovements', 'saleVoids', 'parkedOrders'];

/** The pulled store-operation entities and their local tables (a full resync trims them). */
export const PULLED_STORE_OPS = { shifts: 'shifts', parkedOrders: 'parkedOrders' } as const;

type Local = { id: string; sync: SaleSync };

/** A local record the server's copy must not overwrite (nor a resync remove). */
export async function keepsLocal(tx: Transaction, local: Local | undefined): Promise<boolean> {
  if (!local) return false;
  return local.sync !== 'synced' || (await hasPendingChange(tx, local.id));
}

/** Movements and voids of a pulled shift this register does not hold yet come in as synced. */
async function addShiftItems(tx: Transaction, shift: PulledShift) {
  const moves = tx.table<LocalCashMovement, string>('cashMovements');
  for (const m of shift.cashMovements) {
    if (!(await moves.get(m.id))) await moves.add({ ...m, sync: 'synced' });
  }
  const voids = tx.table<LocalSaleVoid, string>('saleVoids');
  for (const v of shift.voids) {
    if (!(await voids.get(v.id))) await voids.add({ ...v, sync: 'synced' });
  }
}

export async function applyPulledShifts(
  tx: Transaction,
  changes: readonly { id: string; data: PulledShift | null }[],
): Promise<void> {
  const table = tx.table<LocalShift, string>('shifts');
  // Closes first: a shift closed elsewhere makes room for the open one on the same page.
  const ordered = [...changes].sort((a, b) => Number(!a.data?.close) - Number(!b.data?.close));
  for (const change of ordered) {
    const local = await table.get(change.id);
    if (!change.data) {
      if (local && !(await keepsLocal(tx, local))) await table.delete(change.id);
      continue;
    }
    const { close } = change.data;
    // The open as the register sent it, without what the pull added.
    const open = shiftOpen.parse(change.data);
    await addShiftItems(tx, change.data);
    if (await keepsLocal(tx, local)) continue;
    if (close === null) {
      // Still open on the server: never reopen a shift closed here; a second open shift on
      // this register waits until the server sends it closed.
      if (local?.status === 'closed') continue;
      const openHere = await table.where('status').equals('open').toArray();
      if (openHere.some((s) => s.registerId === open.registerId && s.id !== open.id)) continue;
    }
    await table.put({
      ...open,
      status: close === null ? 'open' : 'closed',
      close,
      sync: 'synced',
    });
  }
}

export async function applyPulledParked(
  tx: Transaction,
  changes: readonly { id: string; data: ParkedOrder | null }[],
): Promise<void> {
  const table = tx.table<LocalParkedOrder, string>('parkedOrders');
  for (const change of changes) {
    const local = await table.get(change.id);
    if (await keepsLocal(tx, local)) continue;
    if (!change.data) {
      await table.delete(change.id);
      continue;
    }
    // Resumed and cancelled are final: a copy read before the server took them does not undo it.
    if (local && parkedRank(local.status) > parkedRank(change.data.status)) continue;
    await table.put({ ...change.data, sync: 'synced' });
  }
}

/** The end of a full resync: what the server did not send again goes, unless it wins here. */
export async function trimStoreOps(
  tx: Transaction,
  seen: Readonly<Record<string, readonly string[]>>,
): Promise<void> {
  for (const [entity, tableName] of Object.entries(PULLED_STORE_OPS)) {
    const sent = new Set(seen[entity] ?? []);
    const table = tx.table<Local, string>(tableName);
    for (const local of await table.toArray()) {
      if (!sent.has(local.id) && !(await keepsLocal(tx, local))) await table.delete(local.id);
    }
  }
}
