// What the till's live reads ask the local store, as plain functions of a database: the Dexie
// adapter runs them under useLiveQuery, tests run them directly.
import { parseHlc } from '../../shared/hlc';
import { readLogMeta } from '../db/block-log';
import type { TillDb } from '../db/database';
import { findDevice } from '../db/device-meta';
import type { LocalSale as DbSale, SaleSync } from '../db/records';
import { saleSync, syncOf, waitingSales, waitingSeqs } from '../db/sales';
import { readSyncState } from '../db/sync-state';
import type { CatalogInfo, ConflictItem, LocalSale, NeedsAttentionItem } from './till-data';
import type { Register } from '../../shared/records/store';

function toLocalSale(s: DbSale, sync: SaleSync): LocalSale {
  return { sale: s, syncState: sync === 'rejected' ? 'needs-attention' : sync };
}

export async function registerOf(db: TillDb): Promise<Register | null> {
  const device = await findDevice(db);
  return device?.registerId ? ((await db.registers.get(device.registerId)) ?? null) : null;
}

export async function catalogOf(db: TillDb): Promise<CatalogInfo | null> {
  const device = await findDevice(db);
  const stores = await db.stores.toArray();
  const store = stores.find((s) => s.id === device?.storeId) ?? stores[0];
  if (!store) return null;
  const mine = <T extends { storeId: string }>(rows: T[]) =>
    rows.filter((r) => r.storeId === store.id);
  const state = await readSyncState(db);
  return {
    store,
    categories: mine(await db.categories.toArray()),
    taxRates: mine(await db.taxRates.toArray()),
    paymentMethods: mine(await db.paymentMethods.toArray()),
    productCount: (await readLogMeta(db, 'products')).entries,
    // The first full pull finished (a later resync keeps the till open).
    ready: state.lastSuccessAt !== null || (state.cursor !== null && state.resync === null),
  };
}

/** This register's sales since local midnight of `now`. */
export async function salesToday(db: TillDb, now: Date): Promise<LocalSale[]> {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const from = start.toISOString();
  const device = await findDevice(db);
  // Sales pulled back from the server carry the pull's time as committedAt, so both count.
  const sales = await db.sales.where('committedAt').aboveOrEqual(from).toArray();
  const waiting = await waitingSeqs(db);
  return sales
    .filter((s) => s.registerId === device?.registerId && s.deviceTime >= from)
    .map((s) => toLocalSale(s, syncOf(s, waiting)));
}

export async function saleById(db: TillDb, id: string): Promise<LocalSale | null> {
  const s = await db.sales.get(id);
  return s ? toLocalSale(s, await saleSync(db, s)) : null;
}

export async function pendingSales(db: TillDb): Promise<LocalSale[]> {
  const sales = await waitingSales(db, { rejected: false });
  sales.sort((a, b) => a.committedAt.localeCompare(b.committedAt));
  return sales.map((s) => toLocalSale(s, 'pending'));
}

export async function needsAttentionOf(db: TillDb): Promise<NeedsAttentionItem[]> {
  return (await db.needsAttention.orderBy('seq').toArray()).map((e) => ({
    id: e.id,
    kind: e.kind,
    receiptNumber: e.mutation.kind === 'sale.create' ? e.mutation.payload.receiptNumber : null,
    errorKind: e.error.kind,
    message: e.error.message,
    at: e.at,
  }));
}

export async function conflictsOf(db: TillDb): Promise<ConflictItem[]> {
  const device = await findDevice(db);
  return (await db.conflicts.toArray()).map((c) => ({
    id: c.id,
    entity: c.entity,
    recordId: c.recordId,
    field: c.field,
    kept: c.winner.value,
    other: c.loser.value,
    keptLocal: parseHlc(c.winner.stamp)?.node === device?.deviceId,
    at: c.at,
  }));
}
