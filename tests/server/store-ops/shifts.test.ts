// Shifts on the server: opened and closed once by their device-made ids; cash movements in
// their shift; over/short above the store's limit needs a manager; a sale after the close stays
// in its shift and is flagged late; the Z report's recompute equals the register's to the cent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flagsResponse } from '../../../src/shared/api/flags';
import { uuidv7 } from '../../../src/shared/uuidv7';
import type { Sale } from '../../../src/shared/records/sale';
import type { TestServer } from '../../support/test-app';
import { testServer } from '../../support/test-app';
import type { Register } from '../../support/sync-fixtures';
import { signInRegister, wire } from '../../support/sync-fixtures';
import {
  cashMove,
  refundSale,
  registerTotals,
  saleWire,
  shiftClose,
  shiftOpen,
  zReport,
} from './fixtures';

let server: TestServer;
let cashier: Register;
let manager: Register;
let foreign: Register;
beforeAll(async () => {
  server = await testServer();
  cashier = await signInRegister(server, 'cashier1', 'R1');
  manager = await signInRegister(server, 'manager1', 'R2');
  foreign = await signInRegister(server, 'cashier2', 'R1');
});
afterAll(() => server.close());

const inShift = (sale: Sale, shiftId: string): Sale => ({ ...sale, shiftId });
const status = (r: { results: { status: string }[] }) => r.results.map((x) => x.status);

describe('a shift from open to Z report', () => {
  it('recomputes the Z totals from sales, a split tender, a refund and cash movements, equal to the cent', async () => {
    const open = shiftOpen(cashier, 10_000);
    const shiftId = (open.payload as { id: string }).id;
    const product = cashier.store.products[0];
    const second = cashier.store.products[1];
    if (!product || !second) throw new Error('products needed');
    const a = inShift(cashier.sale({ lines: [{ product, quantity: 2 }], pay: 'cash' }), shiftId);
    const b = inShift(cashier.sale({ lines: [{ product: second, quantity: 1 }] }), shiftId);
    const c = inShift(
      cashier.sale({
        lines: [
          { product, quantity: 1 },
          { product: second, quantity: 3 },
        ],
      }),
      shiftId,
    );
    // A split tender: part cash, part card.
    const total = c.totals.total;
    const [pay] = c.payments;
    if (!pay) throw new Error('no payment');
    c.payments = [
      { id: uuidv7(), methodId: cashier.store.cash, kind: 'cash', amount: 500 },
      { ...pay, amount: total - 500 },
    ];
    const refund = refundSale(cashier, a, [{ index: 0, quantity: 1 }], { pay: 'cash', shiftId });
    const sales: Sale[] = [a, b, c, refund];
    const moves = [
      { kind: 'in' as const, amount: 2_000 },
      { kind: 'out' as const, amount: 5_000 },
    ];
    const totals = registerTotals(10_000, sales, moves);
    const res = await cashier.push([
      open,
      ...sales.map((s) => saleWire(cashier, s)),
      ...moves.map((m) => cashMove(cashier, shiftId, m.kind, m.amount)),
      shiftClose(cashier, shiftId, totals, totals.expectedCash),
    ]);
    expect(status(res)).toEqual(new Array(res.results.length).fill('applied'));
    expect(totals.salesCount).toBe(3);
    expect(totals.refundsCount).toBe(1);

    const z = await zReport(server.app, manager.token, shiftId);
    expect(z.status).toBe(200);
    expect(z.body.serverTotals).toEqual(totals);
    expect(z.body.registerTotals).toEqual(totals);
    expect(z.body.differences).toEqual([]);
    expect(z.body.shift.totalsMatch).toBe(true);
    expect(z.body.shift.overShort).toBe(0);

    const list = await server.app.inject({
      method: 'GET',
      url: '/api/shifts',
      headers: { authorization: `Bearer ${manager.token}` },
    });
    expect(list.json<{ shifts: { id: string }[] }>().shifts.map((s) => s.id)).toContain(shiftId);
  });

  it('flags a register whose Z totals differ from what the server holds', async () => {
    const open = shiftOpen(cashier, 0);
    const shiftId = (open.payload as { id: string }).id;
    const sale = inShift(cashier.sale(), shiftId);
    const totals = registerTotals(0, [sale], []);
    const wrong = { ...totals, salesTotal: totals.salesTotal + 1 };
    await cashier.push([open, saleWire(cashier, sale), shiftClose(cashier, shiftId, wrong, 0)]);
    const z = await zReport(server.app, manager.token, shiftId);
    expect(z.body.shift.totalsMatch).toBe(false);
    expect(z.body.differences).toEqual(['salesTotal']);
  });
});

