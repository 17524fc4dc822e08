// Raw IndexedDB, no Dexie: the baseline each client figure is printed next to. Same layouts as
// the app (blocks of 1,000 products; sales, stock movements and outbox with the app's indexes)
// so the ratio measures what the app's code adds, not a different design.

type Schema = Record<string, { keyPath: string; indexes?: [string, boolean][] }>;

export function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

export function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export function openRaw(name: string, schema: Schema): Promise<IDBDatabase> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    for (const [store, def] of Object.entries(schema)) {
      const s = open.result.createObjectStore(store, { keyPath: def.keyPath });
      for (const [index, unique] of def.indexes ?? []) s.createIndex(index, index, { unique });
    }
  };
  return req(open);
}

export function deleteRaw(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error ?? new Error('delete failed'));
    r.onblocked = () => resolve();
  });
}

export const blockSchema: Schema = { blocks: { keyPath: 'id' } };

/** The app's (v4) keys and indexes on the three stores a sale writes. */
export const saleSchema: Schema = {
  sales: {
    keyPath: 'id',
    indexes: [
      ['receiptNumber', true],
      ['committedAt', false],
      ['shiftId', false],
      ['refundOf', false],
    ],
  },
  pendingStock: { keyPath: 'seq' },
  // The rest of what recordSale reads and writes, for the same-work baseline.
  deviceMeta: { keyPath: 'key' },
  registers: { keyPath: 'id' },
  stores: { keyPath: 'id' },
  shifts: { keyPath: 'id', indexes: [['status', false]] },
  outbox: {
    keyPath: 'seq',
    indexes: [
      ['id', true],
      ['recordId', false],
    ],
  },
};

export const productSchema: Schema = {
  products: { keyPath: 'id', indexes: [['barcode', true]] },
};
