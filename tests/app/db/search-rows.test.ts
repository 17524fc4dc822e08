// The search rows saved for the next start: taken up where they still fit the products log,
// patched for what changed since, and built afresh otherwise; a search answers as if they had
// been built from the products every time.
import { beforeEach, describe, expect, it } from 'vitest';
import { applyPulledPage } from '../../../src/app/db/apply-pull';
import { compactLog } from '../../../src/app/db/block-log';
import { loadCatalog, refreshCatalog, saveSearchRows } from '../../../src/app/db/catalog';
import type { TillDb } from '../../../src/app/db/database';
import { initDevice } from '../../../src/app/db/device-meta';
import type { PulledChange } from '../../../src/app/db/pulled-change';
import type { Product } from '../../../src/shared/records/catalog';
import { makeProducts, reference } from '../../support/catalog-products';
import { freshDbName, openDb } from '../../support/till-db';

const N = 4_000;
const QUERIES = ['juice 17', 'creme', 'GOLDEN brulee 99', 'sku-0009', 'salsa 996', 'zesty', 'nada'];

let db: TillDb;
let products: Product[];
let page = 0;

async function pull(changes: PulledChange[]): Promise<void> {
  const from = page === 0 ? null : `c${page}`;
  page += 1;
  await applyPulledPage(
    db,
    { epoch: 'e1', from, cursor: `c${page}`, hasMore: false, changes },
    () => 0,
  );
}

const upsert = (p: Product, version = '1'): PulledChange => ({
  entity: 'products',
  id: p.id,
  version,
  data: p,
});
const removal = (p: Product): PulledChange => ({
  entity: 'products',
  id: p.id,
  version: '9',
  data: null,
});

/** A start: the catalog loaded, and every query answered as the obvious filter does. */
async function expectSearchesMatch(now: Product[]) {
  const catalog = await loadCatalog(db);
  for (const q of QUERIES)
    expect(
      catalog.index.search(q).map((p) => p.id),
      q,
    ).toEqual(reference(now, q));
  return catalog;
}

/** Loads and saves the rows, as the till does when idle after a start. */
async function startAndSave(): Promise<void> {
  const catalog = await loadCatalog(db);
  catalog.index.warm();
  await saveSearchRows(db, catalog);
}

beforeEach(async () => {
  db = await openDb(freshDbName());
  await initDevice(db, '00000000-0000-7000-8000-00000000d001');
  page = 0;
  products = makeProducts(N);
  await pull(products.slice(0, 2_500).map((p) => upsert(p)));
  await pull(products.slice(2_500).map((p) => upsert(p)));
});

describe('saved search rows', () => {
  it('are taken up unchanged at the next start, and not saved again', async () => {
    expect(await db.searchRows.count()).toBe(0);
    await startAndSave();
    const saved = await db.searchRows.get('products');
    expect(saved?.ids.split('\n')).toHaveLength(N);

    const catalog = await expectSearchesMatch(products);
    expect(catalog.index.rowsToSave().changed).toBe(false);

    // A pull after the start folds into rows taken up as they were (some not yet made).
    const renamed = { ...products[7]!, name: 'Zesty Lemonade' };
    const gone = products[3_000]!;
    await pull([upsert(renamed, '2'), removal(gone)]);
    const refreshed = await refreshCatalog(db, catalog);
    const now = products
      .filter((p) => p.id !== gone.id)
      .map((p) => (p.id === renamed.id ? renamed : p));
    for (const q of QUERIES)
      expect(
        refreshed.index.search(q).map((p) => p.id),
        q,
      ).toEqual(reference(now, q));
    expect(refreshed.index.rowsToSave().changed).toBe(true);
  });

  it('are patched for products renamed, removed and added since they were saved', async () => {
    await startAndSave();
    const renamed = { ...products[10]!, name: 'Zesty Lemonade' };
    const moved = { ...products[3_999]!, name: 'Aaa Zesty First' };
    const added = { ...makeProducts(N + 2)[N + 1]!, name: 'Zesty Salsa 17' };
    const gone = products[20]!;
    await pull([upsert(renamed, '2'), upsert(moved, '2'), upsert(added), removal(gone)]);

    const now = [
      ...products.filter((p) => p.id !== gone.id).map((p) => (p.id === renamed.id ? renamed : p)),
      added,
    ].map((p) => (p.id === moved.id ? moved : p));
    const catalog = await expectSearchesMatch(now);
    expect(catalog.index.search('zesty').map((p) => p.id)).toEqual([
      moved.id,
      renamed.id,
      added.id,
    ]);
    expect(catalog.index.rowsToSave().changed).toBe(true);

    // Saved again, they are taken up as they are.
    await saveSearchRows(db, catalog);
    expect((await expectSearchesMatch(now)).index.rowsToSave().changed).toBe(false);
  });

  it('are built afresh after more changes than patching is worth', async () => {
    await startAndSave();
    const renamed = products.slice(0, 2_100).map((p) => ({ ...p, name: `Zesty ${p.name}` }));
    await pull(renamed.map((p) => upsert(p, '2')));
    const now = [...renamed, ...products.slice(2_100)];
    expect((await expectSearchesMatch(now)).index.rowsToSave().changed).toBe(true);
  });

  it('are ignored after the log was rewritten (a compaction or the end of a resync)', async () => {
    await pull(products.slice(0, 3_000).map((p) => upsert(p, '2')));
    await startAndSave();
    // Most of the log superseded: the next load compacts it, a new generation.
    await pull(products.map((p) => upsert(p, '3')));
    expect(await compactLog<Product>(db, 'products')).toBe(true);
    expect((await expectSearchesMatch(products)).index.rowsToSave().changed).toBe(true);
  });

  it('are ignored where they do not fit the products, and the search stays right', async () => {
    await startAndSave();
    const saved = (await db.searchRows.get('products'))!;
    // Rows of another make-up of the search text.
    await db.searchRows.put({ ...saved, format: saved.format + 1, text: saved.text.toUpperCase() });
    expect((await expectSearchesMatch(products)).index.rowsToSave().changed).toBe(true);
    // Rows naming a product the log does not hold: caught when taken up (a few are looked up
    // then), or else when a search first reaches that row, and the search is still right.
    const ids = saved.ids.split('\n');
    const haystacks = saved.text.split('\n');
    for (const at of [0, 5]) {
      const wrong = [...ids];
      wrong[at] = '00000000-0000-7000-8000-0000000fffff';
      await db.searchRows.put({ ...saved, ids: wrong.join('\n') });
      const catalog = await expectSearchesMatch(products);
      const sku = haystacks[at]!.split(' ').pop()!;
      const owner = products.find((p) => p.sku.toLowerCase() === sku)!;
      expect(catalog.index.search(sku).map((p) => p.id)).toEqual(owner.active ? [owner.id] : []);
      expect(catalog.index.rowsToSave().changed, `row ${at}`).toBe(true);
    }
    // Rows cut short.
    await db.searchRows.put({ ...saved, text: saved.text.slice(0, saved.text.lastIndexOf('\n')) });
    expect((await expectSearchesMatch(products)).index.rowsToSave().changed).toBe(true);
    // Rows saved from further along the log than it reaches (another tab read it later).
    await db.searchRows.put({ ...saved, lastBlockLength: saved.lastBlockLength + 1 });
    expect((await expectSearchesMatch(products)).index.rowsToSave().changed).toBe(true);
  });
});
