// The till's data port over the real local store and sync engine, against the real server in
// process (PGlite) through an in-process network: what the screens see is what the server got.
// (Node environment: the server's JWT library does not run under jsdom. The live reads are run
// here as the plain queries the adapter's hooks wrap, over a second connection: another tab.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSale } from '../../../src/app/features/payment/build-sale';
import { cartReducer, emptyCart } from '../../../src/app/features/sell/cart';
import type { TillData } from '../../../src/app/features/till-data';
import { createDexieTillData } from '../../../src/app/features/till-data-dexie';
import { openShiftOf } from '../../../src/app/db/shifts';
import { memoryMarker } from '../../../src/app/db/storage';
import { login } from '../../../src/app/sync/auth-client';
import { platformTimers } from '../../../src/app/sync/env';
import { memoryLocks } from '../../../src/app/sync/locks';
import type { Product } from '../../../src/shared/records/catalog';
import type { SessionResponse } from '../../../src/shared/api/login';
import { uuidv7 } from '../../../src/shared/uuidv7';
import type { InjectNetwork } from '../../support/inject-fetch';
import { injectNetwork } from '../../support/inject-fetch';
import { makeRegister } from '../../support/register-harness';
import type { TestServer } from '../../support/test-app';
import { testServer } from '../../support/test-app';
import { freshDbName, idbOptions, openDb } from '../../support/till-db';
import type { TillDb } from '../../../src/app/db/database';
import * as q from '../../../src/app/features/till-data-dexie-queries';

let server: TestServer;
let net: InjectNetwork;
let data: TillData;
let session: SessionResponse;
let registerId: string;
let dbName: string;
/** Another tab on the same database. */
let tab: TillDb;

beforeAll(async () => {
  server = await testServer();
  net = injectNetwork(server.app);
  registerId = await makeRegister(server);
  const deviceId = uuidv7();
  session = await login(net.fetch, '', { username: 'cashier1', password: 'demo', deviceId });
  dbName = freshDbName('till-data');
  data = createDexieTillData({
    deviceId,
    dbName,
    dbOptions: idbOptions,
    env: {
      fetch: net.fetch,
      baseUrl: '',
      now: Date.now,
      random: Math.random,
      timers: platformTimers,
    },
    locks: memoryLocks(),
    marker: memoryMarker(),
    connectivity: false,
  });
  await data.setSession(session);
});

afterAll(async () => {
  await data.setSession(null);
  tab.close();
  await server.close();
});

/** A register sells only inside an open shift: opens one (and pushes it) unless one is open. */
async function withShift(till: TillData, db: TillDb) {
  if (await openShiftOf(db)) return;
  await till.storeOps!.openShift({ openedBy: session.user.id, openingFloat: 10_000 });
  await till.syncNow();
}

async function sellTwo(products: Product[], rates: Map<string, number>, cash: { id: string }) {
  let cart = emptyCart;
  for (const p of products)
    cart = cartReducer(cart, { type: 'add', product: p, taxBasisPoints: rates.get(p.taxRateId)! });
  cart = cartReducer(cart, {
    type: 'orderDiscount',
    discount: { kind: 'percent', basisPoints: 1000 },
  });
  const draft = buildSale({
    id: uuidv7(),
    cart,
    store: { pricesIncludeTax: true, cashRounding: 1 },
    tenders: [{ id: uuidv7(), methodId: cash.id, kind: 'cash', amount: 100_00 }],
    cashierId: session.user.id,
  });
  if (!draft) throw new Error('the draft does not settle');
  return { draft, sale: await data.recordSale(draft) };
}