describe('over/short', () => {
  it('closes within the limit alone, and above it only with a manager of the store confirming', async () => {
    const limit = 1000;
    await server.db.query('update stores set over_short_limit = $2 where id = $1', [
      cashier.storeId,
      limit,
    ]);
    const open = shiftOpen(cashier, 5_000);
    const shiftId = (open.payload as { id: string }).id;
    await cashier.push([open]);
    const totals = registerTotals(5_000, [], []);
    const short = shiftClose(cashier, shiftId, totals, 5_000 - limit - 1);
    const rejected = await cashier.push([short]);
    expect(rejected.results[0]?.error?.kind).toBe('Forbidden');
    expect(rejected.results[0]?.error?.message).toMatch(/manager must confirm/);
    const byCashier = shiftClose(cashier, shiftId, totals, 5_000 - limit - 1, cashier.userId);
    expect((await cashier.push([byCashier])).results[0]?.error?.kind).toBe('Forbidden');
    const byForeignManager = await server.db.query<{ id: string }>(
      "select id from users where username = 'manager2'",
    );
    const foreignConfirm = shiftClose(
      cashier,
      shiftId,
      totals,
      5_000 - limit - 1,
      byForeignManager.rows[0]?.id,
    );
    expect((await cashier.push([foreignConfirm])).results[0]?.error?.kind).toBe('NotFound');
    const confirmed = shiftClose(cashier, shiftId, totals, 5_000 - limit - 1, manager.userId);
    expect(status(await cashier.push([confirmed]))).toEqual(['applied']);
    const z = await zReport(server.app, manager.token, shiftId);
    expect(z.body.shift.overShort).toBe(-limit - 1);
    expect(z.body.shift.confirmedBy).toBe(manager.userId);

    const open2 = shiftOpen(cashier, 0);
    const id2 = (open2.payload as { id: string }).id;
    const within = shiftClose(cashier, id2, registerTotals(0, [], []), limit);
    expect(status(await cashier.push([open2, within]))).toEqual(['applied', 'applied']);
  });

  it('refuses an over/short that is not the count minus the expected cash', async () => {
    const open = shiftOpen(cashier, 0);
    const shiftId = (open.payload as { id: string }).id;
    const close = shiftClose(cashier, shiftId, registerTotals(0, [], []), 100);
    const lying = { ...close, payload: { ...(close.payload as object), overShort: 0 } };
    const res = await cashier.push([open, lying]);
    expect(res.results[1]?.error?.kind).toBe('TotalsMismatch');
  });
});

describe('late sales', () => {
  it('keeps a sale that arrives after its shift closed in that shift and flags it late', async () => {
    const open = shiftOpen(cashier, 0);
    const shiftId = (open.payload as { id: string }).id;
    const early = inShift(cashier.sale(), shiftId);
    const late = inShift(cashier.sale(), shiftId);
    // The register counted both; the late one reaches the server after the close.
    const totals = registerTotals(0, [early, late], []);
    const close = shiftClose(cashier, shiftId, totals, 0);
    await cashier.push([open, saleWire(cashier, early)]);
    await cashier.push([close]);
    expect(status(await cashier.push([saleWire(cashier, late)]))).toEqual(['applied']);

    const row = await server.db.query<{ shift_id: string; late: boolean }>(
      'select shift_id, late from sales where id = $1',
      [late.id],
    );
    expect(row.rows[0]).toEqual({ shift_id: shiftId, late: true });
    const flags = await server.app.inject({
      method: 'GET',
      url: '/api/sync/flags?kind=late',
      headers: { authorization: `Bearer ${manager.token}` },
    });
    expect(flags.json<{ flags: { saleId: string; shiftId: string }[] }>().flags).toContainEqual(
      expect.objectContaining({ saleId: late.id, shiftId, kind: 'late' }),
    );
    const z = await zReport(server.app, manager.token, shiftId);
    expect(z.body.lateSales).toBe(1);
    expect(z.body.serverTotals).toEqual(totals);
    expect(z.body.differences).toEqual([]);
  });
});

