// The register's sync engine against the real server in process (PGlite), through a network
// that can fail: every committed sale reaches the server exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allProducts } from '../../../src/app/db/catalog';
import { saveCustomer } from '../../../src/app/db/customers';
import { login } from '../../../src/app/sync/auth-client';
import { SyncIncomplete, syncOnce } from '../../../src/app/sync/sync-once';
import { readSyncState } from '../../../src/app/db/sync-state';
import type { Locks } from '../../../src/app/sync/locks';
import { memoryLocks } from '../../../src/app/sync/locks';
import { SYNC_LOCK } from '../../../src/app/sync/flush';
import type { InjectNetwork } from '../../support/inject-fetch';
import { injectNetwork } from '../../support/inject-fetch';
import type { Register } from '../../support/register-harness';
import { newRegister } from '../../support/register-harness';
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

async function serverSales(registerId: string) {
  const r = await server.db.query<{ id: string; receipt_number: string; total: number }>(
    'select id, receipt_number, total from sales where register_id = $1 order by receipt_number',
    [registerId],
  );
  return r.rows;
}

async function expectExactlyOnce(reg: Register, saleIds: string[]) {
  const rows = await serverSales(reg.registerId);
  expect(rows.map((r) => r.id).sort()).toEqual([...saleIds].sort());
  for (const id of saleIds) {
    const local = await reg.db.sales.get(id);
    const row = rows.find((r) => r.id === id);
    expect(row?.receipt_number).toBe(local?.receiptNumber);
    expect(row?.total).toBe(local?.totals.total);
    expect(await syncOfSale(reg.db, id)).toBe('synced');
  }
  expect(await reg.db.outbox.count()).toBe(0);
}

