// Applies one pulled page and its cursor in ONE transaction: a crash in the middle repeats the
// page, and applying a page twice changes nothing. Local pending changes win over the server
// copy: a pending sale is never replaced, a customer with a pending edit is merged per field
// (conflicts recorded), and shifts and parked orders follow pulled-store-ops.ts. A pull from no
// cursor is a full resync: it ends by removing what the server no longer sent, but never the
// outbox, needs-attention, this register's sales or its unsynced shifts and parked orders.
import type { Transaction } from 'dexie';
import type { PullEntity } from '../../shared/api/pull';
import { parseReceiptNumber } from '../../shared/pos/receipt-number';
import type { Customer } from '../../shared/records/customer';
import { mergeCustomer } from '../../shared/sync/resolve';
import { uuidv7 } from '../../shared/uuidv7';
import type { BlockLogName } from './block-log';
import { appendToLog, beginLogSnapshot, endLogSnapshot } from './block-log';
import type { TillDb } from './database';
import type { HlcClock } from '../../shared/hlc';
import { deviceClock, getDevice } from './device-meta';
import { hasPendingChange } from './outbox';
import type { ChangeOf, PulledChange } from './pulled-change';
import {
  applyPulledParked,
  applyPulledShifts,
  PULLED_STORE_OPS,
  STORE_OPS_PULL_TABLES,
  trimStoreOps,
} from './pulled-store-ops';
import type { LocalConflict, LocalCustomer, LocalSale, LogEntry, ResyncProgress } from './records';
import { customerOf } from './records';
import { saleSync } from './sales';
import { readSyncState, writeSyncState } from './sync-state';

export interface PulledPage {
  epoch: string;
  /** The cursor this page was asked with (null: from the start, a full resync). */
  from: string | null;
  cursor: string;
  hasMore: boolean;
  changes: PulledChange[];
}

const LOGS: BlockLogName[] = ['products', 'stockLevels'];
const SMALL = [
  'stores',
  'registers',
  'categories',
  'taxRates',
  'paymentMethods',
  'customers',
] as const;
type SmallEntity = (typeof SMALL)[number];

function byEntity<E extends PullEntity>(changes: PulledChange[], entity: E): ChangeOf<E>[] {
  return changes.filter((c): c is ChangeOf<E> => c.entity === entity);
}

async function applyPlain(
  tx: Transaction,
  entity: Exclude<SmallEntity, 'customers'>,
  changes: PulledChange[],
) {
  const mine = byEntity(changes, entity);
  const table = tx.table(entity);
  const puts = mine.flatMap((c) => (c.data ? [c.data] : []));
  const deletes = mine.filter((c) => !c.data).map((c) => c.id);
  // Most pages hold none of these: an empty bulk call still costs a request.
  if (puts.length > 0) await table.bulkPut(puts);
  if (deletes.length > 0) await table.bulkDelete(deletes);
}

async function applyCustomers(
  tx: Transaction,
  changes: PulledChange[],
  clock: HlcClock,
  at: string,
) {
  const table = tx.table<LocalCustomer, string>('customers');
  const conflicts: LocalConflict[] = [];
  for (const change of byEntity(changes, 'customers')) {
    const pending = await hasPendingChange(tx, change.id);
    const local = await table.get(change.id);
    if (!change.data) {
      if (!pending) await table.delete(change.id);
      continue;
    }
    const remote: Customer = change.data;
    for (const stamp of Object.values(remote.stamps)) clock.receive(stamp);
    if (pending && local) {
      const { merged, conflicts: found } = mergeCustomer(customerOf(local), remote, local.base);
      await table.put({ ...merged, base: remote });
      for (const c of found)
        conflicts.push({
          id: uuidv7(),
          entity: c.entity,
          recordId: c.id,
          field: c.field,
          winner: c.winner,
          loser: c.loser,
          at,
        });
    } else {
      await table.put({ ...remote, base: remote });
    }
  }
  if (conflicts.length > 0) await tx.table('conflicts').bulkPut(conflicts);
}

