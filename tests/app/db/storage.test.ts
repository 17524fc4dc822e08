import { indexedDB } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { recordSale } from '../../../src/app/db/record-sale';
import {
  StorageFull,
  checkEviction,
  isQuotaError,
  localStorageMarker,
  mapStorageErrors,
  memoryMarker,
  requestPersistence,
  resumeAfterEviction,
  writeMarker,
} from '../../../src/app/db/storage';
import { uuidv7 } from '../../../src/shared/uuidv7';
import { cashSaleOf, fixture, freshDbName, sellingDb } from '../../support/till-db';

describe('the eviction marker', () => {
  it('reports nothing on a first start, nor while the database is the one it names', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const marker = memoryMarker();
    expect(await checkEviction(db, marker)).toEqual({
      wiped: false,
      unsyncedLost: 0,
      nextSeq: null,
    });
    await writeMarker(db, marker);
    expect(await checkEviction(db, marker)).toEqual({
      wiped: false,
      unsyncedLost: 0,
      nextSeq: null,
    });
  });

  it('tells that the browser wiped the database while sales were unsynced', async () => {
    const fx = fixture();
    const name = freshDbName();
    const db = await sellingDb(fx, { name, shift: true });
    const store = new Map<string, string>();
    const marker = localStorageMarker({
      getItem: (k) => store.get(k) ?? null,
      setItem: (k, v) => void store.set(k, v),
    });
    await recordSale(db, cashSaleOf(fx.products[0]!, uuidv7()));
    await recordSale(db, cashSaleOf(fx.products[1]!, uuidv7()));
    await writeMarker(db, marker);
    db.close();

    // The browser evicts the origin's IndexedDB (localStorage survives).
    await new Promise((resolve, reject) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = resolve;
      req.onerror = reject;
    });
    const fresh = await sellingDb(fx, { name });

    expect(await checkEviction(fresh, marker)).toEqual({
      wiped: true,
      unsyncedLost: 2,
      nextSeq: 3,
    });
    await writeMarker(fresh, marker);
    expect(await checkEviction(fresh, marker)).toEqual({
      wiped: false,
      unsyncedLost: 0,
      nextSeq: null,
    });
  });
});

describe('after a wipe', () => {
  it('goes on numbering mutations where the lost database stopped, so the server sees the hole', async () => {
    const fx = fixture();
    const name = freshDbName();
    const db = await sellingDb(fx, { name, shift: true });
    const marker = memoryMarker();
    for (const p of fx.products) await recordSale(db, cashSaleOf(p, uuidv7()));
    await writeMarker(db, marker);
    db.close();
    await new Promise((resolve, reject) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = resolve;
      req.onerror = reject;
    });

    const fresh = await sellingDb(fx, { name, shift: true });
    expect(await resumeAfterEviction(fresh, marker)).toMatchObject({ wiped: true, nextSeq: 4 });
    await recordSale(fresh, cashSaleOf(fx.products[0]!, uuidv7()));
    expect((await fresh.outbox.toArray()).map((m) => m.seq)).toEqual([4]);
  });
});

describe('persistent storage', () => {
  it('is asked for once, then only checked', async () => {
    const db = await sellingDb(fixture());
    const storage = { persist: vi.fn(async () => true), persisted: vi.fn(async () => true) };
    expect(await requestPersistence(db, storage)).toBe(true);
    expect(await requestPersistence(db, storage)).toBe(true);
    expect(storage.persist).toHaveBeenCalledTimes(1);
    expect(storage.persisted).toHaveBeenCalledTimes(1);
    expect(await requestPersistence(db, undefined)).toBeNull();
  });
});

describe('quota errors', () => {
  it('are recognised bare or wrapped, and become StorageFull', async () => {
    const quota = new DOMException('full', 'QuotaExceededError');
    expect(isQuotaError(quota)).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: quota })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
    await expect(mapStorageErrors(() => Promise.reject(quota))).rejects.toBeInstanceOf(StorageFull);
    await expect(mapStorageErrors(() => Promise.reject(new TypeError('x')))).rejects.toBeInstanceOf(
      TypeError,
    );
  });
});
