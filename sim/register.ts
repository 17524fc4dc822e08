// One simulated register: the real Dexie store over its own fake-indexeddb factory (so a wipe
// really loses everything), the real sync engine and token store, on simulated time with a
// device clock that may be days off. Every sale that committed is written to the ledger, the
// simulator's stack of paper receipts, which outlives the register's storage.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { allProducts } from '../src/app/db/catalog';
import { TillDb } from '../src/app/db/database';
import { initDevice } from '../src/app/db/device-meta';
import { recordSale } from '../src/app/db/record-sale';
import type { LocalSale } from '../src/app/db/records';
import type { EvictionReport, MarkerStore } from '../src/app/db/storage';
import { memoryMarker, resumeAfterEviction } from '../src/app/db/storage';
import type { SaleLineInput } from '../src/app/db/record-sale';
import { apiClient } from '../src/app/sync/api';
import { login } from '../src/app/sync/auth-client';
import { SyncEngine } from '../src/app/sync/engine';
import type { SyncEnv } from '../src/app/sync/env';
import { memoryLocks } from '../src/app/sync/locks';
import { bindToRegister } from '../src/app/sync/setup';
import { dbSessionPersistence } from '../src/app/sync/sync-once';
import { TokenStore } from '../src/app/sync/token-store';
import type { SessionResponse } from '../src/shared/api/login';
import { computeTotals } from '../src/shared/pos/totals';
import type { PaymentMethod, Product } from '../src/shared/records/catalog';
import type { Store } from '../src/shared/records/store';
import { uuidv7 } from '../src/shared/uuidv7';
import type { SimClock } from './clock';
import type { SimLink } from './network';
import { NO_FAULTS } from './network';
import type { Rng } from './prng';

interface Shelf {
  products: Product[];
  store: Store;
  cash: PaymentMethod;
  card: PaymentMethod;
  /** Basis points by tax rate id. */
  rates: Map<string, number>;
}

export interface Receipt {
  saleId: string;
  register: string;
  registerId: string;
  deviceId: string;
  receiptNumber: string;
  total: number;
  mutationId: string;
  seq: number;
  /** The shift it was rung up in (null: none was open). */
  shiftId: string | null;
  /** A refund: the sale it gives back. */
  refundOf: string | null;
  /** Set when the register's storage was wiped before the server had it. */
  lostInWipe: boolean;
  /** Pushed past the local refund check on purpose: the server must refuse it. */
  refusedByServer?: boolean;
}

/** The paper receipt of a sale or refund a register committed. */
export function receiptOf(r: SimRegister, sale: LocalSale): Receipt {
  return {
    saleId: sale.id,
    register: r.name,
    registerId: sale.registerId,
    deviceId: r.deviceId,
    receiptNumber: sale.receiptNumber,
    total: sale.totals.total,
    mutationId: sale.mutationId ?? '',
    seq: sale.seq ?? 0,
    shiftId: sale.shiftId ?? null,
    refundOf: sale.refundOf ?? null,
    lostInWipe: false,
  };
}

/** A mutation still in the outbox when the storage was wiped. */
export interface LostMutation {
  id: string;
  seq: number;
  kind: string;
  recordId: string;
}

const DB_NAME = 'till';

export class SimRegister {
  idb = new IDBFactory();
  db!: TillDb;
  engine!: SyncEngine;
  tokens!: TokenStore;
  /** Device clock error in ms (the heal sets it to 0). */
  skew = 0;
  private goods: Shelf | null = null;
  private firstSession: SessionResponse | null = null;
  readonly deviceId: string;
  /** Kept outside IndexedDB (localStorage in a browser), so it outlives a wipe. */
  readonly marker: MarkerStore = memoryMarker();
  reloads = 0;
  tokenExpiries = 0;
  signIns = 0;

  constructor(
    readonly name: string,
    readonly username: string,
    public registerId: string,
    private readonly clock: SimClock,
    readonly link: SimLink,
    private readonly random: Rng,
  ) {
    this.deviceId = uuidv7(clock.now(), (n) => random.bytes(n));
  }

  readonly now = (): number => this.clock.now() + this.skew;

  /** The signed-in cashier's user id. */
  get cashierId(): string {
    return this.firstSession?.user.id ?? '';
  }

  private env(): SyncEnv {
    return {
      fetch: this.link.fetch,
      baseUrl: '',
      now: this.now,
      random: () => this.random.next(),
      timers: this.clock,
    };
  }

  /** Opens the database and a fresh engine over it (first start, reload, after a wipe). */
  private async open(): Promise<void> {
    this.db = new TillDb(DB_NAME, { indexedDB: this.idb, IDBKeyRange });
    await this.db.open();
    const env = this.env();
    const locks = memoryLocks();
    this.tokens = new TokenStore(env, locks, dbSessionPersistence(this.db));
    this.engine = new SyncEngine({
      db: this.db,
      env,
      locks,
      tokens: this.tokens,
      marker: this.marker,
      connectivity: false,
      // Sales flush 1 s after they are rung up (the default); the idle interval is longer than
      // the app's 30 s so the simulator spends its time on sales rather than empty pulls.
      intervalMs: 5 * 60_000,
    });
  }