/** The register's own sales come back (a reinstalled register gets its history); ours win. */
async function applySales(tx: Transaction, changes: PulledChange[], clock: HlcClock) {
  const table = tx.table<LocalSale, string>('sales');
  const device = await getDevice(tx);
  const counters = { ...device.receiptCounters };
  for (const change of byEntity(changes, 'sales')) {
    const local = await table.get(change.id);
    if (!change.data) {
      // A deletion never takes a sale the server has not confirmed.
      if (local && (await saleSync(tx, local)) === 'synced') await table.delete(change.id);
      continue;
    }
    clock.receive(change.data.hlc);
    // Never reuse a receipt number the server already holds for this register.
    const n = parseReceiptNumber(change.data.receiptNumber)?.n ?? 0;
    counters[change.data.registerId] = Math.max(counters[change.data.registerId] ?? 0, n);
    // Ours win: a sale still in the outbox shows synced once its push is answered.
    if (local) continue;
    await table.add({
      ...change.data,
      mutationId: null,
      seq: null,
      // When the register that made it committed it (for history by day), not when it came back.
      committedAt: change.data.deviceTime,
    });
  }
  return counters;
}

function logEntries<T>(changes: PulledChange[], entity: 'products' | 'stockLevels'): LogEntry<T>[] {
  return changes
    .filter((c) => c.entity === entity)
    .map((c) => ({ id: c.id, version: c.version, value: (c.data as T | null) ?? null }));
}

export const PULL_TABLES = [
  'productBlocks',
  'stockBlocks',
  'stores',
  'registers',
  'categories',
  'taxRates',
  'paymentMethods',
  'customers',
  'conflicts',
  'sales',
  'outbox',
  'needsAttention',
  'deviceMeta',
  'syncState',
  ...STORE_OPS_PULL_TABLES,
];

export async function applyPulledPage(
  db: TillDb,
  page: PulledPage,
  now: () => number,
): Promise<void> {
  await db.transaction('rw', PULL_TABLES, async (tx) => {
    const at = new Date(now()).toISOString();
    const state = await readSyncState(tx);
    let resync: ResyncProgress | null = state.resync;
    if (page.from === null) {
      resync = { seen: {}, logs: {} };
      for (const name of LOGS) resync.logs[name] = await beginLogSnapshot(tx, name);
    }
    const device = await getDevice(tx);
    const clock = deviceClock(device, now);

    for (const entity of [
      'stores',
      'registers',
      'categories',
      'taxRates',
      'paymentMethods',
    ] as const)
      await applyPlain(tx, entity, page.changes);
    await applyCustomers(tx, page.changes, clock, at);
    const receiptCounters = await applySales(tx, page.changes, clock);
    await applyPulledShifts(tx, byEntity(page.changes, 'shifts'));
    await applyPulledParked(tx, byEntity(page.changes, 'parkedOrders'));
    await appendToLog(tx, 'products', logEntries(page.changes, 'products'), resync);
    await appendToLog(tx, 'stockLevels', logEntries(page.changes, 'stockLevels'), resync);
    await tx
      .table('deviceMeta')
      .put({ ...(await getDevice(tx)), hlc: clock.snapshot(), receiptCounters });

    if (resync) {
      for (const entity of [...SMALL, ...Object.keys(PULLED_STORE_OPS)]) {
        const ids = page.changes.filter((c) => c.entity === entity && c.data).map((c) => c.id);
        if (ids.length > 0) resync.seen[entity] = [...(resync.seen[entity] ?? []), ...ids];
      }
      if (!page.hasMore) {
        await finishResync(tx, resync);
        resync = null;
      }
    }
    await writeSyncState(tx, { cursor: page.cursor, epoch: page.epoch, lastPullAt: at, resync });
  });
}

/**
 * Removes what a full resync did not send again. Pending local customers stay, and so do the
 * device's own store and register: selling must not stop because a resync left them out (an
 * explicit delete still removes them).
 */
async function finishResync(tx: Transaction, resync: ResyncProgress): Promise<void> {
  const device = await getDevice(tx);
  const keep = new Set([device.storeId, device.registerId]);
  for (const entity of SMALL) {
    const seen = new Set(resync.seen[entity] ?? []);
    if (entity === 'stores' || entity === 'registers') for (const id of keep) if (id) seen.add(id);
    const table = tx.table<{ id: string }, string>(entity);
    const gone = (await table.toCollection().primaryKeys()).filter((id) => !seen.has(id));
    for (const id of gone) {
      if (entity === 'customers' && (await hasPendingChange(tx, id))) continue;
      await table.delete(id);
    }
  }
  await trimStoreOps(tx, resync.seen);
  for (const name of LOGS) {
    const snapshot = resync.logs[name];
    if (snapshot) await endLogSnapshot(tx, name, snapshot);
  }
}
