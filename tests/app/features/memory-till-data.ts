// An in-memory implementation of the till's data port for component tests: the same contract
// as the Dexie adapter (sales numbered gaplessly, pending until a sync, needs-attention with a
// reason, a wipe refused while anything is unsynced), with the network as a switch.
import { useMemo, useSyncExternalStore } from 'react';
import type { MutationErrorKind } from '../../../src/shared/api/mutation-error';
import type { SessionResponse } from '../../../src/shared/api/login';
import { formatReceiptNumber } from '../../../src/shared/pos/receipt-number';
import type { Product } from '../../../src/shared/records/catalog';
import type { Sale } from '../../../src/shared/records/sale';
import type { Register, Store } from '../../../src/shared/records/store';
import type {
  CatalogInfo,
  ConflictItem,
  LocalSale,
  NeedsAttentionItem,
  PendingExport,
  SaleDraft,
  SyncStatus,
  TillData,
} from '../../../src/app/features/till-data';
import { TillDataError } from '../../../src/app/features/till-data-error';
import { NetworkError } from '../../../src/app/sync/http';
import * as fixtures from './fixtures';

export class MemoryTillData implements TillData {
  store: Store = fixtures.store;
  register: Register | null = fixtures.register;
  products: Product[] = fixtures.products;
  catalogReady = true;
  sales: LocalSale[] = [];
  attention: NeedsAttentionItem[] = [];
  conflicts: ConflictItem[] = [];
  /** Whether the server can be reached. */
  online = true;
  /** When set, the next recordSale fails with it (and nothing is stored). */
  failNextSale: Error | null = null;
  /** When set, recordSale waits for this before committing. */
  commitGate: Promise<void> | null = null;
  readonly recorded: SaleDraft[] = [];
  readonly retried: string[] = [];
  readonly discarded: { id: string; reason: string; approvedBy: string }[] = [];
  wiped = 0;
  session: SessionResponse | null = null;

  private version = 0;
  private readonly listeners = new Set<() => void>();
  private status: SyncStatus = {
    connectivity: 'online',
    pending: 0,
    needsAttention: 0,
    lastSync: null,
    pull: null,
    syncing: false,
    signedOut: false,
  };

  readonly syncStatus = {
    get: () => this.status,
    subscribe: (l: () => void) => this.subscribe(l),
  };

