// The port between the till's screens and the register's local store and sync engine. Screens
// only ever talk to this interface, so they run the same over Dexie (till-data-dexie.ts) and
// over the in-memory double the component tests use. Every read is live: the `use*` members
// are React hooks that re-render when the data changes (useLiveQuery over Dexie), and must be
// called unconditionally like any hook. `undefined` from a hook means "still loading".
import type { SessionResponse } from '../../shared/api/login';
import type { MutationErrorKind } from '../../shared/api/mutation-error';
import type { Category, PaymentMethod, Product, TaxRate } from '../../shared/records/catalog';
import type { Sale } from '../../shared/records/sale';
import type { Register, Store } from '../../shared/records/store';
import type { StoreOpsData } from './store-ops-data';

/** The small tables of the pulled catalog. */
export interface CatalogInfo {
  store: Store;
  categories: Category[];
  taxRates: TaxRate[];
  paymentMethods: PaymentMethod[];
  /** Products held locally (grows while the first pull runs). */
  productCount: number;
  /** True once a full pull has completed: the till can sell. */
  ready: boolean;
}

/** What the screens decide about a sale; the data layer adds number, store, register, clock. */
export type SaleDraft = Omit<
  Sale,
  'receiptNumber' | 'storeId' | 'registerId' | 'shiftId' | 'hlc' | 'deviceTime'
>;

export type SaleSyncState = 'pending' | 'synced' | 'needs-attention';

export interface LocalSale {
  sale: Sale;
  syncState: SaleSyncState;
}

/** A mutation the server refused for good; it waits here with its reason, never dropped. */
export interface NeedsAttentionItem {
  /** The mutation id. */
  id: string;
  /** The mutation kind, e.g. `sale.create`. */
  kind: string;
  /** The receipt number when it is a sale. */
  receiptNumber: string | null;
  errorKind: MutationErrorKind;
  /** The server's message, for a manager or support; the screen shows errorKind in words. */
  message: string;
  /** When it was set aside (ISO). */
  at: string;
}

/** A shared record both sides changed since they last agreed; the merge kept one value. */
export interface ConflictItem {
  id: string;
  entity: string;
  recordId: string;
  field: string;
  kept: unknown;
  other: unknown;
  /** Whether the kept value was written on this till (else on the server or another till). */
  keptLocal: boolean;
  at: string;
}

export type Connectivity = 'online' | 'degraded' | 'offline';

export interface SyncStatus {
  connectivity: Connectivity;
  /** Outbox entries not yet confirmed by the server. */
  pending: number;
  needsAttention: number;
  /** The last successful sync (ISO), or null. */
  lastSync: string | null;
  /** A running pull: rows applied of the rows expected (total null when unknown). */
  pull: { done: number; total: number | null } | null;
  /** A push or pull is running now. */
  syncing: boolean;
  /** Pushing waits for someone to sign in again (the session ended). */
  signedOut: boolean;
}

/** A store of the sync status for useSyncExternalStore: `get` returns the same object until it changes. */
export interface SyncStatusStore {
  get: () => SyncStatus;
  subscribe: (listener: () => void) => () => void;
}

/** Unsynced work that keeps a cashier from signing out. */
export interface UnsyncedCount {
  pending: number;
  needsAttention: number;
}

/** What "Export pending sales" writes to a file: everything not yet on the server. */
export interface PendingExport {
  exportedAt: string;
  deviceId: string;
  storeId: string | null;
  registerId: string | null;
  pending: unknown[];
  needsAttention: unknown[];
}

export interface TillData {
  // Live reads (hooks).
  /** The register this device sells for; null until one is chosen on first start. */
  useRegister(): Register | null | undefined;
  /** The pulled catalog; null before the first pull has brought the store in. */
  useCatalog(): CatalogInfo | null | undefined;
  useSalesToday(): LocalSale[] | undefined;
  useSale(id: string): LocalSale | null | undefined;
  usePendingSales(): LocalSale[] | undefined;
  useNeedsAttention(): NeedsAttentionItem[] | undefined;
  useConflicts(): ConflictItem[] | undefined;
  readonly syncStatus: SyncStatusStore;

  // Catalog lookups, answered from memory or an index: fast enough to run on every keystroke.
  searchProducts(query: string, limit?: number): Promise<Product[]>;
  productByBarcode(code: string): Promise<Product | null>;
  productsInCategory(categoryId: string): Promise<Product[]>;

  /** Commits the sale and its outbox entry in one transaction; rejects with TillDataError. */
  recordSale(draft: SaleDraft): Promise<Sale>;

  /** Push and pull now; resolves when done, rejects when the server could not be reached. */
  syncNow(): Promise<void>;
  /** Puts a needs-attention item back into the outbox. */
  retry(id: string): Promise<void>;
  /** A manager sets a needs-attention item aside for good, with the reason recorded. */
  discard(id: string, decision: { reason: string; approvedBy: string }): Promise<void>;
  exportPending(): Promise<PendingExport>;

  // Session and device.
  /**
   * Hands the sync engine the access token (null: signed out, syncing stops). Syncing starts
   * only once a register is bound; resolves after the first sync attempt, if one started.
   */
  setSession(session: SessionResponse | null): Promise<void>;
  /** Binds this device to a register of the user's store, on the server and here. */
  bindRegister(registerId: string): Promise<Register>;
  unsyncedCount(): Promise<UnsyncedCount>;
  /** Deletes the local database; rejects (TillDataError 'Unsynced') while anything is unsynced. */
  wipe(): Promise<void>;

  /** Shifts, refunds, parked orders and the conflict inbox's actions (absent: not offered). */
  readonly storeOps?: StoreOpsData;
}
