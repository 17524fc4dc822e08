import { describe, expect, it } from 'vitest';
import { applyPulledPage } from '../../../src/app/db/apply-pull';
import type { PulledPage } from '../../../src/app/db/apply-pull';
import { saleSync } from '../../../src/app/db/sales';
import { allProducts } from '../../../src/app/db/catalog';
import { saveCustomer } from '../../../src/app/db/customers';
import type { TillDb } from '../../../src/app/db/database';
import { getDevice } from '../../../src/app/db/device-meta';
import { adoptEpoch } from '../../../src/app/db/epoch';
import type { PulledChange } from '../../../src/app/db/pulled-change';
import { recordSale } from '../../../src/app/db/record-sale';
import { readSyncState, updateSyncState } from '../../../src/app/db/sync-state';
import { stockOnHand } from '../../../src/app/db/stock';
import type { Customer } from '../../../src/shared/records/customer';
import type { Product } from '../../../src/shared/records/catalog';
import { sale as saleSchema } from '../../../src/shared/records/sale';
import { uuidv7 } from '../../../src/shared/uuidv7';
import type { Faults } from '../../support/faulty-idb';
import { installFaults } from '../../support/faulty-idb';
import type { Fixture } from '../../support/till-db';
import { cashSaleOf, fixture, openTestShift, sellingDb } from '../../support/till-db';

const cashier = uuidv7();
const now = () => Date.parse('2024-05-01T10:00:00Z');
const stamp = (ms: number, node: string) => `${String(ms).padStart(15, '0')}-00000-${node}`;

const product = (p: Product, version = '1'): PulledChange => ({
  entity: 'products',
  id: p.id,
  version,
  data: p,
});
const gone = (entity: PulledChange['entity'], id: string): PulledChange => ({
  entity,
  id,
  version: '9',
  data: null,
});

let n = 0;
function page(changes: PulledChange[], from: string | null, more = false): PulledPage {
  n += 1;
  return { epoch: 'e1', from, cursor: `cursor-${n}`, hasMore: more, changes };
}

async function firstSync(db: TillDb, fx: Fixture) {
  const p = page(
    [
      { entity: 'stores', id: fx.store.id, version: '1', data: fx.store },
      { entity: 'registers', id: fx.register.id, version: '1', data: fx.register },
      ...fx.products.map((x) => product(x)),
      ...fx.products.map((x): PulledChange => ({
        entity: 'stockLevels',
        id: x.id,
        version: '1',
        data: { storeId: fx.store.id, productId: x.id, onHand: 10 },
      })),
    ],
    null,
  );
  await applyPulledPage(db, p, now);
  return p.cursor;
}

