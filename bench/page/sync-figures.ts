// First sync, cold start and outbox drain through the app's own modules: login, register
// binding and flushOnce (the engine's flush: push, then every pull page applied with its
// cursor), the catalog cache the till searches, and the pusher.
import { readLog } from '../../src/app/db/block-log';
import { allProducts } from '../../src/app/db/catalog';
import { CatalogIndex } from '../../src/app/db/catalog-index';
import { TillDb, openTillDb } from '../../src/app/db/database';
import { getDevice, initDevice } from '../../src/app/db/device-meta';
import { recordSale } from '../../src/app/db/record-sale';
import { openShift, openShiftOf } from '../../src/app/db/shifts';
import { CatalogCache } from '../../src/app/features/catalog-cache';
import { apiClient } from '../../src/app/sync/api';
import { login } from '../../src/app/sync/auth-client';
import { platformEnv } from '../../src/app/sync/env';
import type { SyncEnv } from '../../src/app/sync/env';
import { flushOnce } from '../../src/app/sync/flush';
import { defaultLocks } from '../../src/app/sync/locks';
import { pushOutbox } from '../../src/app/sync/pusher';
import { bindToRegister } from '../../src/app/sync/setup';
import { dbSessionPersistence } from '../../src/app/sync/sync-once';
import { TokenStore } from '../../src/app/sync/token-store';
import type { LogBlock } from '../../src/app/db/records';
import type { Product } from '../../src/shared/records/catalog';
import type {
  CatalogBreakdown,
  ColdStartResult,
  DrainResult,
  FirstSyncInput,
  FirstSyncResult,
} from './bench-api';
import { blockSchema, deleteRaw, done, openRaw, req } from './raw-idb';
import { randomSale, saleContext } from './sale-input';

const now = () => performance.now();
const SIX_HOURS = 6 * 60 * 60_000;

/**
 * The platform's sync environment, timing how long at least one request waits for its
 * response headers: the puller and the pusher send the next request while they apply an
 * answer, so requests overlap the page's own work.
 */
function timedEnv(): { env: SyncEnv; waitMs: () => number; requests: () => number } {
  let waitMs = 0;
  let inFlight = 0;
  let since = 0;
  let requests = 0;
  const env: SyncEnv = {
    ...platformEnv(''),
    fetch: async (url, init) => {
      requests++;
      if (inFlight++ === 0) since = now();
      try {
        return await fetch(url, init);
      } finally {
        if (--inFlight === 0) waitMs += now() - since;
      }
    },
  };
  return { env, waitMs: () => waitMs, requests: () => requests };
}

export async function firstSync(input: FirstSyncInput): Promise<FirstSyncResult> {
  const { env, waitMs: waited } = timedEnv();
  const locks = defaultLocks(navigator);
  const t0 = now();
  const session = await login(env.fetch, '', {
    username: input.username,
    password: input.password,
    deviceId: input.deviceId,
  });
  const tLogin = now();
  const db = await openTillDb(input.dbName);
  try {
    await initDevice(db, input.deviceId);
    const tokens = new TokenStore(env, locks, dbSessionPersistence(db));
    await tokens.signIn(session);
    const api = apiClient(env, tokens);
    await bindToRegister(db, api, input.registerId);
    const tBind = now();
    const waitBefore = waited();
    const summary = await flushOnce(db, api, locks, { now: Date.now, digestEveryMs: SIX_HOURS });
    const tPull = now();
    const cache = new CatalogCache();
    const index = await cache.index(db);
    if (!index.lookupBarcode(input.probeBarcode))
      throw new Error(`bench: barcode ${input.probeBarcode} not found after the first sync`);
    const tEnd = now();
    // The till builds its search rows when idle, right after, and saves them for the next start;
    // here at once, so that work is shown apart and never lands inside the next measurement.
    await cache.warm(db);
    const rowsMs = now() - tEnd;
    return {
      rowsMs,
      totalMs: tEnd - t0,
      loginMs: tLogin - t0,
      bindMs: tBind - tLogin,
      pullMs: tPull - tBind,
      waitMs: waited() - waitBefore,
      loadMs: tEnd - tPull,
      pages: summary.pull.pages,
      changes: summary.pull.changes,
      products: index.size,
    };
  } finally {
    db.close();
  }
}

export async function rawWriteBlocks(
  fromDb: string,
  rawName: string,
): Promise<{ ms: number; products: number }> {
  const db = await openTillDb(fromDb);
  const products = [...(await allProducts(db)).values()];
  db.close();
  await deleteRaw(rawName);
  const raw = await openRaw(rawName, blockSchema);
  const t = now();
  let id = 1;
  for (let from = 0; from < products.length; from += 2_000) {
    const tx = raw.transaction('blocks', 'readwrite', { durability: 'strict' });
    for (let b = from; b < Math.min(products.length, from + 2_000); b += 1_000) {
      const entries = products
        .slice(b, b + 1_000)
        .map((p) => ({ id: p.id, version: '1000000', value: p }));
      tx.objectStore('blocks').put({ id: id++, entries });
    }
    await done(tx);
  }
  const ms = now() - t;
  raw.close();
  return { ms, products: products.length };
}

