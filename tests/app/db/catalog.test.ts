import { beforeAll, describe, expect, it } from 'vitest';
import { applyPulledPage } from '../../../src/app/db/apply-pull';
import { compactLog, readLog } from '../../../src/app/db/block-log';
import { loadCatalog, refreshCatalog } from '../../../src/app/db/catalog';
import type { LoadedCatalog } from '../../../src/app/db/catalog';
import { CatalogIndex } from '../../../src/app/db/catalog-index';
import type { TillDb } from '../../../src/app/db/database';
import { initDevice } from '../../../src/app/db/device-meta';
import type { PulledChange } from '../../../src/app/db/pulled-change';
import type { Product } from '../../../src/shared/records/catalog';
import { makeProducts, reference } from '../../support/catalog-products';
import { freshDbName, openDb } from '../../support/till-db';

const N = 100_000;
const PAGE = 5_000;
let page = 0;
function pageOf(changes: PulledChange[], from: string | null, hasMore = false) {
  page += 1;
  return { epoch: 'e1', from, cursor: `c${page}`, hasMore, changes };
}

const upsert = (p: Product): PulledChange => ({
  entity: 'products',
  id: p.id,
  version: '1',
  data: p,
});

describe('the catalog over 100,000 products', () => {
  const products = makeProducts(N);
  let db: TillDb;
  let catalog: LoadedCatalog;

  beforeAll(async () => {
    db = await openDb(freshDbName());
    await initDevice(db, '00000000-0000-7000-8000-00000000d001');
    for (let i = 0; i < N; i += PAGE) {
      const changes = products.slice(i, i + PAGE).map(upsert);
      await applyPulledPage(
        db,
        pageOf(changes, i === 0 ? null : `c${page}`, i + PAGE < N),
        () => 0,
      );
    }
    catalog = await loadCatalog(db);
  }, 120_000);

  it('is stored in blocks, not one record per product', async () => {
    expect(await db.productBlocks.count()).toBe(N / 1000);
    expect(catalog.index.size).toBe(N);
  });

  it('finds every product by each of its barcodes, and by SKU', () => {
    for (const p of products) {
      expect(catalog.index.lookupBarcode(p.barcodes[0]!)?.id).toBe(p.id);
    }
    expect(catalog.index.lookupSku('sku-012345')?.id).toBe(products[12345]!.id);
    expect(catalog.index.lookupBarcode('2999999999999')).toBeUndefined();
  });

  it.each(['juice 17', 'creme', 'GOLDEN brulee 99', 'sku-09999', 'salsa 996', 'nothing like this'])(
    'searches names and SKUs like the obvious filter does: %s',
    (query) => {
      expect(catalog.index.search(query).map((p) => p.id)).toEqual(reference(products, query));
    },
  );

  it('puts an exact barcode hit first', () => {
    const p = products[4242]!;
    expect(catalog.index.search(p.barcodes[0]!)[0]?.id).toBe(p.id);
  });

  it('takes pulled updates and deletes, replacing the product where it was', async () => {
    const renamed = { ...products[10]!, name: 'Zesty Lemonade', barcodes: ['4006381333931'] };
    const gone = products[20]!;
    await applyPulledPage(
      db,
      pageOf(
        [upsert(renamed), { entity: 'products', id: gone.id, version: '2', data: null }],
        `c${page}`,
      ),
      () => 0,
    );
    catalog = await refreshCatalog(db, catalog);

    expect(catalog.index.size).toBe(N - 1);
    expect(catalog.index.get(gone.id)).toBeUndefined();
    expect(catalog.index.lookupBarcode(gone.barcodes[0]!)).toBeUndefined();
    expect(catalog.index.lookupBarcode(products[10]!.barcodes[0]!)).toBeUndefined();
    expect(catalog.index.lookupBarcode('4006381333931')?.name).toBe('Zesty Lemonade');
    expect(catalog.index.search('zesty').map((p) => p.id)).toEqual([renamed.id]);
    const after = products
      .map((p) => (p.id === renamed.id ? renamed : p))
      .filter((p) => p.id !== gone.id);
    expect(catalog.index.search('juice 10').map((p) => p.id)).toEqual(reference(after, 'juice 10'));

    // A fresh load (a restart) sees the same catalog.
    const reloaded = await loadCatalog(db);
    expect(reloaded.index.lookupBarcode('4006381333931')?.id).toBe(renamed.id);
    expect(reloaded.index.get(gone.id)).toBeUndefined();
    expect(reloaded.index.size).toBe(N - 1);
  });

  it('keeps exactly the live products through a compaction', async () => {
    const before = await readLog<Product>(db, 'products');
    expect(await compactLog<Product>(db, 'products')).toBe(true);
    const after = await readLog<Product>(db, 'products');
    expect(after.values).toEqual(before.values);
    expect(after.entries).toBe(N - 1);
    expect(after.generation).toBe(before.generation + 1);
    // A catalog loaded before the compaction notices and reloads whole.
    const refreshed = await refreshCatalog(db, catalog);
    expect(refreshed.generation).toBe(after.generation);
    expect(refreshed.index.size).toBe(N - 1);
  });
});

describe('the in-memory index on its own', () => {
  const products = makeProducts(6_000);
  const byId = () => new Map(products.map((p) => [p.id, p]));

  it('answers scans from its maps and builds the search rows only when first asked', () => {
    const index = CatalogIndex.adopt(byId());
    expect(index.size).toBe(products.length);
    expect(index.lookupBarcode(products[5_999]!.barcodes[0]!)?.id).toBe(products[5_999]!.id);
    expect(index.lookupSku('SKU-000042')?.id).toBe(products[42]!.id);
    expect(index.search('juice 17').map((p) => p.id)).toEqual(reference(products, 'juice 17'));
    const warmed = CatalogIndex.adopt(byId());
    warmed.warm();
    expect(warmed.search('creme').map((p) => p.id)).toEqual(reference(products, 'creme'));
  });

  it('takes a bulk change (a resync page) and a small one after it, as the obvious filter', () => {
    const index = new CatalogIndex(products);
    expect(index.search('salsa').map((p) => p.id)).toEqual(reference(products, 'salsa'));
    // More than 2,000 at once: the rows are sorted again at the next search, not spliced.
    const renamed = products.slice(0, 2_500).map((p) => ({ ...p, name: `Salsa ${p.name}` }));
    const gone = products.slice(2_500, 2_600);
    index.apply([
      ...renamed.map((p) => ({ id: p.id, version: '2', value: p })),
      ...gone.map((p) => ({ id: p.id, version: '2', value: null })),
    ]);
    let now = [...renamed, ...products.slice(2_600)];
    expect(index.size).toBe(now.length);
    expect(index.search('salsa').map((p) => p.id)).toEqual(reference(now, 'salsa'));
    // A single rename after that goes into the sorted rows in place.
    const one = { ...products[3_001]!, name: 'Aaa Salsa First' };
    index.apply([{ id: one.id, version: '3', value: one }]);
    now = now.map((p) => (p.id === one.id ? one : p));
    expect(index.search('salsa').map((p) => p.id)).toEqual(reference(now, 'salsa'));
    expect(index.search('salsa')[0]?.id).toBe(one.id);
  });
});
