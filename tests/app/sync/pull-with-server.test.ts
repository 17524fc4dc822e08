// Pulling from the real server in process (PGlite): deletes, a crash in the middle of a page,
// a 410 after a tombstone purge, and a server restored from a backup (a new epoch).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProducts } from '../../../src/app/db/catalog';
import { readSyncState } from '../../../src/app/db/sync-state';
import { purgeTombstones } from '../../../src/server/sync/purge';
import type { Faults } from '../../support/faulty-idb';
import { installFaults } from '../../support/faulty-idb';
import { injectNetwork } from '../../support/inject-fetch';
import { newRegister } from '../../support/register-harness';
import type { Register } from '../../support/register-harness';
import type { TestServer } from '../../support/test-app';
import { testServer } from '../../support/test-app';
import { syncOfSale } from '../../support/till-db';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server.close();
});

async function serverProducts(): Promise<Map<string, string>> {
  const r = await server.db.query<{ id: string; name: string }>(
    `select p.id, p.name from products p join stores s on s.id = p.store_id where s.code = 'S1' and not p.deleted`,
  );
  return new Map(r.rows.map((row) => [row.id, row.name]));
}

async function localProducts(reg: Register): Promise<Map<string, string>> {
  return new Map([...(await allProducts(reg.db)).values()].map((p) => [p.id, p.name]));
}

async function someProductIds(n: number, offset = 0): Promise<string[]> {
  const r = await server.db.query<{ id: string }>(
    `select p.id from products p join stores s on s.id = p.store_id
      where s.code = 'S1' and not p.deleted order by p.id offset $1 limit $2`,
    [offset, n],
  );
  return r.rows.map((row) => row.id);
}

describe('pulling from the real server', () => {
  it('applies updates and deletes', async () => {
    const net = injectNetwork(server.app);
    const reg = await newRegister(server, net);
    const [renamed, deleted] = await someProductIds(2);
    await server.db.query(`update products set name = 'Renamed on the ERP' where id = $1`, [
      renamed,
    ]);
    await server.db.query('update products set deleted = true where id = $1', [deleted]);

    expect((await reg.engine.syncNow()).ok).toBe(true);
    const local = await localProducts(reg);
    expect(local.get(renamed!)).toBe('Renamed on the ERP');
    expect(local.has(deleted!)).toBe(false);
    expect(local).toEqual(await serverProducts());
  });

  it('survives a crash in the middle of a page: the page is applied again, whole', async () => {
    const net = injectNetwork(server.app);
    let faults!: Faults;
    const reg = await newRegister(server, net, {
      engine: { pageSize: 7 },
      prepare: (db) => (faults = installFaults(db)),
    });
    const ids = await someProductIds(20, 10);
    await server.db.query(
      `update products set name = name || ' (new)' where id = any($1::uuid[])`,
      [ids],
    );
    const cursorBefore = (await readSyncState(reg.db)).cursor;

    // Writing the first page's products fails: its transaction aborts and takes nothing along.
    faults.failWrites.set('productBlocks', () => new Error('the tab was killed'));
    expect((await reg.engine.syncNow()).ok).toBe(false);
    expect((await readSyncState(reg.db)).cursor).toBe(cursorBefore);
    const unchanged = await localProducts(reg);
    expect(ids.every((id) => !unchanged.get(id)?.endsWith('(new)'))).toBe(true);

    faults.failWrites.clear();
    expect((await reg.engine.syncNow()).ok).toBe(true);
    expect(await localProducts(reg)).toEqual(await serverProducts());
  });

  it('does a full resync after a 410 and keeps the outbox and unsynced sales', async () => {
    const net = injectNetwork(server.app);
    const reg = await newRegister(server, net);
    net.offline = true;
    const unsynced = await reg.sell(0);
    const [gone] = await someProductIds(1, 40);
    await server.db.query('update products set deleted = true where id = $1', [gone]);
    // The tombstone is purged before the register saw it: its cursor is now too old.
    await purgeTombstones(server.db, 0, new Date(Date.now() + 60_000));
    net.offline = false;

    const pulled = await reg.engine.syncNow();
    expect(pulled.ok && pulled.summary.pull.resynced).toBe(true);
    expect(net.log.some((l) => l.path.startsWith('/api/sync/pull') && l.status === 410)).toBe(true);
    expect((await localProducts(reg)).has(gone!)).toBe(false);
    expect(await localProducts(reg)).toEqual(await serverProducts());
    expect(await reg.db.sales.get(unsynced.id)).toMatchObject({ id: unsynced.id });
    expect(await syncOfSale(reg.db, unsynced.id)).toBe('synced');
    const onServer = await server.db.query('select 1 from sales where id = $1', [unsynced.id]);
    expect(onServer.rows).toHaveLength(1);
  });

  it('pushes again what a restored server lost (a new epoch)', async () => {
    const net = injectNetwork(server.app);
    const reg = await newRegister(server, net);
    const sales = [await reg.sell(0), await reg.sell(1)];
    expect((await reg.engine.syncNow()).ok).toBe(true);
    const oldEpoch = server.app.till.epoch;

    // The server is restored from a backup taken before these sales: they are gone, and the
    // restored database has a new epoch.
    const lost = sales.map((s) => s.id);
    await server.db.transaction(async (tx) => {
      await tx.query('delete from sale_flags where sale_id = any($1::uuid[])', [lost]);
      await tx.query('delete from stock_movements where sale_id = any($1::uuid[])', [lost]);
      await tx.query('delete from sale_lines where sale_id = any($1::uuid[])', [lost]);
      await tx.query('delete from sale_payments where sale_id = any($1::uuid[])', [lost]);
      await tx.query('delete from sales where id = any($1::uuid[])', [lost]);
      await tx.query('delete from applied_mutations where device_id = $1', [reg.deviceId]);
      await tx.query('delete from device_seq where device_id = $1', [reg.deviceId]);
      await tx.query('update server_meta set epoch = gen_random_uuid()');
    });
    const restored = await testServer({ db: server.db });
    net.app = restored.app;
    try {
      expect(restored.app.till.epoch).not.toBe(oldEpoch);
      const result = await reg.engine.syncNow();
      expect(result.ok && result.summary.push.confirmed).toBe(2);
      const rows = await server.db.query<{ id: string }>(
        'select id from sales where id = any($1::uuid[])',
        [lost],
      );
      expect(rows.rows.map((r) => r.id).sort()).toEqual([...lost].sort());
      expect((await readSyncState(reg.db)).epoch).toBe(restored.app.till.epoch);
      expect(await reg.db.outbox.count()).toBe(0);
    } finally {
      await restored.app.close();
    }
  });
});

describe('the digest check', () => {
  it('finds a product the register should no longer have, and repairs it with a resync', async () => {
    const net = injectNetwork(server.app);
    const reg = await newRegister(server, net, { engine: { digestEveryMs: 0 } });
    // Right after the first sync the sets agree; the check runs on every flush from now on.
    expect((await reg.engine.syncNow()).ok).toBe(true);
    expect((await readSyncState(reg.db)).lastDigestAt).not.toBeNull();

    // Another ERP program removes a product outright (no tombstone): no pull would ever say so.
    const [vanished] = await someProductIds(1, 60);
    await server.db.query('delete from products where id = $1', [vanished]);
    expect((await localProducts(reg)).has(vanished!)).toBe(true);

    const result = await reg.engine.syncNow();
    expect(result.ok && result.summary.repaired).toContain('products');
    expect((await localProducts(reg)).has(vanished!)).toBe(false);
    expect(await localProducts(reg)).toEqual(await serverProducts());
  });
});
