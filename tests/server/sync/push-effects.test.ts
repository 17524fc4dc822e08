// What applied mutations leave behind: stock as the sum of movements, flags for managers,
// customers merged per field, seq gaps per device, and the epoch in every answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncDevicesResponse } from '../../../src/shared/api/devices-gaps';
import { flagsResponse } from '../../../src/shared/api/flags';
import type { SaleFlag } from '../../../src/shared/api/flags';
import { uuidv7 } from '../../../src/shared/uuidv7';
import type { TestServer } from '../../support/test-app';
import { testServer } from '../../support/test-app';
import type { FixtureProduct, Register } from '../../support/sync-fixtures';
import { registerApi, signInRegister, wire } from '../../support/sync-fixtures';

let server: TestServer;
let cashier: Register;
let manager: Register;
let tracked: FixtureProduct;
beforeAll(async () => {
  server = await testServer();
  cashier = await signInRegister(server, 'cashier1', 'R1');
  manager = await signInRegister(server, 'manager1', 'R2');
  const product = cashier.store.products.find((p) => p.stockTracked);
  if (!product) throw new Error('no stock-tracked product');
  tracked = product;
});
afterAll(() => server.close());

async function onHand(productId: string) {
  const r = await server.db.query<{ on_hand: number; moved: number }>(
    `select l.on_hand,
            (select coalesce(sum(delta), 0)::bigint from stock_movements m
              where m.store_id = l.store_id and m.product_id = l.product_id) as moved
       from stock_levels l where l.store_id = $1 and l.product_id = $2`,
    [cashier.storeId, productId],
  );
  const row = r.rows[0];
  if (!row) return null;
  expect(row.on_hand).toBe(row.moved);
  return row.on_hand;
}

const count = (lines: { productId: string; counted: number }[]) =>
  wire(
    'stock.count',
    {
      id: uuidv7(),
      storeId: manager.storeId,
      countedBy: manager.userId,
      deviceTime: new Date().toISOString(),
      lines,
    },
    manager.next.seq++,
  );

async function flags(token: string, kind?: string) {
  const res = await server.app.inject({
    method: 'GET',
    url: `/api/sync/flags${kind ? `?kind=${kind}` : ''}`,
    headers: { authorization: `Bearer ${token}` },
  });
  return res;
}

describe('stock', () => {
  it('a manager count sets the level; sales take from it; the level is the sum of movements', async () => {
    const counted = await manager.push([count([{ productId: tracked.id, counted: 10 }])]);
    expect(counted.results[0]?.status).toBe('applied');
    expect(await onHand(tracked.id)).toBe(10);
    await cashier.push([cashier.saleMutation({ lines: [{ product: tracked, quantity: 3 }] })]);
    expect(await onHand(tracked.id)).toBe(7);
    const refund = cashier.saleMutation({ lines: [{ product: tracked, quantity: -1 }] });
    expect((await cashier.push([refund])).results[0]?.status).toBe('applied');
    expect(await onHand(tracked.id)).toBe(8);
  });

  it("refuses a cashier's stock count as Forbidden", async () => {
    const m = count([{ productId: tracked.id, counted: 99 }]);
    const res = await cashier.push([{ ...m, seq: cashier.next.seq++ }]);
    expect(res.results[0]?.error?.kind).toBe('Forbidden');
    expect(await onHand(tracked.id)).toBe(8);
  });

  it('books no movement for products that are not stock-tracked', async () => {
    const untracked = cashier.store.products.find((p) => !p.stockTracked);
    if (!untracked) throw new Error('no untracked product');
    await cashier.push([cashier.saleMutation({ lines: [{ product: untracked, quantity: 2 }] })]);
    expect(await onHand(untracked.id)).toBeNull();
  });
});

