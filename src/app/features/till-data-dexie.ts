// The till's data port over the register's local store and sync engine (src/app/db, src/app/sync).
// Live reads are useLiveQuery over Dexie (queries in till-data-dexie-queries.ts); catalog lookups
// go to the in-memory CatalogIndex. A wipe (sign-out after a clean sync) deletes the database and
// opens a fresh one, and the hooks follow to the new instance.
import { useSyncExternalStore } from 'react';
import type { DexieOptions } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { SessionResponse } from '../../shared/api/login';
import type { Register } from '../../shared/records/store';
import { uuidv7 } from '../../shared/uuidv7';
import { TillDb } from '../db/database';
import { DeviceNotSetUp, NoRegister, findDevice, initDevice } from '../db/device-meta';
import { retryNeedsAttention } from '../db/needs-attention';
import { InvalidSale, recordSale } from '../db/record-sale';
import type { MarkerStore } from '../db/storage';
import {
  StorageFull,
  localStorageMarker,
  requestPersistence,
  resumeAfterEviction,
} from '../db/storage';
import { readSyncState, updateSyncState } from '../db/sync-state';
import { apiClient } from '../sync/api';
import { SyncEngine } from '../sync/engine';
import type { SyncEnv } from '../sync/env';
import { platformEnv } from '../sync/env';
import type { Failure } from '../sync/errors';
import { ApiError, NetworkError } from '../sync/http';
import type { Locks } from '../sync/locks';
import { defaultLocks } from '../sync/locks';
import { bindToRegister } from '../sync/setup';
import { StatusStore } from '../sync/status';
import type { SyncStatus as EngineStatus } from '../sync/status';
import { dbSessionPersistence } from '../sync/sync-once';
import { TokenStore } from '../sync/token-store';
import { CatalogCache } from './catalog-cache';
import type { SaleDraft, SyncStatus, TillData } from './till-data';
import { TillDataError } from './till-data-error';
import * as q from './till-data-dexie-queries';
import { createDexieStoreOps } from './store-ops-dexie';

interface Instance {
  db: TillDb;
  tokens: TokenStore;
  engine: SyncEngine;
  /** The device record exists (made on first open). */
  ready: Promise<void>;
  isReady: boolean;
}

/** A failed sync in the screens' error vocabulary (see describe-error.ts). */
function failureError(f: Failure): Error {
  if (f.kind === 'offline') return new NetworkError(f.message);
  if (f.kind === 'signed-out') return new ApiError('Unauthorized', 401, f.message);
  if (f.kind === 'server') return new ApiError('Internal', f.status ?? 500, f.message);
  if (f.kind === 'storage-full') return new TillDataError('StorageFull', f.message);
  return new TillDataError('Failed', f.message);
}

function saleError(err: unknown): unknown {
  if (err instanceof StorageFull) return new TillDataError('StorageFull', err.message);
  if (err instanceof NoRegister || err instanceof DeviceNotSetUp)
    return new TillDataError('NotReady', err.message);
  if (err instanceof InvalidSale) return new TillDataError('Failed', err.message);
  return err;
}

function mapStatus(from: EngineStatus): SyncStatus {
  return {
    connectivity: from.connectivity,
    pending: from.pending,
    needsAttention: from.needsAttention,
    lastSync: from.lastSyncAt,
    pull: from.pull,
    syncing: from.phase === 'syncing',
    signedOut: from.phase === 'paused',
  };
}