describe('a register against the real server', () => {
  let net: InjectNetwork;
  beforeAll(() => {
    net = injectNetwork(server.app);
  });

  it('has the catalog after the first sync', async () => {
    const reg = await newRegister(server, net);
    const count = await server.db.query<{ n: number }>(
      `select count(*)::int as n from products p join stores s on s.id = p.store_id where s.code = 'S1' and not p.deleted`,
    );
    expect((await allProducts(reg.db)).size).toBe(count.rows[0]!.n);
    expect(await reg.db.registers.get(reg.registerId)).toBeDefined();
    expect((await readSyncState(reg.db)).epoch).toBe(server.app.till.epoch);
  });

  it('sends a sale recorded offline exactly once when the network returns', async () => {
    const reg = await newRegister(server, net);
    net.offline = true;
    const sales = [await reg.sell(0), await reg.sell(1)];
    expect((await reg.engine.syncNow()).ok).toBe(false);
    expect(await serverSales(reg.registerId)).toEqual([]);
    expect(reg.engine.status.getSnapshot()).toMatchObject({
      pending: 2,
      phase: 'waiting',
      connectivity: 'offline',
    });

    net.offline = false;
    expect((await reg.engine.syncNow()).ok).toBe(true);
    await expectExactlyOnce(
      reg,
      sales.map((s) => s.id),
    );
    expect(reg.engine.status.getSnapshot()).toMatchObject({
      pending: 0,
      phase: 'idle',
      connectivity: 'online',
    });
  });

  it('still sends each sale exactly once over a flaky network that loses requests and replies', async () => {
    const flaky = injectNetwork(server.app);
    const reg = await newRegister(server, flaky, { engine: { batchSize: 3 } });
    const sales = [];
    for (let i = 0; i < 10; i++) sales.push(await reg.sell(i));
    // Every other request fails; of the rest, every other reply is lost after the commit.
    flaky.plan = ({ n }) => (n % 2 === 0 ? 'drop-request' : n % 4 === 1 ? 'drop-reply' : 'deliver');
    for (let attempt = 0; attempt < 40 && (await reg.db.outbox.count()) > 0; attempt++)
      await reg.engine.syncNow();
    flaky.plan = () => 'deliver';
    expect((await reg.engine.syncNow()).ok).toBe(true);
    expect(flaky.log.some((l) => l.fate === 'drop-reply' && l.path === '/api/sync/push')).toBe(
      true,
    );
    await expectExactlyOnce(
      reg,
      sales.map((s) => s.id),
    );
  });

  it('keeps a confirmed batch when the batch sent ahead of its apply is lost, and sends the rest once', async () => {
    const flaky = injectNetwork(server.app);
    const reg = await newRegister(server, flaky, { engine: { batchSize: 4 } });
    const sales = [];
    for (let i = 0; i < 10; i++) sales.push(await reg.sell(i));
    let pushes = 0;
    // The first push is answered; the second, sent while that answer is applied, is lost.
    flaky.plan = ({ path }) =>
      path === '/api/sync/push' && ++pushes === 2 ? 'drop-request' : 'deliver';
    expect((await reg.engine.syncNow()).ok).toBe(false);
    const first = sales.slice(0, 4).map((s) => s.id);
    expect((await serverSales(reg.registerId)).map((r) => r.id).sort()).toEqual([...first].sort());
    for (const id of first) expect(await syncOfSale(reg.db, id)).toBe('synced');
    expect((await reg.db.outbox.toArray()).map((e) => e.recordId)).toEqual(
      sales.slice(4).map((s) => s.id),
    );
    flaky.plan = () => 'deliver';
    expect((await reg.engine.syncNow()).ok).toBe(true);
    await expectExactlyOnce(
      reg,
      sales.map((s) => s.id),
    );
  });

  it('loses nothing when the page reloads between the commit and the push', async () => {
    const reg = await newRegister(server, net);
    net.offline = true;
    const sale = await reg.sell(3);
    const reloaded = await reg.reload();
    net.offline = false;
    expect((await reloaded.engine.syncNow()).ok).toBe(true);
    await expectExactlyOnce(reloaded, [sale.id]);
  });

  it('lets two engines over one database flush at once: the lock holds, each sale is sent once', async () => {
    const events: string[] = [];
    let holders = 0;
    let most = 0;
    const inner = memoryLocks();
    const observed: Locks = {
      request: (name, work) =>
        inner.request(name, async () => {
          if (name === SYNC_LOCK) {
            holders += 1;
            most = Math.max(most, holders);
            events.push('in');
          }
          try {
            return await work();
          } finally {
            if (name === SYNC_LOCK) {
              holders -= 1;
              events.push('out');
            }
          }
        }),
    };
    const counting = injectNetwork(server.app);
    const tabA = await newRegister(server, counting, { locks: observed });
    // A second tab: the same database and cookies, the same origin's locks.
    const tabB = await tabA.anotherTab();
    const sales = [];
    for (let i = 0; i < 12; i++) sales.push(await (i % 2 ? tabA : tabB).sell(i));
    const pushesBefore = counting.log.filter((l) => l.path === '/api/sync/push').length;

    const [a, b] = await Promise.all([tabA.engine.syncNow(), tabB.engine.syncNow()]);
    expect(a.ok && b.ok).toBe(true);
    expect(most).toBe(1);
    expect(events.slice(-4)).toEqual(['in', 'out', 'in', 'out']);
    // The second flusher found the outbox empty: no mutation left the device twice.
    const sent = a.ok && b.ok ? a.summary.push.confirmed + b.summary.push.confirmed : -1;
    expect(sent).toBe(12);
    expect(counting.log.filter((l) => l.path === '/api/sync/push').length - pushesBefore).toBe(1);
    await expectExactlyOnce(
      tabB,
      sales.map((s) => s.id),
    );
  });

  it('sets a rejected sale aside and still syncs the sales behind it', async () => {
    const reg = await newRegister(server, net);
    net.offline = true;
    const bad = await reg.sell(0);
    const good = [await reg.sell(1), await reg.sell(2)];
    // A bug made the stored payload's totals wrong: the server must refuse it, alone.
    await reg.db.outbox
      .where('recordId')
      .equals(bad.id)
      .modify((e) => {
        if (e.kind === 'sale.create') e.payload.totals.total += 1;
      });
    net.offline = false;
    expect((await reg.engine.syncNow()).ok).toBe(true);

    const attention = await reg.db.needsAttention.toArray();
    expect(attention).toEqual([
      expect.objectContaining({
        recordId: bad.id,
        error: expect.objectContaining({ kind: 'TotalsMismatch' }),
      }),
    ]);
    expect(await syncOfSale(reg.db, bad.id)).toBe('rejected');
    const rows = await serverSales(reg.registerId);
    expect(rows.map((r) => r.id).sort()).toEqual(good.map((s) => s.id).sort());
    expect(await reg.db.outbox.count()).toBe(0);
    expect(reg.engine.status.getSnapshot()).toMatchObject({ pending: 0, needsAttention: 1 });
  });

  it("flushes from the service worker's sync event with the token shared through IndexedDB", async () => {
    const worker = injectNetwork(server.app);
    const reg = await newRegister(server, worker);
    worker.offline = true;
    const sale = await reg.sell(2);
    await expect(syncOnce(reg.db, reg.env, reg.locks)).rejects.toBeInstanceOf(SyncIncomplete);
    worker.offline = false;
    const summary = await syncOnce(reg.db, reg.env, reg.locks);
    expect(summary.push.confirmed).toBe(1);
    await expectExactlyOnce(reg, [sale.id]);
    // The worker used the tab's saved token: no refresh was needed.
    expect(worker.log.filter((l) => l.path === '/api/auth/refresh')).toHaveLength(0);
  });

  it('merges customer edits of two registers per field and keeps the real conflict', async () => {
    // Two devices: two browsers, each with its own cookies.
    const a = await newRegister(server, injectNetwork(server.app));
    const b = await newRegister(server, injectNetwork(server.app));
    const created = await saveCustomer(a.db, {
      fields: { name: 'Ada', phone: '111', email: null, note: null },
    });
    expect((await a.engine.syncNow()).ok).toBe(true);
    expect((await b.engine.syncNow()).ok).toBe(true);
    expect((await b.db.customers.get(created.id))?.phone).toBe('111');

    // Offline, B edits phone and note; a minute later A edits phone and email (a minute, not a
    // few ms: each register's clock takes an offset from the server's Date header).
    await saveCustomer(b.db, { id: created.id, fields: { phone: '222', note: 'VIP' } });
    await saveCustomer(
      a.db,
      { id: created.id, fields: { phone: '333', email: 'ada@example.com' } },
      () => Date.now() + 60_000,
    );
    expect((await a.engine.syncNow()).ok).toBe(true);
    expect((await b.engine.syncNow()).ok).toBe(true);
    expect((await a.engine.syncNow()).ok).toBe(true);

    const want = { name: 'Ada', phone: '333', email: 'ada@example.com', note: 'VIP' };
    const row = await server.db.query(
      'select name, phone, email, note from customers where id = $1',
      [created.id],
    );
    expect(row.rows[0]).toEqual(want);
    expect(await a.db.customers.get(created.id)).toMatchObject(want);
    expect(await b.db.customers.get(created.id)).toMatchObject(want);
    // B learns that its phone lost to A's: the one field both changed.
    expect(await b.db.conflicts.toArray()).toEqual([
      expect.objectContaining({
        recordId: created.id,
        field: 'phone',
        winner: expect.objectContaining({ value: '333' }),
        loser: expect.objectContaining({ value: '222' }),
      }),
    ]);
    expect(await a.db.outbox.count()).toBe(0);
    expect(await b.db.outbox.count()).toBe(0);
  });

  it('refreshes an expired token and goes on; pauses with the outbox kept when the session is gone', async () => {
    const reg = await newRegister(server, net);
    const first = await reg.sell(0);
    // The access token is refused (as if expired): one refresh, then the push goes through.
    await reg.tokens.signIn({
      accessToken: 'expired.token.value',
      expiresIn: 900,
      user: {
        id: reg.cashierId,
        username: 'cashier1',
        name: 'x',
        role: 'cashier',
        storeId: (await reg.db.stores.toArray())[0]!.id,
      },
    });
    expect((await reg.engine.syncNow()).ok).toBe(true);
    await expectExactlyOnce(reg, [first.id]);

    // The refresh cookie is gone (the session ended): pushing pauses, nothing is lost.
    net.cookies.clear();
    await reg.tokens.signIn({
      accessToken: 'expired.token.value',
      expiresIn: 900,
      user: {
        id: reg.cashierId,
        username: 'cashier1',
        name: 'x',
        role: 'cashier',
        storeId: (await reg.db.stores.toArray())[0]!.id,
      },
    });
    const second = await reg.sell(1);
    expect(await reg.engine.syncNow()).toMatchObject({
      ok: false,
      failure: { kind: 'signed-out' },
    });
    expect(reg.engine.status.getSnapshot().phase).toBe('paused');
    expect(await reg.db.outbox.count()).toBe(1);

    // Someone signs in again on this device: the engine resumes and the sale goes.
    const session = await login(net.fetch, '', {
      username: 'cashier1',
      password: 'demo',
      deviceId: reg.deviceId,
    });
    expect((await reg.engine.signedIn(session)).ok).toBe(true);
    await expectExactlyOnce(reg, [first.id, second.id]);
  });
});
