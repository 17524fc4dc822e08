// Schema versions of the register's database. Upgrades may drop what the server can send again
// (the catalog) but never the outbox, the needs-attention list or this register's sales.
//
// v1: the first layout, one record per product with barcode, SKU and name indexes.
// v2: the catalog and stock levels move into block logs (DESIGN.md "What IndexedDB costs":
//     per-record index entries made a 100,000-product first sync take 20 s); lookups are served
//     from memory. Adds stock movements, needs-attention and conflicts. The pull cursor is reset
//     so the catalog comes again.
// v3: store operations: shifts, cash movements, voided sales, parked orders; sales are indexed
//     by shift and by the sale they refund. Nothing is dropped and no data is rewritten.
// v4: settling a pushed sale no longer rewrites records (it cost the drain more than the
//     server did): a sale's sync state is read from the outbox and needs-attention, so the
//     sales' `sync` index goes; stock movements not yet confirmed are kept one record per sale
//     under its seq (`pendingStock`, range-deleted with the outbox on confirmation) instead of one
//     indexed record per line with a pending flag. Pending movements are carried over;
//     confirmed ones were only history.
// v5: the catalog's search rows are saved for the next start (`searchRows`, a cache of the
//     products log: building them for 100,000 products costs about a second). Nothing else
//     changes.
import type Dexie from 'dexie';
import type { Transaction } from 'dexie';
import type { LocalSale, OutboxEntry, PendingStock, SyncStateRecord } from './records';

export const DB_VERSION = 5;

export const schemaV1 = {
  products: 'id, &sku, *barcodes, name',
  stockLevels: 'productId',
  stores: 'id',
  registers: 'id',
  categories: 'id',
  taxRates: 'id',
  paymentMethods: 'id',
  customers: 'id',
  sales: 'id, &receiptNumber, sync',
  outbox: '&seq, &id',
  syncState: 'key',
  deviceMeta: 'key',
} as const;

export const schemaV2 = {
  products: null,
  stockLevels: null,
  productBlocks: 'id',
  stockBlocks: 'id',
  stores: 'id',
  registers: 'id',
  categories: 'id',
  taxRates: 'id',
  paymentMethods: 'id',
  customers: 'id, name',
  sales: 'id, &receiptNumber, sync, committedAt',
  stockMovements: 'id, productId, saleId, pending',
  outbox: '&seq, &id, recordId',
  needsAttention: '&seq, &id, recordId',
  conflicts: 'id, recordId',
  syncState: 'key',
  deviceMeta: 'key',
} as const;

/** Only what changes: Dexie keeps every table a later version does not name. */
export const schemaV3 = {
  sales: 'id, &receiptNumber, sync, committedAt, shiftId, refundOf',
  shifts: 'id, registerId, status',
  cashMovements: 'id, shiftId',
  saleVoids: 'id, shiftId',
  parkedOrders: 'id, registerId, status',
} as const;

/** Only what changes; `null` drops a table (readable in the upgrade, deleted after it). */
export const schemaV4 = {
  sales: 'id, &receiptNumber, committedAt, shiftId, refundOf',
  stockMovements: null,
  pendingStock: 'seq',
} as const;

/** Only what changes. */
export const schemaV5 = {
  searchRows: 'log',
} as const;

/** How v3 kept a stock movement: one record per line, `pending` 1 until confirmed. */
interface StockMovementV3 {
  saleId: string;
  productId: string;
  delta: number;
  at: string;
  pending: 0 | 1;
}

async function upgradeToV4(tx: Transaction): Promise<void> {
  const pending = await tx
    .table<StockMovementV3>('stockMovements')
    .where('pending')
    .equals(1)
    .toArray();
  const saleIds = [...new Set(pending.map((m) => m.saleId))];
  const sales = await tx.table<LocalSale, string>('sales').bulkGet(saleIds);
  const seqOf = new Map(sales.flatMap((s) => (s?.seq != null ? [[s.id, s.seq] as const] : [])));
  const bySale = new Map<string, PendingStock>();
  for (const m of pending) {
    // Every pending movement is of a sale made here, which has its seq; one without is dropped
    // (the stock shown is then the server's until the next pull).
    const seq = seqOf.get(m.saleId);
    if (seq === undefined) continue;
    const record = bySale.get(m.saleId) ?? { seq, saleId: m.saleId, at: m.at, moves: [] };
    record.moves.push({ productId: m.productId, delta: m.delta });
    bySale.set(m.saleId, record);
  }
  await tx.table<PendingStock>('pendingStock').bulkAdd([...bySale.values()]);
}

async function upgradeToV2(tx: Transaction): Promise<void> {
  // Older entries did not name their record; every kind so far carries it as payload.id.
  await tx
    .table<OutboxEntry & { recordId?: string }>('outbox')
    .toCollection()
    .modify((entry) => {
      entry.recordId ??= entry.payload.id;
      entry.createdAt ??= new Date(0).toISOString();
    });
  // The new committedAt index: older sales were committed when their device said.
  await tx
    .table<LocalSale & { committedAt?: string }>('sales')
    .toCollection()
    .modify((sale) => {
      sale.committedAt ??= sale.deviceTime ?? new Date(0).toISOString();
    });
  await tx
    .table<SyncStateRecord>('syncState')
    .where('key')
    .equals('sync')
    .modify((s) => {
      s.cursor = null;
      s.resync = null;
    });
}

export function declareSchema(db: Dexie): void {
  db.version(1).stores(schemaV1);
  db.version(2).stores(schemaV2).upgrade(upgradeToV2);
  db.version(3).stores(schemaV3);
  db.version(4).stores(schemaV4).upgrade(upgradeToV4);
  db.version(5).stores(schemaV5);
}
