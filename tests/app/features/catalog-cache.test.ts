import { describe, expect, it, vi } from 'vitest';
import { appendToLog } from '../../../src/app/db/block-log';
import type { TillDb } from '../../../src/app/db/database';
import { CatalogCache } from '../../../src/app/features/catalog-cache';
import type { Product } from '../../../src/shared/records/catalog';
import { fixture, sellingDb } from '../../support/till-db';

async function writeProducts(db: TillDb, products: Product[]) {
  await db.transaction('rw', [db.table('productBlocks'), db.table('syncState')], (tx) =>
    appendToLog(
      tx,
      'products',
      products.map((p, i) => ({ id: p.id, version: String(i + 1), value: p })),
      null,
    ),
  );
}

describe('the catalog cache', () => {
  it('answers from memory while nothing is written, and sees a pulled product at once', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const cache = new CatalogCache(() => 0);
    await writeProducts(db, fx.products.slice(0, 2));
    expect((await cache.index(db)).lookupBarcode('4000000000001')?.name).toBe('Granola');
    expect((await cache.index(db)).lookupBarcode('4000000000002')).toBeUndefined();

    // A write to the product blocks (a pull) is noticed without waiting for the recheck.
    await writeProducts(db, fx.products.slice(2));
    expect((await cache.index(db)).lookupBarcode('4000000000002')?.name).toBe('Dish Brush');

    db.close();
  });

  it('saves the search rows when idle, and a restarted till takes them up', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    await writeProducts(db, fx.products);
    const cache = new CatalogCache(() => 0);
    expect((await cache.index(db)).lookupBarcode('4000000000001')?.name).toBe('Granola');
    await vi.waitFor(async () => expect(await db.searchRows.count()).toBe(1));

    const restarted = await new CatalogCache(() => 0).index(db);
    expect(restarted.search('brush').map((p) => p.name)).toEqual(['Dish Brush']);
    expect(restarted.rowsToSave().changed).toBe(false);
    db.close();
  });
});
