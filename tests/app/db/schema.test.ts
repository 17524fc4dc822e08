import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_VERSION, schemaV1 } from '../../../src/app/db/schema';
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
        'shifts',
        'stockBlocks',
        'stockMovements',
        'stores',
        'syncState',
        'taxRates',
      ].sort(),
    );
  });
});
