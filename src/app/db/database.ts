// The register's database: one Dexie instance per open, typed tables, strict durability on
// every transaction (Chromium defaults to relaxed, which can lose a committed sale on a power
// cut; the pull pays the same, since its cursor must be as safe as its data).
import Dexie from 'dexie';
import type { DexieOptions, Table } from 'dexie';
import type { Category, PaymentMethod, Product, TaxRate } from '../../shared/records/catalog';
import type { StockLevel } from '../../shared/records/stock';
import type { Register, Store } from '../../shared/records/store';
import { declareSchema } from './schema';
import type {
  LocalCashMovement,
  LocalConflict,
  LocalCustomer,
  LocalParkedOrder,
  LocalSaleVoid,
  LocalShift,
  LocalSale,
  LogBlock,
  MetaRecord,
  NeedsAttentionEntry,
  OutboxEntry,
  PendingStock,
  SearchRowsRecord,
  SyncRecord,
} from './records';

export const DEFAULT_DB_NAME = 'till';

/** Anything tables can be had from: the database, or a transaction on it. */
export interface TableSource {
  table<T, Key>(tableName: string): Table<T, Key>;
}

export class TillDb extends Dexie {
  productBlocks!: Table<LogBlock<Product>, number>;
  stockBlocks!: Table<LogBlock<StockLevel>, number>;
  stores!: Table<Store, string>;
  registers!: Table<Register, string>;
  categories!: Table<Category, string>;
  taxRates!: Table<TaxRate, string>;
  paymentMethods!: Table<PaymentMethod, string>;
  customers!: Table<LocalCustomer, string>;
  sales!: Table<LocalSale, string>;
  pendingStock!: Table<PendingStock, number>;
  outbox!: Table<OutboxEntry, number>;
  needsAttention!: Table<NeedsAttentionEntry, number>;
  conflicts!: Table<LocalConflict, string>;
  syncState!: Table<SyncRecord, string>;
  deviceMeta!: Table<MetaRecord, string>;
  shifts!: Table<LocalShift, string>;
  cashMovements!: Table<LocalCashMovement, string>;
  saleVoids!: Table<LocalSaleVoid, string>;
  parkedOrders!: Table<LocalParkedOrder, string>;
  searchRows!: Table<SearchRowsRecord, string>;

  constructor(name: string = DEFAULT_DB_NAME, options: DexieOptions = {}) {
    super(name, { chromeTransactionDurability: 'strict', ...options });
    declareSchema(this);
  }
}

/** Opens (creating or upgrading) the register's database. */
export async function openTillDb(
  name: string = DEFAULT_DB_NAME,
  options: DexieOptions = {},
): Promise<TillDb> {
  const db = new TillDb(name, options);
  await db.open();
  return db;
}