describe('flags', () => {
  it('applies an oversell and a price drift, and lists both for managers only', async () => {
    await manager.push([count([{ productId: tracked.id, counted: 1 }])]);
    const oversell = cashier.sale({ lines: [{ product: tracked, quantity: 3 }] });
    const drift = cashier.sale({
      lines: [{ product: tracked, quantity: -1, unitPrice: tracked.price + 50 }],
    });
    const res = await cashier.push([
      wire('sale.create', oversell, cashier.next.seq++),
      wire('sale.create', drift, cashier.next.seq++),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(await onHand(tracked.id)).toBe(-1);

    const list = flagsResponse.parse((await flags(manager.token)).json()).flags;
    const bySale = (id: string) => list.filter((f) => f.saleId === id);
    expect(bySale(oversell.id)).toEqual([
      expect.objectContaining<Partial<SaleFlag>>({
        kind: 'oversell',
        productId: tracked.id,
        quantity: 3,
        onHandAfter: -2,
        receiptNumber: oversell.receiptNumber,
      }),
    ]);
    expect(bySale(drift.id)).toEqual([
      expect.objectContaining({
        kind: 'priceDrift',
        lineId: drift.lines[0]?.id,
        catalogPrice: tracked.price,
        soldPrice: tracked.price + 50,
      }),
    ]);
    const onlyDrift = flagsResponse.parse((await flags(manager.token, 'priceDrift')).json());
    expect(onlyDrift.flags.every((f) => f.kind === 'priceDrift')).toBe(true);
    expect((await flags(cashier.token)).statusCode).toBe(403);
    const other = await server.login('manager2');
    expect(flagsResponse.parse((await flags(other.token)).json()).flags).toEqual([]);
  });
});

describe('customers', () => {
  const upsert = (reg: Register, id: string, fields: object, stamp: string) =>
    wire(
      'customer.upsert',
      {
        id,
        storeId: reg.storeId,
        fields,
        stamps: Object.fromEntries(Object.keys(fields).map((f) => [f, stamp])),
      },
      reg.next.seq++,
    );

  it('creates, takes newer fields, and answers merged with the record when a field lost', async () => {
    const id = uuidv7();
    const created = await cashier.push([
      upsert(
        cashier,
        id,
        { name: 'Ada', email: 'ada@example.com', phone: null, note: null },
        '002',
      ),
    ]);
    expect(created.results[0]?.status).toBe('applied');
    const newer = await manager.push([upsert(manager, id, { phone: '555' }, '003')]);
    expect(newer.results[0]?.status).toBe('applied');
    const older = await cashier.push([upsert(cashier, id, { email: 'old@example.com' }, '001')]);
    expect(older.results[0]).toMatchObject({
      status: 'merged',
      record: { id, name: 'Ada', email: 'ada@example.com', phone: '555' },
    });
  });

  it('refuses a new customer without a name, and a customer of another store', async () => {
    const res = await cashier.push([
      upsert(cashier, uuidv7(), { email: 'x@example.com' }, '001'),
      wire(
        'customer.upsert',
        { id: uuidv7(), storeId: uuidv7(), fields: { name: 'Eve' }, stamps: { name: '1' } },
        cashier.next.seq++,
      ),
    ]);
    expect(res.results.map((r) => r.error?.kind)).toEqual(['InvalidMutation', 'Forbidden']);
  });
});

describe('seq gaps and the epoch', () => {
  it('lists a device whose seqs have a hole, until the hole is filled', async () => {
    // A device bound to no register (binding would take R1 over from `cashier`): customers.
    const s = await server.login('cashier1');
    const reg = registerApi(server.app, {
      ...s,
      registerId: '',
      registerCode: '',
      store: cashier.store,
    });
    const m = Array.from({ length: 6 }, (_, i) =>
      wire(
        'customer.upsert',
        { id: uuidv7(), storeId: s.storeId, fields: { name: `C${i}` }, stamps: { name: '1' } },
        i + 1,
      ),
    );
    await reg.push([m[0], m[1], m[4], m[5]].flatMap((x) => (x ? [x] : [])));
    const devices = async () =>
      syncDevicesResponse
        .parse(
          (
            await server.app.inject({
              method: 'GET',
              url: '/api/sync/devices',
              headers: { authorization: `Bearer ${manager.token}` },
            })
          ).json(),
        )
        .devices.find((d) => d.deviceId === reg.deviceId);
    expect(await devices()).toMatchObject({
      registerId: null,
      contiguousSeq: 2,
      maxSeq: 6,
      gaps: [{ from: 3, to: 4 }],
      missing: 2,
    });
    await reg.push([m[3], m[2]].flatMap((x) => (x ? [x] : [])));
    expect(await devices()).toMatchObject({ contiguousSeq: 6, maxSeq: 6, gaps: [], missing: 0 });
    const asCashier = await server.app.inject({
      method: 'GET',
      url: '/api/sync/devices',
      headers: { authorization: `Bearer ${cashier.token}` },
    });
    expect(asCashier.statusCode).toBe(403);
  });

  it('carries the epoch, and says epochChanged when the request carried another', async () => {
    const health = (await server.app.inject({ method: 'GET', url: '/api/health' })).json<{
      epoch: string;
    }>();
    const same = await cashier.push([cashier.saleMutation()], { epoch: health.epoch });
    expect(same.epoch).toBe(health.epoch);
    expect(same.epochChanged).toBeUndefined();
    const restored = await cashier.push([cashier.saleMutation()], { epoch: uuidv7() });
    expect(restored).toMatchObject({ epoch: health.epoch, epochChanged: true });
    expect(restored.results[0]?.status).toBe('applied');
  });
});
