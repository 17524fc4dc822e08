// The catalog as the till reads it: the products block log folded into a CatalogIndex, kept
// current by reading only the blocks written since (a resync or a compaction means a full read).
import type { Product } from '../../shared/records/catalog';
import { compactLog, isWasteful, readLog, readLogSince } from './block-log';
import { CatalogIndex } from './catalog-index';
import type { TillDb } from './database';

export interface LoadedCatalog {
  index: CatalogIndex;
  generation: number;
  lastBlockId: number;
  /** Entries of the last block already folded in (it may be filled up later). */
  lastBlockLength: number;
}

export async function loadCatalog(db: TillDb): Promise<LoadedCatalog> {
  const log = await readLog<Product>(db, 'products');
  if (isWasteful(log.entries, log.values.size) && (await compactLog<Product>(db, 'products')))
    return loadCatalog(db);
  return {
    index: new CatalogIndex(log.values.values()),
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

/** All products, for screens that list the catalog and for tests. */
export async function allProducts(db: TillDb): Promise<Map<string, Product>> {
  return (await readLog<Product>(db, 'products')).values;
}
