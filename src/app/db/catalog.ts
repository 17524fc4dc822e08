// The catalog as the till reads it: the products block log folded into a CatalogIndex, kept
// current by reading only the blocks written since (a resync or a compaction means a full read).
// A first download need not read the log back at all: the puller folds the pages it applied
// into a CatalogFeed and publishes it here for the till's first load. The search rows, costly
// to build, are saved with the log position they reflect and taken up at the next load, with
// the rows of products changed since made again.
import type { Product } from '../../shared/records/catalog';
import type { LogSnapshot } from './block-log';
import { compactLog, isWasteful, readLog, readLogSince, readLogTail } from './block-log';
import type { RowsToRestore } from './catalog-index';
import { CatalogIndex } from './catalog-index';
import type { TillDb } from './database';
import type { PulledChange } from './pulled-change';
import type { SearchRowsRecord } from './records';

/** Bump when normalizeText or a row's haystack changes: rows saved before are then ignored. */
const ROWS_FORMAT = 1;

export interface LoadedCatalog {
  index: CatalogIndex;
  generation: number;
  lastBlockId: number;
  /** Entries of the last block already folded in (it may be filled up later). */
  lastBlockLength: number;
}

export async function loadCatalog(db: TillDb): Promise<LoadedCatalog> {
  const [log, saved] = await Promise.all([
    readLog<Product>(db, 'products', { versions: false }),
    db.searchRows.get('products'),
  ]);
  if (isWasteful(log.entries, log.values.size) && (await compactLog<Product>(db, 'products')))
    return loadCatalog(db);
  return {
    index: CatalogIndex.adopt(log.values, saved && (await rowsToRestore(db, saved, log))),
    generation: log.generation,
    lastBlockId: log.lastBlockId,
    lastBlockLength: log.lastBlockLength,
  };
}

/**
 * Saved rows and what changed in the log since they were saved, or undefined where they cannot
 * be used: another format, a rewritten log, or a position the log never reached.
 */
async function rowsToRestore(
  db: TillDb,
  saved: SearchRowsRecord,
  log: LogSnapshot<Product>,
): Promise<RowsToRestore | undefined> {
  if (saved.format !== ROWS_FORMAT || saved.generation !== log.generation) return undefined;
  const rows = { ids: saved.ids, text: saved.text };
  if (saved.lastBlockId === log.lastBlockId && saved.lastBlockLength === log.lastBlockLength)
    return { saved: rows, changed: new Set() };
  // Saved by another tab from a later log than the one read here: its rows are newer than the
  // products, so build them again.
  const ahead =
    saved.lastBlockId > log.lastBlockId ||
    (saved.lastBlockId === log.lastBlockId && saved.lastBlockLength > log.lastBlockLength);
  if (ahead) return undefined;
  const since = await readLogSince<Product>(db, 'products', saved);
  const first = since?.blocks[0];
  if (!first || first.id !== saved.lastBlockId || first.entries.length < saved.lastBlockLength)
    return undefined;
  const changed = new Set<string>();
  for (const block of since.blocks) {
    const entries = block === first ? block.entries.slice(saved.lastBlockLength) : block.entries;
    for (const entry of entries) changed.add(entry.id);
  }
  return { saved: rows, changed };
}

/**
 * Saves the catalog's search rows with the log position they reflect, for the next load; not
 * when they are the saved ones unchanged. Builds them if no search has yet.
 */
export async function saveSearchRows(db: TillDb, catalog: LoadedCatalog): Promise<void> {
  const { rows, changed } = catalog.index.rowsToSave();
  if (!changed) return;
  await db.searchRows.put({
    log: 'products',
    format: ROWS_FORMAT,
    generation: catalog.generation,
    lastBlockId: catalog.lastBlockId,
    lastBlockLength: catalog.lastBlockLength,
    ...rows,
  });
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