describe('flags for managers', () => {
  it('lists oversell, price drift and late flags in one answer the app parses', async () => {
    // The stock screen asks without a kind and parses with the shared schema.
    const tracked = cashier.store.products.find((p) => p.stockTracked);
    if (!tracked) throw new Error('no stock-tracked product');
    const open = shiftOpen(cashier, 0);
    const shiftId = (open.payload as { id: string }).id;
    const drift = inShift(
      cashier.sale({
        lines: [{ product: tracked, quantity: 100_000, unitPrice: tracked.price + 1 }],
      }),
      shiftId,
    );
    const late = inShift(cashier.sale(), shiftId);
    await cashier.push([open, saleWire(cashier, drift)]);
    await cashier.push([
      shiftClose(cashier, shiftId, registerTotals(0, [drift, late], []), 0, manager.userId),
    ]);
    await cashier.push([saleWire(cashier, late)]);
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/sync/flags',
      headers: { authorization: `Bearer ${manager.token}` },
    });
    const { flags } = flagsResponse.parse(res.json());
    const mine = flags.filter((f) => f.saleId === drift.id || f.saleId === late.id);
    // The late sale may oversell too (the same product): each kind at least once.
    expect([...new Set(mine.map((f) => f.kind))].sort()).toEqual([
      'late',
      'oversell',
      'priceDrift',
    ]);
  });
});

describe('idempotency', () => {
  it('answers a retry of open, cash movement and close as duplicate and stores each once', async () => {
    const open = shiftOpen(cashier, 1_000);
    const shiftId = (open.payload as { id: string }).id;
    const move = cashMove(cashier, shiftId, 'out', 300);
    const close = shiftClose(
      cashier,
      shiftId,
      registerTotals(1_000, [], [{ kind: 'out', amount: 300 }]),
      700,
    );
    expect(status(await cashier.push([open, move, close]))).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
    expect(status(await cashier.push([open, move, close]))).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
    // The same records under new mutation ids (a re-push after a restore) change nothing either.
    const again = [open, move, close].map((m) => ({ ...m, id: uuidv7(), seq: cashier.next.seq++ }));
    expect(status(await cashier.push(again))).toEqual(['duplicate', 'duplicate', 'duplicate']);
    const moves = await server.db.query('select 1 from cash_movements where shift_id = $1', [
      shiftId,
    ]);
    expect(moves.rows).toHaveLength(1);
  });

  it('refuses a different close of a shift closed already as Conflict', async () => {
    const open = shiftOpen(cashier, 0);
    const shiftId = (open.payload as { id: string }).id;
    await cashier.push([open, shiftClose(cashier, shiftId, registerTotals(0, [], []), 0)]);
    const other = shiftClose(cashier, shiftId, registerTotals(0, [], []), 5);
    expect((await cashier.push([other])).results[0]?.error?.kind).toBe('Conflict');
  });
});

describe('scope and roles', () => {
  it("refuses another register's or store's shift, cash for an unknown shift, and Z reports to cashiers", async () => {
    const open = shiftOpen(cashier, 0);
    const shiftId = (open.payload as { id: string }).id;
    await cashier.push([open]);
    const onOther = { ...open, id: uuidv7(), seq: manager.next.seq++ };
    const res = await manager.push([
      { ...onOther, payload: { ...(open.payload as object), id: uuidv7() } },
    ]);
    expect(res.results[0]?.error?.kind).toBe('Forbidden');
    const otherStore = shiftOpen(foreign, 0);
    const crossed = {
      ...otherStore,
      payload: { ...(otherStore.payload as object), storeId: cashier.storeId },
    };
    expect((await foreign.push([crossed])).results[0]?.error?.kind).toBe('Forbidden');
    const closeFromOther = shiftClose(manager, shiftId, registerTotals(0, [], []), 0);
    expect((await manager.push([closeFromOther])).results[0]?.error?.kind).toBe('Forbidden');
    const lost = cashMove(cashier, uuidv7(), 'in', 100);
    expect((await cashier.push([lost])).results[0]?.error?.kind).toBe('NotFound');
    const bad = wire('cash.move', { shiftId, amount: -5 }, cashier.next.seq++);
    expect((await cashier.push([bad])).results[0]?.error?.kind).toBe('InvalidMutation');

    expect((await zReport(server.app, cashier.token, shiftId)).status).toBe(403);
    expect((await zReport(server.app, foreign.token, shiftId)).status).toBe(403);
    const mgr2 = await server.login('manager2');
    expect((await zReport(server.app, mgr2.token, shiftId)).status).toBe(404);
  });
});
