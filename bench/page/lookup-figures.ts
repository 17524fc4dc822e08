// Barcode lookups and name-or-SKU searches the way the till asks them (CatalogCache: the
// in-memory index, its log meta re-read only after a write to the product blocks), the in-memory part alone, and raw IndexedDB
// (a unique barcode index; 20 records read by key range, the floor of any first-20 answer).
import { allProducts } from '../../src/app/db/catalog';
import { openTillDb } from '../../src/app/db/database';
import { CatalogCache } from '../../src/app/features/catalog-cache';
import type { Product } from '../../src/shared/records/catalog';
import type { LookupRun } from './bench-api';
import { deleteRaw, done, openRaw, productSchema, req } from './raw-idb';

const now = () => performance.now();

export async function rawProductStore(fromDb: string, rawName: string): Promise<{ ms: number }> {
  const db = await openTillDb(fromDb);
  const products = [...(await allProducts(db)).values()];
  db.close();
  await deleteRaw(rawName);
  const raw = await openRaw(rawName, productSchema);
  const t = now();
  for (let from = 0; from < products.length; from += 2_000) {
    const tx = raw.transaction('products', 'readwrite');
    for (const p of products.slice(from, from + 2_000)) {
      const barcode = p.barcodes[0];
      tx.objectStore('products').put(barcode ? { ...p, barcode } : p);
    }
    await done(tx);
  }
  raw.close();
  return { ms: now() - t };
}

/** Queries of every kind a cashier types: a word, two words, a SKU prefix, a rare tag, a miss. */
function queryFor(p: Product, i: number): string {
  const words = p.name.toLowerCase().split(' ');
  switch (i % 5) {
    case 0:
      return words[0] ?? 'a';
    case 1:
      return `${words[1] ?? ''} ${words[2] ?? ''}`.trim();
    case 2:
      return p.sku.slice(0, 8);
    case 3:
      return words[words.length - 1] ?? 'x';
    default:
      return 'no such product';
  }
}

export async function lookups(dbName: string, rawName: string, count: number): Promise<LookupRun> {
  const db = await openTillDb(dbName);
  const raw = await openRaw(rawName, productSchema);
  const run: LookupRun = {
    barcodeApp: [],
    barcodeMemory: [],
    barcodeRaw: [],
    searchApp: [],
    searchMemory: [],
    searchRaw: [],
  };
  try {
    const products = [...(await allProducts(db)).values()].filter((p) => p.barcodes.length > 0);
    const cache = new CatalogCache();
    const index = await cache.index(db);
    // Built when the till is idle after loading; done here before timing, as the cache would
    // long before a cashier types.
    index.warm();
    const pick = () => products[Math.floor(Math.random() * products.length)];
    for (let i = 0; i < count; i++) {
      const p = pick();
      const code = p?.barcodes[0];
      if (!p || !code) throw new Error('bench: no product with a barcode');
      let t = now();
      if ((await cache.index(db)).lookupBarcode(code)?.id !== p.id)
        throw new Error(`bench: barcode ${code} not found`);
      run.barcodeApp.push(now() - t);
      t = now();
      index.lookupBarcode(code);
      run.barcodeMemory.push(now() - t);
      t = now();
      const store = raw.transaction('products').objectStore('products');
      await req(store.index('barcode').get(code));
      run.barcodeRaw.push(now() - t);

      const q = queryFor(p, i);
      t = now();
      (await cache.index(db)).search(q, 20);
      run.searchApp.push(now() - t);
      t = now();
      index.search(q, 20);
      run.searchMemory.push(now() - t);
      t = now();
      const range = IDBKeyRange.lowerBound(p.id);
      await req(raw.transaction('products').objectStore('products').getAll(range, 20));
      run.searchRaw.push(now() - t);
    }
  } finally {
    db.close();
    raw.close();
  }
  return run;
}