  private subscribe(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every hook that the data changed (like a committed Dexie transaction). */
  changed(status: Partial<SyncStatus> = {}) {
    this.version++;
    this.status = {
      ...this.status,
      pending: this.sales.filter((s) => s.syncState === 'pending').length,
      needsAttention: this.attention.length,
      ...status,
    };
    for (const l of [...this.listeners]) l();
  }

  private useVersion(): number {
    return useSyncExternalStore(
      (l) => this.subscribe(l),
      () => this.version,
    );
  }

  private useDerived<T>(compute: () => T): T {
    const v = this.useVersion();
    return useMemo(compute, [v]);
  }

  useRegister() {
    return this.useDerived(() => this.register);
  }

  useCatalog() {
    return this.useDerived((): CatalogInfo => ({
      store: this.store,
      categories: fixtures.categories,
      taxRates: fixtures.taxRates,
      paymentMethods: fixtures.paymentMethods,
      productCount: this.products.length,
      ready: this.catalogReady,
    }));
  }

  useSalesToday() {
    return this.useDerived(() => [...this.sales]);
  }

  useSale(id: string) {
    return this.useDerived(() => this.sales.find((s) => s.sale.id === id) ?? null);
  }

  usePendingSales() {
    return this.useDerived(() => this.sales.filter((s) => s.syncState === 'pending'));
  }

  useNeedsAttention() {
    return this.useDerived(() => [...this.attention]);
  }

  useConflicts() {
    return this.useDerived(() => [...this.conflicts]);
  }

  async searchProducts(query: string, limit = 20) {
    const q = query.toLowerCase();
    return this.products
      .filter((p) => p.name.toLowerCase().includes(q) || p.sku.toLowerCase().includes(q))
      .slice(0, limit);
  }

  async productByBarcode(code: string) {
    return this.products.find((p) => p.barcodes.includes(code)) ?? null;
  }

  async productsInCategory(categoryId: string) {
    return this.products.filter((p) => p.categoryId === categoryId);
  }

  async recordSale(draft: SaleDraft): Promise<Sale> {
    if (this.commitGate) await this.commitGate;
    if (this.failNextSale) {
      const err = this.failNextSale;
      this.failNextSale = null;
      throw err;
    }
    if (!this.register) throw new TillDataError('NotReady', 'no register');
    this.recorded.push(draft);
    const sale: Sale = {
      ...draft,
      receiptNumber: formatReceiptNumber(
        this.store.code,
        this.register.code,
        this.sales.length + 1,
      ),
      storeId: this.store.id,
      registerId: this.register.id,
      deviceTime: new Date().toISOString(),
      hlc: `000000000000001-00000-${draft.id}`,
    };
    this.sales.push({ sale, syncState: 'pending' });
    this.changed();
    return sale;
  }

  async syncNow() {
    if (!this.online) {
      this.changed({ connectivity: 'offline' });
      throw new NetworkError('offline');
    }
    this.sales = this.sales.map((s) =>
      s.syncState === 'pending' ? { ...s, syncState: 'synced' } : s,
    );
    this.changed({ connectivity: 'online', lastSync: new Date().toISOString() });
  }

  /** A committed one-line cash sale of Bread (2.50), as if rung up on this till. */
  async seedSale(): Promise<Sale> {
    const bread = fixtures.products[0]!;
    const rate = fixtures.taxRates.find((r) => r.id === bread.taxRateId)!;
    return this.recordSale({
      id: `0190a000-0000-7000-8000-${String(this.sales.length + 1).padStart(12, '0')}`,
      cashierId: fixtures.cashier.id,
      pricesIncludeTax: true,
      orderDiscount: 0,
      lines: [
        {
          id: `0190a000-0000-7000-9000-${String(this.sales.length + 1).padStart(12, '0')}`,
          productId: bread.id,
          name: bread.name,
          quantity: 1,
          unitPrice: bread.price,
          discount: 0,
          taxRateId: rate.id,
          taxBasisPoints: rate.basisPoints,
          total: 250,
          tax: 16,
        },
      ],
      payments: [
        {
          id: '0190a000-0000-7000-a000-000000000001',
          methodId: fixtures.paymentMethods[0]!.id,
          kind: 'cash',
          amount: 250,
          tendered: 250,
          change: 0,
        },
      ],
      totals: { subtotal: 250, discount: 0, tax: 16, rounding: 0, total: 250 },
    });
  }

  /** Puts a sale into needs-attention, as a server rejection would. */
  reject(receiptNumber: string, errorKind: MutationErrorKind, message = 'rejected') {
    const local = this.sales.find((s) => s.sale.receiptNumber === receiptNumber);
    if (!local) throw new Error(`no sale ${receiptNumber}`);
    local.syncState = 'needs-attention';
    this.attention.push({
      id: `m-${local.sale.id}`,
      kind: 'sale.create',
      receiptNumber,
      errorKind,
      message,
      at: new Date().toISOString(),
    });
    this.changed();
  }

  async retry(id: string) {
    this.retried.push(id);
    const item = this.attention.find((a) => a.id === id);
    this.attention = this.attention.filter((a) => a.id !== id);
    const local = this.sales.find((s) => s.sale.receiptNumber === item?.receiptNumber);
    if (local) local.syncState = 'pending';
    this.changed();
  }

  async discard(id: string, decision: { reason: string; approvedBy: string }) {
    this.discarded.push({ id, ...decision });
    this.attention = this.attention.filter((a) => a.id !== id);
    this.changed();
  }

  async exportPending(): Promise<PendingExport> {
    return {
      exportedAt: '2026-01-02T03:04:05.000Z',
      deviceId: 'device',
      storeId: this.store.id,
      registerId: this.register?.id ?? null,
      pending: this.sales.filter((s) => s.syncState === 'pending').map((s) => s.sale),
      needsAttention: [...this.attention],
    };
  }

  async setSession(session: SessionResponse | null) {
    this.session = session;
  }

  /** The registers of the store the server knows. */
  registers: Register[] = [fixtures.register];

  async bindRegister(registerId: string) {
    if (!this.online) throw new NetworkError('offline');
    const register = this.registers.find((r) => r.id === registerId);
    if (!register) throw new Error(`no register ${registerId}`);
    this.register = register;
    this.changed();
    return register;
  }

  async unsyncedCount() {
    return {
      pending: this.sales.filter((s) => s.syncState === 'pending').length,
      needsAttention: this.attention.length,
    };
  }

  async wipe() {
    const u = await this.unsyncedCount();
    if (u.pending > 0 || u.needsAttention > 0) throw new TillDataError('Unsynced', 'unsynced');
    this.wiped++;
    this.sales = [];
    this.changed();
  }
}
