// The catalog as the till reads it: the products block log folded into a CatalogIndex, kept
// current by reading only the blocks written since (a resync or a compaction means a full read).
// A first download need not read the log back at all: the puller folds the pages it applied
// into a CatalogFeed and publishes it here for the till's first load.
import type { Product } from '../../shared/records/catalog';
import { compactLog, isWasteful, readLog, readLogSince, readLogTail } from './block-log';
import { CatalogIndex } from './catalog-index';
import type { TillDb } from './database';
import type { PulledChange } from './pulled-change';

export interface LoadedCatalog {
  index: CatalogIndex;
  generation: number;
  lastBlockId: number;
  /** Entries of the last block already folded in (it may be filled up later). */
  lastBlockLength: number;
}

export async function loadCatalog(db: TillDb): Promise<LoadedCatalog> {
  const log = await readLog<Product>(db, 'products', { versions: false });
  if (isWasteful(log.entries, log.values.size) && (await compactLog<Product>(db, 'products')))
    return loadCatalog(db);
  return {
    index: CatalogIndex.adopt(log.values),
    generation: log.generation,
    lastBlockId: log.lastBlockId,
    lastBlockLength: log.lastBlockLength,
  };
}

/** Brings a loaded catalog up to date; returns a new one when the log was rewritten. */
export async function refreshCatalog(db: TillDb, catalog: LoadedCatalog): Promise<LoadedCatalog> {
  const since = await readLogSince<Product>(db, 'products', catalog);
  if (!since) return loadCatalog(db);
  const entries = since.blocks.flatMap((b) =>
    b.id === catalog.lastBlockId ? b.entries.slice(catalog.lastBlockLength) : b.entries,
  );
  catalog.index.apply(entries);
  const last = since.blocks[since.blocks.length - 1];
  return last
    ? { ...catalog, lastBlockId: last.id, lastBlockLength: last.entries.length }
    : catalog;
}

const published = new WeakMap<TillDb, LoadedCatalog>();

/**
 * The products of a pull into an EMPTY log, folded page by page after each page committed
 * (while the next page downloads). Published once the last page is in, and only if the log
 * then holds exactly the entries fed: anything else wrote it, so the till reads the log.
 */
export class CatalogFeed {
  private readonly index = new CatalogIndex();
  private entries = 0;

  add(changes: readonly PulledChange[]): void {
    const products = changes.flatMap((c) =>
      c.entity === 'products' ? [{ id: c.id, version: c.version, value: c.data }] : [],
    );
    this.index.apply(products);
    this.entries += products.length;
  }

  async publish(db: TillDb): Promise<void> {
    const tail = await readLogTail(db, 'products');
    if (tail.entries !== this.entries) return;
    published.set(db, {
      index: this.index,
      generation: tail.generation,
      lastBlockId: tail.lastBlockId,
      lastBlockLength: tail.lastBlockLength,
    });
  }
}

/** The catalog a first download published for this database (once), brought up to date. */
export async function takePublishedCatalog(db: TillDb): Promise<LoadedCatalog | null> {
  const catalog = published.get(db);
  if (!catalog) return null;
  published.delete(db);
  return refreshCatalog(db, catalog);
}

/** All products, for screens that list the catalog and for tests. */
export async function allProducts(db: TillDb): Promise<Map<string, Product>> {
  return (await readLog<Product>(db, 'products', { versions: false })).values;
}
