// Storage that can fail or vanish. Quota errors become one typed StorageFull error. The app asks
// once for persistent storage, and a small marker kept outside IndexedDB lets start-up tell that
// the browser wiped the database, and whether sales were still unsynced when it did.
import type { TillDb } from './database';
import type { DeviceMeta } from './records';
import { findDevice, updateDevice } from './device-meta';

export class StorageFull extends Error {
  override name = 'StorageFull';
  constructor(cause?: unknown) {
    super('The device storage is full: nothing was saved.', { cause });
  }
}

/** Quota errors arrive bare, or wrapped by Dexie (AbortError with `inner`). */
export function isQuotaError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: unknown }).name;
    if (name === 'QuotaExceededError' || name === 'QuotaExceeded') return true;
    e = (e as { inner?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

export async function mapStorageErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw isQuotaError(err) ? new StorageFull(err) : err;
  }
}

/** Somewhere outside IndexedDB for one small string (localStorage, Cache Storage, memory). */
export interface MarkerStore {
  read(): Promise<string | null>;
  write(value: string): Promise<void>;
}

const MARKER_KEY = 'till.db-marker';

/** The part of the DOM's Storage (localStorage) the marker uses; absent in workers. */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function localStorageMarker(storage: KeyValueStorage, key = MARKER_KEY): MarkerStore {
  return {
    read: async () => storage.getItem(key),
    write: async (value) => storage.setItem(key, value),
  };
}

/** For the service worker, which has no localStorage. */
export function cacheStorageMarker(caches: CacheStorage, key = MARKER_KEY): MarkerStore {
  const url = `/__${key}`;
  return {
    async read() {
      const cache = await caches.open(key);
      const res = await cache.match(url);
      return res ? res.text() : null;
    },
    async write(value) {
      const cache = await caches.open(key);
      await cache.put(url, new Response(value));
    },
  };
}

export function memoryMarker(initial: string | null = null): MarkerStore {
  let value = initial;
  return {
    read: async () => value,
    write: async (v) => {
      value = v;
    },
  };
}

interface Marker {
  instanceId: string;
  unsynced: number;
  /** The next mutation seq the database would have used (absent in markers of older builds). */
  nextSeq?: number;
}

function parseMarker(text: string | null): Marker | null {
  if (!text) return null;
  try {
    const m = JSON.parse(text) as Partial<Marker>;
    if (typeof m.instanceId !== 'string' || typeof m.unsynced !== 'number') return null;
    const { instanceId, unsynced, nextSeq } = m;
    return typeof nextSeq === 'number' && Number.isSafeInteger(nextSeq)
      ? { instanceId, unsynced, nextSeq }
      : { instanceId, unsynced };
  } catch {
    return null;
  }
}

export interface EvictionReport {
  /** The database this browser had before is gone. */
  wiped: boolean;
  /** How many unsynced changes it held when last seen (lost unless pushed elsewhere). */
  unsyncedLost: number;
  /** The next mutation seq the lost database would have used, when the marker knew it. */
  nextSeq: number | null;
}

/** What the marker says about the database now open: run at start-up, before writing. */
export async function checkEviction(db: TillDb, marker: MarkerStore): Promise<EvictionReport> {
  const previous = parseMarker(await marker.read());
  if (!previous) return { wiped: false, unsyncedLost: 0, nextSeq: null };
  const device = await findDevice(db);
  const wiped = device?.instanceId !== previous.instanceId;
  return {
    wiped,
    unsyncedLost: wiped ? previous.unsynced : 0,
    nextSeq: wiped ? (previous.nextSeq ?? null) : null,
  };
}

/**
 * Start-up after the device record exists: when the browser wiped the database, the register
 * goes on numbering its mutations where the lost database stopped instead of starting at 1
 * again. The mutations lost with it then leave a hole in the seqs the server saw, which it
 * lists for a manager (GET /api/sync/devices); restarting at 1 would have hidden them.
 */
export async function resumeAfterEviction(
  db: TillDb,
  marker: MarkerStore,
): Promise<EvictionReport> {
  const report = await checkEviction(db, marker);
  const device = await findDevice(db);
  if (report.wiped && report.nextSeq !== null && device && device.nextSeq < report.nextSeq) {
    await updateDevice(db, { nextSeq: report.nextSeq });
  }
  return report;
}

export interface UnsyncedCounts {
  /** Entries in the outbox. */
  pending: number;
  needsAttention: number;
  device: DeviceMeta | null;
}

/** What the sync status and the marker show, read in one transaction. */
export function unsyncedCounts(db: TillDb): Promise<UnsyncedCounts> {
  return db.transaction('r', [db.outbox, db.needsAttention, db.deviceMeta], async () => ({
    pending: await db.outbox.count(),
    needsAttention: await db.needsAttention.count(),
    device: await findDevice(db),
  }));
}

/**
 * Records the open database and its unsynced count; call at start and after each change. The
 * caller may pass the counts it has just read.
 */
export async function writeMarker(
  db: TillDb,
  marker: MarkerStore,
  counts?: UnsyncedCounts,
): Promise<void> {
  const { pending, needsAttention, device } = counts ?? (await unsyncedCounts(db));
  if (!device) return;
  const unsynced = pending + needsAttention;
  await marker.write(
    JSON.stringify({
      instanceId: device.instanceId,
      unsynced,
      nextSeq: device.nextSeq,
    } satisfies Marker),
  );
}

/** navigator.storage as far as persistence goes (persist() exists in windows only). */
export interface PersistentStorage {
  persist(): Promise<boolean>;
  persisted(): Promise<boolean>;
}

/**
 * Asks once for persistent storage, so the browser does not evict the database under pressure.
 * Returns whether storage is persistent (null: the browser cannot say).
 */
export async function requestPersistence(
  db: TillDb,
  storage: PersistentStorage | undefined,
): Promise<boolean | null> {
  if (!storage) return null;
  const device = await findDevice(db);
  if (device && !device.persistRequested) {
    await updateDevice(db, { persistRequested: true });
    return storage.persist();
  }
  return storage.persisted();
}