export function createDexieTillData(opts: {
  deviceId: string;
  dbName?: string;
  /** Tests pass fake-indexeddb here. */
  dbOptions?: DexieOptions;
  env?: SyncEnv;
  locks?: Locks;
  marker?: MarkerStore;
  /** false: no heartbeat (tests). */
  connectivity?: false;
}): TillData {
  const env = opts.env ?? platformEnv();
  const locks = opts.locks ?? defaultLocks(globalThis.navigator);
  const status = new StatusStore();
  const marker = opts.marker ?? localStorageMarker(localStorage);
  const catalog = new CatalogCache();
  const swapListeners = new Set<() => void>();
  let instance = open();

  function open(): Instance {
    const db = new TillDb(opts.dbName, opts.dbOptions);
    const tokens = new TokenStore(env, locks, dbSessionPersistence(db));
    const engine = new SyncEngine({
      db,
      env,
      locks,
      tokens,
      status,
      marker,
      ...(opts.connectivity === false ? { connectivity: false as const } : {}),
    });
    const made: Instance = { db, tokens, engine, ready: Promise.resolve(), isReady: false };
    made.ready = initDevice(db, opts.deviceId).then(async () => {
      const eviction = await resumeAfterEviction(db, marker);
      if (eviction.wiped && eviction.unsyncedLost > 0) {
        console.warn(
          `The browser wiped this register's data with ${eviction.unsyncedLost} unsynced changes.`,
        );
      }
      made.isReady = true;
      void requestPersistence(db, globalThis.navigator?.storage).catch(() => null);
    });
    return made;
  }

  function useLive<T>(query: (db: TillDb) => Promise<T>, deps: unknown[] = []): T | undefined {
    const i = useSyncExternalStore(
      (l) => (swapListeners.add(l), () => swapListeners.delete(l)),
      () => instance,
    );
    return useLiveQuery(async () => {
      // A non-Dexie promise inside a live query goes through Promise.resolve (Dexie's rule).
      if (!i.isReady) await Promise.resolve(i.ready);
      return query(i.db);
    }, [i, ...deps]);
  }

  let mapped: { from: EngineStatus; to: SyncStatus } | null = null;
  const syncStatus = {
    subscribe: status.subscribe,
    get(): SyncStatus {
      const from = status.getSnapshot();
      if (mapped?.from !== from) mapped = { from, to: mapStatus(from) };
      return mapped.to;
    },
  };

  let waitingSession: SessionResponse | null = null;
  async function startEngine(i: Instance, session: SessionResponse) {
    i.engine.start();
    await i.engine.signedIn(session);
  }

  async function unsyncedCount() {
    const { db } = instance;
    return { pending: await db.outbox.count(), needsAttention: await db.needsAttention.count() };
  }

  return {
    syncStatus,
    storeOps: createDexieStoreOps({
      db: () => instance.db,
      api: () => apiClient(env, instance.tokens),
      afterWrite: () => instance.engine.saleRecorded(),
    }),
    useRegister: () => useLive(q.registerOf),
    useCatalog: () => useLive(q.catalogOf),
    useSalesToday: () => useLive((db) => q.salesToday(db, new Date(env.now()))),
    useSale: (id) => useLive((db) => q.saleById(db, id), [id]),
    usePendingSales: () => useLive(q.pendingSales),
    useNeedsAttention: () => useLive(q.needsAttentionOf),
    useConflicts: () => useLive(q.conflictsOf),

    async searchProducts(query, limit = 20) {
      return (await catalog.index(instance.db)).search(query, limit);
    },
    async productByBarcode(code) {
      return (await catalog.index(instance.db)).lookupBarcode(code) ?? null;
    },
    async productsInCategory(categoryId) {
      return (await catalog.inCategory(instance.db, categoryId)).slice(0, 500);
    },

    async recordSale(draft: SaleDraft) {
      const { db, engine, ready } = instance;
      await ready;
      const products = await catalog.index(db);
      try {
        // The local store numbers the sale, makes its ids and recomputes its totals by the
        // same shared rules the screen showed them with.
        const sale = await recordSale(db, {
          cashierId: draft.cashierId,
          orderDiscount: draft.orderDiscount,
          lines: draft.lines.map((l) => ({
            productId: l.productId,
            name: l.name,
            quantity: l.quantity,
            unitPrice: l.unitPrice,
            discount: l.discount,
            taxRateId: l.taxRateId,
            taxBasisPoints: l.taxBasisPoints,
            stockTracked: products.get(l.productId)?.stockTracked ?? true,
            ...(l.priceOverride ? { priceOverride: l.priceOverride } : {}),
          })),
          payments: draft.payments.map((p) => ({
            methodId: p.methodId,
            kind: p.kind,
            amount: p.amount,
            ...(p.tendered !== undefined ? { tendered: p.tendered } : {}),
            ...(p.change !== undefined ? { change: p.change } : {}),
          })),
          ...(draft.voidedLines ? { voidedLines: draft.voidedLines } : {}),
          ...(draft.customerId ? { customerId: draft.customerId } : {}),
        });
        engine.saleRecorded();
        return sale;
      } catch (err) {
        throw saleError(err);
      }
    },

    async syncNow() {
      await instance.ready;
      const result = await instance.engine.syncNow();
      if (!result.ok) throw failureError(result.failure);
    },

    async retry(id) {
      const { db, engine } = instance;
      const item = await db.needsAttention.where('id').equals(id).first();
      if (!item) return;
      await retryNeedsAttention(db, item.seq, uuidv7(), new Date(env.now()).toISOString());
      engine.saleRecorded();
    },

    async discard(id, decision) {
      // src/app/db has no discard yet: the entry leaves needs-attention, and the decision stays
      // on the sale record (the export taken before keeps the whole mutation).
      const { db, engine } = instance;
      const at = new Date(env.now()).toISOString();
      await db.transaction('rw', [db.needsAttention, db.sales], async () => {
        const item = await db.needsAttention.where('id').equals(id).first();
        if (!item) return;
        await db.needsAttention.delete(item.seq);
        if (item.kind === 'sale.create')
          await db.sales.update(item.recordId, { discarded: { ...decision, at } });
      });
      engine.saleRecorded();
    },

    async exportPending() {
      const { db } = instance;
      const device = await findDevice(db);
      return {
        exportedAt: new Date(env.now()).toISOString(),
        deviceId: opts.deviceId,
        storeId: device?.storeId ?? null,
        registerId: device?.registerId ?? null,
        pending: await db.outbox.orderBy('seq').toArray(),
        needsAttention: await db.needsAttention.orderBy('seq').toArray(),
      };
    },

    async setSession(session: SessionResponse | null) {
      const { db, engine, tokens, ready } = instance;
      try {
        await ready;
        if (!session) {
          engine.stop();
          await tokens.signOut();
          return;
        }
        await tokens.signIn(session);
        // The first pull waits for the register: the server sends this register's own sales
        // (and so its last receipt number) only to a device bound to it, and a pull that ran
        // before the binding would have moved the cursor past them.
        if ((await findDevice(db))?.registerId) await startEngine(instance, session);
        else waitingSession = session;
      } catch {
        // What the engine could not do shows in its status; the screens go on from the store.
      }
    },

    async bindRegister(registerId: string): Promise<Register> {
      const i = instance;
      await i.ready;
      const before = (await findDevice(i.db))?.registerId ?? null;
      await bindToRegister(i.db, apiClient(env, i.tokens), registerId);
      // The server sends a register's own sales (and so its last receipt number) only to a
      // device bound to it: a cursor from before the binding would skip them for good, and the
      // next receipt number would repeat one the server has. Pull everything again instead.
      if (before !== registerId && (await readSyncState(i.db)).cursor !== null)
        await updateSyncState(i.db, { cursor: null });
      const register = await i.db.registers.get(registerId);
      if (!register) throw new TillDataError('NotReady', 'the bound register is not stored');
      if (waitingSession) {
        const session = waitingSession;
        waitingSession = null;
        void startEngine(i, session).catch(() => undefined);
      }
      return register;
    },

    unsyncedCount,

    async wipe() {
      const unsynced = await unsyncedCount();
      if (unsynced.pending > 0 || unsynced.needsAttention > 0)
        throw new TillDataError('Unsynced', 'unsynced work is still on this device');
      const old = instance;
      waitingSession = null;
      old.engine.stop();
      await old.tokens.signOut();
      await old.db.delete();
      instance = open();
      for (const l of [...swapListeners]) l();
    },
  };
}