export async function coldStartApp(dbName: string, probeBarcode: string): Promise<ColdStartResult> {
  const t0 = now();
  const db = await openTillDb(dbName);
  try {
    const cache = new CatalogCache();
    const index = await cache.index(db);
    if (!index.lookupBarcode(probeBarcode)) throw new Error('bench: the cold till cannot scan');
    const scan = now();
    if (index.search('creamy', 20).length === 0)
      throw new Error('bench: the cold till cannot find products');
    const t = now();
    return { sinceNavigationMs: t, scannableMs: scan, workMs: t - t0, products: index.size };
  } finally {
    db.close();
  }
}

export async function coldStartRaw(rawName: string): Promise<ColdStartResult> {
  const t0 = now();
  const raw = await openRaw(rawName, blockSchema);
  try {
    const blocks = await req(
      raw.transaction('blocks').objectStore('blocks').getAll() as IDBRequest<LogBlock<Product>[]>,
    );
    const byId = new Map<string, Product>();
    for (const b of blocks) for (const e of b.entries) if (e.value) byId.set(e.id, e.value);
    const t = now();
    return { sinceNavigationMs: t, scannableMs: t, workMs: t - t0, products: byId.size };
  } finally {
    raw.close();
  }
}

/** Queues `count` sales through recordSale (relaxed: filling is not the figure), then times the push. */
export async function drain(
  dbName: string,
  username: string,
  password: string,
  count: number,
): Promise<DrainResult> {
  const { env, waitMs, requests } = timedEnv();
  const locks = defaultLocks(navigator);
  const fillDb = new TillDb(dbName, { chromeTransactionDurability: 'relaxed' });
  await fillDb.open();
  const { deviceId } = await getDevice(fillDb);
  const session = await login(env.fetch, '', { username, password, deviceId });
  // A register sells only inside an open shift: open one once (its entry is pushed, not counted).
  let shiftEntries = 0;
  if (!(await openShiftOf(fillDb))) {
    await openShift(fillDb, { openedBy: session.user.id, openingFloat: 0 });
    shiftEntries = 1;
  }
  const t0 = now();
  try {
    const ctx = await saleContext(
      fillDb,
      [...(await allProducts(fillDb)).values()],
      session.user.id,
    );
    for (let i = 0; i < count; i++) await recordSale(fillDb, randomSale(ctx));
  } finally {
    fillDb.close();
  }
  const fillMs = now() - t0;
  const db = await openTillDb(dbName);
  try {
    const tokens = new TokenStore(env, locks, dbSessionPersistence(db));
    await tokens.signIn(session);
    const queued = (await db.outbox.count()) - shiftEntries;
    await window.tillBenchPhase?.('drain:push');
    const [waitBefore, requestsBefore] = [waitMs(), requests()];
    const t = now();
    const summary = await pushOutbox(db, apiClient(env, tokens), { now: Date.now });
    const drainMs = now() - t;
    await window.tillBenchPhase?.('drain:done');
    if ((await db.outbox.count()) !== 0) throw new Error('bench: the outbox did not drain');
    return {
      sales: queued,
      fillMs,
      drainMs,
      waitMs: waitMs() - waitBefore,
      batches: requests() - requestsBefore,
      confirmed: summary.confirmed,
      rejected: summary.rejected,
    };
  } finally {
    db.close();
  }
}

/**
 * Where a catalog load goes: open, read and fold the block log, build the in-memory index; the
 * search rows built, and taken up as saved (what a start does when they were saved).
 */
export async function catalogBreakdown(dbName: string): Promise<CatalogBreakdown> {
  const t0 = now();
  const db = await openTillDb(dbName);
  try {
    const t1 = now();
    const log = await readLog<Product>(db, 'products', { versions: false });
    const t2 = now();
    // As loadCatalog does: the maps at once; the search rows (normalized names, sort) follow.
    const index = CatalogIndex.adopt(log.values);
    const t3 = now();
    index.warm();
    const t4 = now();
    const saved = await db.searchRows.get('products');
    const t5 = now();
    if (!saved) throw new Error('bench: no search rows were saved after the first sync');
    const again = await readLog<Product>(db, 'products', { versions: false });
    const t6 = now();
    const restored = CatalogIndex.adopt(again.values, { saved, changed: new Set() });
    restored.warm();
    const t7 = now();
    if (restored.rowsToSave().changed) throw new Error('bench: the saved search rows did not fit');
    return {
      openMs: t1 - t0,
      readMs: t2 - t1,
      mapsMs: t3 - t2,
      rowsMs: t4 - t3,
      savedReadMs: t5 - t4,
      restoreMs: t7 - t6,
      products: index.size,
    };
  } finally {
    db.close();
  }
}