  /** A new install: device record, sign-in, bound to its register, then selling. */
  async setUp(): Promise<EvictionReport> {
    await this.open();
    await initDevice(this.db, this.deviceId);
    // What start-up learns from the marker before anything writes it again; after a wipe the
    // seq goes on where the lost database stopped, so the server sees the hole.
    const eviction = await resumeAfterEviction(this.db, this.marker);
    const session = await this.signIn();
    await this.tokens.signIn(session);
    await bindToRegister(this.db, apiClient(this.env(), this.tokens), this.registerId);
    this.engine.start();
    await this.engine.whenIdle();
    return eviction;
  }

  signIn(): Promise<SessionResponse> {
    this.signIns++;
    return login(this.link.fetch, '', {
      username: this.username,
      password: 'demo',
      deviceId: this.deviceId,
    }).then((s) => {
      this.firstSession ??= s;
      return s;
    });
  }

  /** The engine paused (the session ended): the cashier signs in again. */
  async signInAgainIfPaused(): Promise<void> {
    if (this.engine.status.getSnapshot().phase !== 'paused') return;
    try {
      await this.engine.signedIn(await this.signIn());
    } catch {
      // Offline or rate limited: the cashier tries again later.
    }
  }

  /** The access token the register holds is one the server sees as expired. */
  async expireToken(): Promise<void> {
    if (!this.firstSession) return;
    this.tokenExpiries++;
    await this.tokens.signIn(this.firstSession);
  }

  /** A page reload: a new Dexie instance and engine over the same storage. */
  async reload(): Promise<void> {
    // A reloaded page remembers no Retry-After (nor does a browser's): a fresh engine starts.
    this.link.forgetRetryAfter();
    this.engine.stop();
    await this.engine.whenIdle();
    this.db.close();
    await this.open();
    this.engine.start();
    this.reloads++;
  }

  /**
   * The browser wiped the storage: everything local is gone but the device id (kept outside
   * IndexedDB), so its mutation seq starts again at 1. The register is set up again on
   * `spareRegisterId`: its receipt counter is gone too, and re-using the old register would
   * repeat receipt numbers the server already holds.
   */
  async wipe(
    spareRegisterId: string,
  ): Promise<{ unsynced: LostMutation[]; eviction: EvictionReport }> {
    this.engine.stop();
    await this.engine.whenIdle();
    const unsynced = (await this.db.outbox.toArray()).map((m) => ({
      id: m.id,
      seq: m.seq,
      kind: m.kind,
      recordId: m.recordId,
    }));
    this.db.close();
    this.idb = new IDBFactory();
    this.link.cookies.clear();
    this.registerId = spareRegisterId;
    this.goods = null;
    this.firstSession = null;
    this.link.forgetRetryAfter();
    // Staff set the till up again on a working connection; the storm resumes after.
    const { faults, offline, limitedUntil } = this.link;
    Object.assign(this.link, { faults: NO_FAULTS, offline: false, limitedUntil: 0 });
    const eviction = await this.setUp();
    Object.assign(this.link, { faults, offline, limitedUntil });
    return { unsynced, eviction };
  }

  /** What the till screen holds in memory to sell: goods, the store's rules, tenders, rates. */
  private async shelf(): Promise<Shelf> {
    if (this.goods) return this.goods;
    const products = [...(await allProducts(this.db)).values()]
      .filter((p) => p.active)
      // By SKU, not id: ids are random per database, and a seed must pick the same goods.
      .sort((a, b) => a.sku.localeCompare(b.sku))
      .slice(0, 24);
    const store = (await this.db.stores.toArray())[0];
    if (!store || products.length === 0) throw new Error(`${this.name} cannot sell yet`);
    const methods = await this.db.paymentMethods.toArray();
    const method = (kind: 'cash' | 'card') => {
      const m = methods.find((x) => x.kind === kind);
      if (!m) throw new Error(`${this.name}: no ${kind} payment method`);
      return m;
    };
    const rates = new Map((await this.db.taxRates.toArray()).map((t) => [t.id, t.basisPoints]));
    this.goods = { products, store, cash: method('cash'), card: method('card'), rates };
    return this.goods;
  }

  async sell(pick: Rng): Promise<Receipt> {
    const { products, store, cash: cashMethod, card, rates } = await this.shelf();
    const lines: SaleLineInput[] = [];
    for (let i = pick.int(1, 3); i > 0; i--) {
      const p = pick.pick(products);
      lines.push({
        productId: p.id,
        name: p.name,
        quantity: pick.int(1, 4),
        unitPrice: p.price,
        taxRateId: p.taxRateId,
        taxBasisPoints: rates.get(p.taxRateId) ?? 0,
        stockTracked: p.stockTracked,
      });
    }
    const cash = pick.chance(0.4);
    const { total } = computeTotals({
      lines: lines.map((l) => ({ ...l, discount: 0 })),
      orderDiscount: 0,
      pricesIncludeTax: store.pricesIncludeTax,
      cashRounding: store.cashRounding,
      paidAllInCash: cash,
    });
    const method = cash ? cashMethod : card;
    const sale = await recordSale(
      this.db,
      {
        cashierId: this.firstSession?.user.id ?? '',
        lines,
        payments: [{ methodId: method.id, kind: method.kind, amount: total }],
      },
      { now: this.now, random: (n) => pick.bytes(n) },
    );
    this.engine.saleRecorded();
    return receiptOf(this, sale);
  }
}
