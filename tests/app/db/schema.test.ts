import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, schemaV1, schemaV2, schemaV3 } from '../../../src/app/db/schema';
import { saleSync } from '../../../src/app/db/sales';
import { stockOnHand } from '../../../src/app/db/stock';
import { readSyncState } from '../../../src/app/db/sync-state';
import { uuidv7 } from '../../../src/shared/uuidv7';
import { freshDbName, idbOptions, openDb } from '../../support/till-db';

/** A database as version 1 of the app left it: products one per record, unsynced sales. */
async function versionOneDatabase(name: string) {
  const old = new Dexie(name, idbOptions);
  old.version(1).stores(schemaV1);
  await old.open();
  const saleIds = [uuidv7(), uuidv7()];
  await old.table('sales').bulkAdd(
    saleIds.map((id, i) => ({
      id,
      receiptNumber: `S1-R1-00000${i + 1}`,
      deviceTime: `2024-05-0${i + 1}T10:00:00.000Z`,
      sync: 'pending',
      seq: i + 1,
    })),
  );
  await old.table('outbox').bulkAdd(
    saleIds.map((id, i) => ({
      seq: i + 1,
      id: uuidv7(),
      kind: 'sale.create',
      hlc: 'h',
      payload: { id },
    })),
  );
  await old.table('products').bulkAdd([{ id: uuidv7(), sku: 'A', barcodes: ['1'], name: 'Apple' }]);
  await old.table('syncState').put({ key: 'sync', cursor: 'c-123', epoch: 'e1', resync: null });
  old.close();
  return saleIds;
}

describe('schema upgrades', () => {
  it('keep the outbox and unsynced sales when upgrading a version-1 database', async () => {
    const name = freshDbName();
    const saleIds = await versionOneDatabase(name);

    const db = await openDb(name);

    expect(db.verno).toBe(DB_VERSION);
    expect((await db.sales.toArray()).map((s) => s.id).sort()).toEqual([...saleIds].sort());
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.recordId)).toEqual(saleIds);
    // The new index on the outbox works for the old entries.
    expect(await db.outbox.where('recordId').equals(saleIds[1]!).count()).toBe(1);
    // The catalog moved to block logs and will be pulled again from the start.
    expect(db.tables.map((t) => t.name)).not.toContain('products');
    // Old sales show up in history by day.
    const day = await db.sales.where('committedAt').between('2024-05-02', '2024-05-03').toArray();
    expect(day.map((s) => s.id)).toEqual([saleIds[1]]);
    const state = await readSyncState(db);
    expect(state.cursor).toBeNull();
    expect(state.epoch).toBe('e1');
  });

  it('keep unconfirmed stock movements, one record per sale, when upgrading a version-3 database', async () => {
    const name = freshDbName();
    const old = new Dexie(name, idbOptions);
    old.version(1).stores(schemaV1);
    old.version(2).stores(schemaV2);
    old.version(3).stores(schemaV3);
    await old.open();
    const [queued, confirmed] = [uuidv7(), uuidv7()];
    const [apple, pear] = [uuidv7(), uuidv7()];
    const at = '2024-05-01T10:00:00.000Z';
    await old.table('sales').bulkAdd([
      { id: queued, receiptNumber: 'S1-R1-000002', sync: 'pending', seq: 2, committedAt: at },
      { id: confirmed, receiptNumber: 'S1-R1-000001', sync: 'synced', seq: 1, committedAt: at },
    ]);
    await old.table('outbox').add({ seq: 2, id: uuidv7(), kind: 'sale.create', recordId: queued });
    await old.table('stockMovements').bulkAdd([
      { id: uuidv7(), saleId: queued, productId: apple, delta: -2, at, pending: 1 },
      { id: uuidv7(), saleId: queued, productId: pear, delta: -1, at, pending: 1 },
      { id: uuidv7(), saleId: confirmed, productId: apple, delta: -5, at, pending: 0 },
    ]);
    old.close();

    const db = await openDb(name);
    const [stock, ...more] = await db.pendingStock.toArray();
    expect(more).toEqual([]);
    expect(stock).toMatchObject({ seq: 2, saleId: queued, at });
    // One record for the sale, its movements in any order.
    expect(stock?.moves).toHaveLength(2);
    expect(stock?.moves).toEqual(
      expect.arrayContaining([
        { productId: apple, delta: -2 },
        { productId: pear, delta: -1 },
      ]),
    );
    // No levels pulled yet: on hand is what this register moved and the server has not confirmed.
    expect(Object.fromEntries(await stockOnHand(db))).toEqual({ [apple]: -2, [pear]: -1 });
    expect(db.tables.map((t) => t.name)).not.toContain('stockMovements');
    // The sales' state now comes from the outbox, whatever their old field said.
    expect(await saleSync(db, (await db.sales.get(queued))!)).toBe('pending');
    expect(await saleSync(db, (await db.sales.get(confirmed))!)).toBe('synced');
  });

  it('open a new database at the current version with every table', async () => {
    const db = await openDb(freshDbName());
    expect(db.verno).toBe(DB_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'cashMovements',
        'categories',
        'conflicts',
        'customers',
        'deviceMeta',
        'needsAttention',
        'outbox',
        'parkedOrders',
        'paymentMethods',
        'productBlocks',
        'registers',
        'saleVoids',
        'sales',
        'searchRows',
        'shifts',
        'stockBlocks',
        'pendingStock',
        'stores',
        'syncState',
        'taxRates',
      ].sort(),
    );
  });
});
