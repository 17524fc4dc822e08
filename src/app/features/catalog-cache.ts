// The catalog in memory for search, scans and category tiles: loaded once per database, and
// brought up to date only when the product log's meta says it changed (a cheap read), so a
// keystroke never waits for a full read of 100,000 products. Even that read is skipped while
// nothing wrote the product blocks: Dexie reports every write, in this tab and (through
// BroadcastChannel) in the others, and a check every few seconds covers any report missed.
// Right after a first download the puller's own catalog is taken (no read of the log), and a
// loaded catalog builds its search rows when the browser is idle, so scans are answered first,
// and saves them for the next start.
import Dexie from 'dexie';
import type { Product } from '../../shared/records/catalog';
import { readLogMeta } from '../db/block-log';
import type { LoadedCatalog } from '../db/catalog';
import {
  allProducts,
  loadCatalog,
  refreshCatalog,
  saveSearchRows,
  takePublishedCatalog,
} from '../db/catalog';
import type { CatalogIndex } from '../db/catalog-index';
import type { TillDb } from '../db/database';

async function logStamp(db: TillDb): Promise<string> {
  const m = await readLogMeta(db, 'products');
  return `${m.generation}:${m.nextBlockId}:${m.entries}`;
}

const RECHECK_MS = 2_000;

/** Runs `work` after the current work (a scan, a first paint) is done. */
function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 1_000 });
  else setTimeout(work, 0);
}

export class CatalogCache {
  private loaded: { db: TillDb; catalog: LoadedCatalog; stamp: string } | null = null;
  private categories: { db: TillDb; stamp: string; map: Map<string, Product[]> } | null = null;
  private checked: { db: TillDb; at: number } | null = null;
  private written = false;

  constructor(private readonly now: () => number = () => Date.now()) {
    Dexie.on('storagemutated', (parts) => {
      if (Object.keys(parts).some((k) => k.includes('/productBlocks/'))) this.written = true;
    });
  }

  async index(db: TillDb): Promise<CatalogIndex> {
    const fresh =
      this.loaded?.db === db &&
      !this.written &&
      this.checked?.db === db &&
      this.now() - this.checked.at < RECHECK_MS;
    if (fresh && this.loaded) return this.loaded.catalog.index;
    this.written = false;
    this.checked = { db, at: this.now() };
    const stamp = await logStamp(db);
    if (this.loaded?.db !== db) {
      const catalog = (await takePublishedCatalog(db)) ?? (await loadCatalog(db));
      this.loaded = { db, catalog, stamp };
      this.warmLater(db, catalog.index);
    } else if (this.loaded.stamp !== stamp) {
      const before = this.loaded.catalog.index;
      this.loaded = { db, catalog: await refreshCatalog(db, this.loaded.catalog), stamp };
      // A rewritten log (a resync ended, a compaction) was read again whole.
      if (this.loaded.catalog.index !== before) this.warmLater(db, this.loaded.catalog.index);
    }
    return this.loaded.catalog.index;
  }

  private warmLater(db: TillDb, index: CatalogIndex): void {
    whenIdle(() => void this.warm(db, index).catch(() => undefined));
  }

  /**
   * Builds the search rows of the catalog loaded from `db` (if `index` is still it) and saves
   * them for the next start. A failed save only means the next start builds them again.
   */
  async warm(db: TillDb, index?: CatalogIndex): Promise<void> {
    const loaded = this.loaded;
    if (loaded?.db !== db || (index && loaded.catalog.index !== index)) return;
    loaded.catalog.index.warm();
    await saveSearchRows(db, loaded.catalog);
  }

  /** Active products of a category by name (read in full only after the log changed). */
  async inCategory(db: TillDb, categoryId: string): Promise<Product[]> {
    const stamp = await logStamp(db);
    if (this.categories?.db !== db || this.categories.stamp !== stamp) {
      const map = new Map<string, Product[]>();
      for (const p of (await allProducts(db)).values()) {
        if (!p.active || p.categoryId === null) continue;
        const list = map.get(p.categoryId);
        if (list) list.push(p);
        else map.set(p.categoryId, [p]);
      }
      for (const list of map.values()) list.sort((a, b) => a.name.localeCompare(b.name));
      this.categories = { db, stamp, map };
    }
    return this.categories.map.get(categoryId) ?? [];
  }
}