describe('the Dexie adapter of the till data port', () => {
  it('binds the register, brings the catalog in, sells, syncs, and wipes after a clean sync', async () => {
    const register = await data.bindRegister(registerId);
    expect(register.id).toBe(registerId);
    tab = await openDb(dbName);
    expect((await q.registerOf(tab))?.id).toBe(registerId);
    await data.syncNow();

    const info = (await q.catalogOf(tab))!;
    expect(info.ready).toBe(true);
    expect(info.store.code).toBe('S1');
    expect(info.paymentMethods.map((m) => m.kind).sort()).toEqual(['card', 'cash']);
    await withShift(data, tab);

    const hits = await data.searchProducts('bread', 5);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((p) => p.name.toLowerCase().includes('bread'))).toBe(true);
    const byCode = await data.productByBarcode(hits[0]!.barcodes[0]!);
    expect(byCode?.id).toBe(hits[0]!.id);
    const inCategory = await data.productsInCategory(hits[0]!.categoryId!);
    expect(inCategory.map((p) => p.id)).toContain(hits[0]!.id);

    const rates = new Map(info.taxRates.map((r) => [r.id, r.basisPoints]));
    const cash = info.paymentMethods.find((m) => m.kind === 'cash')!;
    const { draft, sale } = await sellTwo([hits[0]!, inCategory.at(-1)!], rates, cash);
    expect(sale.totals).toEqual(draft.totals);
    expect(sale.receiptNumber).toMatch(/^S1-T\d+X\d+-000001$/);
    expect(await data.unsyncedCount()).toEqual({ pending: 1, needsAttention: 0 });
    await expect(data.wipe()).rejects.toMatchObject({ kind: 'Unsynced' });
    expect((await q.salesToday(tab, new Date())).map((s) => s.syncState)).toEqual(['pending']);
    expect((await q.pendingSales(tab)).map((s) => s.sale.id)).toEqual([sale.id]);

    await data.syncNow();
    expect((await q.saleById(tab, sale.id))?.syncState).toBe('synced');
    const row = await server.db.query<{
      receipt_number: string;
      total: number;
      discount: number;
      tax: number;
    }>('select receipt_number, total, discount, tax from sales where id = $1', [sale.id]);
    expect(row.rows[0]).toEqual({
      receipt_number: sale.receiptNumber,
      total: sale.totals.total,
      discount: sale.totals.discount,
      tax: sale.totals.tax,
    });
    expect(data.syncStatus.get()).toMatchObject({ pending: 0, needsAttention: 0 });
    expect(data.syncStatus.get().lastSync).not.toBeNull();

    tab.close();
    await data.wipe();
    tab = await openDb(dbName);
    expect(await q.registerOf(tab)).toBeNull();
    expect(await q.catalogOf(tab)).toBeNull();
  });

  it('shows a refused sale in needs-attention with its reason, and a manager can discard it', async () => {
    await data.setSession(session);
    await data.bindRegister(registerId);
    await data.syncNow();
    await withShift(data, tab);
    const info = (await q.catalogOf(tab))!;
    const known = (await data.searchProducts('milk', 1))[0]!;
    const stranger: Product = { ...known, id: uuidv7(), name: 'Not in the catalog' };
    const cash = info.paymentMethods.find((m) => m.kind === 'cash')!;
    const { sale } = await sellTwo(
      [stranger],
      new Map(info.taxRates.map((r) => [r.id, r.basisPoints])),
      cash,
    );
    // The wipe took the counter with it; the pull gave it back, so numbers go on.
    expect(sale.receiptNumber).toMatch(/-000002$/);
    await data.syncNow();

    const items = await q.needsAttentionOf(tab);
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'sale.create',
        receiptNumber: sale.receiptNumber,
        errorKind: 'NotFound',
      }),
    ]);
    expect((await q.saleById(tab, sale.id))?.syncState).toBe('needs-attention');
    expect(await data.unsyncedCount()).toEqual({ pending: 0, needsAttention: 1 });
    expect((await data.exportPending()).needsAttention).toHaveLength(1);

    await data.discard(items[0]!.id, { reason: 'product unknown', approvedBy: uuidv7() });
    expect(await q.needsAttentionOf(tab)).toEqual([]);
    expect(await data.unsyncedCount()).toEqual({ pending: 0, needsAttention: 0 });
  });

  it('a new device taking the register over goes on with its receipt numbers', async () => {
    // As the app does it: the session arrives before the register is chosen.
    const deviceId = uuidv7();
    const name = freshDbName('till-data-2');
    const second = createDexieTillData({
      deviceId,
      dbName: name,
      dbOptions: idbOptions,
      env: {
        fetch: net.fetch,
        baseUrl: '',
        now: Date.now,
        random: Math.random,
        timers: platformTimers,
      },
      locks: memoryLocks(),
      marker: memoryMarker(),
      connectivity: false,
    });
    await second.setSession(
      await login(net.fetch, '', { username: 'cashier1', password: 'demo', deviceId }),
    );
    // A pull before the binding moves the cursor past the register's own sales, which the
    // server sends only to a device bound to it (and with them its last receipt number).
    await second.syncNow();
    await second.bindRegister(registerId);
    await second.syncNow();
    const other = await openDb(name);
    await withShift(second, other);
    const info = (await q.catalogOf(other))!;
    const product = (await second.searchProducts('bread', 1))[0]!;
    let cart = cartReducer(emptyCart, {
      type: 'add',
      product,
      taxBasisPoints: info.taxRates.find((r) => r.id === product.taxRateId)!.basisPoints,
    });
    cart = cartReducer(cart, {
      type: 'quantity',
      lineId: cart.lines[0]!.id,
      quantity: 2,
      by: 'cashier',
    });
    const draft = buildSale({
      id: uuidv7(),
      cart,
      store: info.store,
      tenders: [
        {
          id: uuidv7(),
          methodId: info.paymentMethods[0]!.id,
          kind: info.paymentMethods[0]!.kind,
          amount: product.price * 2,
        },
      ],
      cashierId: session.user.id,
    })!;
    const sale = await second.recordSale(draft);
    // 000001 is on the server from the first device (its 000002 was refused and never stored).
    expect(sale.receiptNumber).toMatch(/-000002$/);
    await second.syncNow();
    expect((await q.saleById(other, sale.id))?.syncState).toBe('synced');
    other.close();
    await second.setSession(null);
  });
});