describe('applying a pulled page', () => {
  it('stores records and the cursor together, and applies deletes', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const cursor = await firstSync(db, fx);
    expect((await readSyncState(db)).cursor).toBe(cursor);
    expect((await allProducts(db)).size).toBe(3);

    const [a, b] = fx.products;
    await applyPulledPage(
      db,
      page([gone('products', a!.id), gone('registers', fx.register.id)], cursor),
      now,
    );
    const products = await allProducts(db);
    expect([...products.keys()].sort()).toEqual(
      fx.products
        .filter((p) => p !== a)
        .map((p) => p.id)
        .sort(),
    );
    expect(products.get(b!.id)).toEqual(b);
    expect(await db.registers.get(fx.register.id)).toBeUndefined();
  });

  it('repeats nothing and loses nothing when it crashes in the middle of a page', async () => {
    const fx = fixture();
    let faults!: Faults;
    const db = await sellingDb(fx, { prepare: (d) => (faults = installFaults(d)) });
    const cursor = await firstSync(db, fx);
    const renamed = { ...fx.products[0]!, name: 'Renamed' };
    const next = page(
      [
        product(renamed, '2'),
        {
          entity: 'stockLevels',
          id: renamed.id,
          version: '2',
          data: { storeId: fx.store.id, productId: renamed.id, onHand: 3 },
        },
      ],
      cursor,
    );

    // The products are written, then the stock levels fail: the transaction must undo all.
    faults.failWrites.set('stockBlocks', () => new Error('tab killed'));
    await expect(applyPulledPage(db, next, now)).rejects.toThrow();
    expect((await readSyncState(db)).cursor).toBe(cursor);
    expect((await allProducts(db)).get(renamed.id)?.name).toBe(fx.products[0]!.name);

    // The retry asks for the same page again (same cursor) and applies it once.
    faults.failWrites.clear();
    await applyPulledPage(db, next, now);
    await applyPulledPage(db, { ...next, from: next.cursor }, now);
    expect((await readSyncState(db)).cursor).toBe(next.cursor);
    expect((await allProducts(db)).get(renamed.id)?.name).toBe('Renamed');
    expect((await stockOnHand(db)).get(renamed.id)).toBe(3);
  });

  it('never overwrites a pending sale, and takes back our own synced history', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const cursor = await firstSync(db, fx);
    // The shift opens after the full first sync (a resync keeps only what the server sent).
    await openTestShift(db);
    const mine = await recordSale(db, cashSaleOf(fx.products[0]!, cashier));
    const serverCopy = { ...mine, totals: { ...mine.totals, total: 1 } };
    const wire = saleSchema.parse(serverCopy);
    const older = { ...wire, id: uuidv7(), receiptNumber: 'S1-R2-000050' };
    await applyPulledPage(
      db,
      page(
        [
          { entity: 'sales', id: mine.id, version: '5', data: wire },
          { entity: 'sales', id: older.id, version: '5', data: older },
        ],
        cursor,
      ),
      now,
    );
    // Ours wins, and stays pending until its own push is answered (the outbox still holds it).
    expect(await db.sales.get(mine.id)).toEqual(mine);
    expect(await saleSync(db, mine)).toBe('pending');
    const back = await db.sales.get(older.id);
    expect(back).toMatchObject({ mutationId: null, seq: null });
    expect(await saleSync(db, back!)).toBe('synced');
    // The receipt counter moves past numbers the server already holds for this register.
    const next = await recordSale(db, cashSaleOf(fx.products[0]!, cashier));
    expect(next.receiptNumber).toBe('S1-R2-000051');
  });

  it('merges a customer with a pending local edit per field, and records a real conflict', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const cursor = await firstSync(db, fx);
    const id = uuidv7();
    const base: Customer = {
      id,
      storeId: fx.store.id,
      name: 'Ada',
      email: 'ada@old',
      phone: '111',
      note: null,
      stamps: { name: stamp(1, 'srv'), email: stamp(1, 'srv'), phone: stamp(1, 'srv') },
    };
    const c2 = page([{ entity: 'customers', id, version: '1', data: base }], cursor);
    await applyPulledPage(db, c2, now);
    // The till edits phone and email; meanwhile the server changed phone and name.
    await saveCustomer(db, { id, fields: { phone: '222', email: 'ada@new' } }, now);
    const server: Customer = {
      ...base,
      name: 'Ada L.',
      phone: '333',
      stamps: {
        ...base.stamps,
        name: stamp(now() + 5000, 'srv'),
        phone: stamp(now() + 5000, 'srv'),
      },
    };
    await applyPulledPage(
      db,
      page([{ entity: 'customers', id, version: '2', data: server }], c2.cursor),
      now,
    );

    const local = await db.customers.get(id);
    expect(local).toMatchObject({ name: 'Ada L.', email: 'ada@new', phone: '333' });
    expect(local?.base).toEqual(server);
    const conflicts = await db.conflicts.toArray();
    expect(conflicts).toEqual([
      expect.objectContaining({
        recordId: id,
        field: 'phone',
        winner: expect.objectContaining({ value: '333' }),
        loser: expect.objectContaining({ value: '222' }),
      }),
    ]);
    // The edit is still in the outbox, to be merged by the server too.
    expect(await db.outbox.where('recordId').equals(id).count()).toBe(1);
  });

  it('ends a full resync by removing what the server no longer has, keeping outbox and unsynced sales', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    await firstSync(db, fx);
    // The shift opens after the full first sync (a resync keeps only what the server sent).
    await openTestShift(db);
    const sale = await recordSale(db, cashSaleOf(fx.products[0]!, cashier));
    const [, keep, drop] = fx.products;

    // A resync in two pages; the second page finishes it.
    const p1 = page(
      [{ entity: 'stores', id: fx.store.id, version: '1', data: fx.store }, product(keep!)],
      null,
      true,
    );
    await applyPulledPage(db, p1, now);
    // Mid-resync the old catalog is still there to sell from.
    expect((await allProducts(db)).has(drop!.id)).toBe(true);
    await applyPulledPage(
      db,
      page(
        [{ entity: 'registers', id: fx.register.id, version: '1', data: fx.register }],
        p1.cursor,
      ),
      now,
    );

    expect([...(await allProducts(db)).keys()]).toEqual([keep!.id]);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.sales.get(sale.id)).toEqual(sale);
    expect(await db.stores.count()).toBe(1);
    expect((await readSyncState(db)).resync).toBeNull();
  });
});

describe('a new server epoch', () => {
  it('puts every sale held locally back into the outbox under its mutation id and seq', async () => {
    const fx = fixture();
    const db = await sellingDb(fx, { shift: true });
    await adoptEpoch(db, 'e1');
    const a = await recordSale(db, cashSaleOf(fx.products[0]!, cashier));
    const b = await recordSale(db, cashSaleOf(fx.products[1]!, cashier));
    // a was confirmed by the old server; b is still queued.
    await db.outbox.delete(a.seq!);
    expect(await saleSync(db, a)).toBe('synced');
    await updateSyncState(db, { cursor: 'old-cursor' });

    expect(await adoptEpoch(db, 'e2')).toBe(1);
    const outbox = await db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.seq, e.id])).toEqual([
      [a.seq, a.mutationId],
      [b.seq, b.mutationId],
    ]);
    expect(await saleSync(db, a)).toBe('pending');
    const state = await readSyncState(db);
    expect(state).toMatchObject({ epoch: 'e2', cursor: null });
    expect((await getDevice(db)).nextSeq).toBe(3);
    expect(await adoptEpoch(db, 'e2')).toBe(0);
  });
});
