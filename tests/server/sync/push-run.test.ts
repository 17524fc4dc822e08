// A run of plain sales in one batch is applied as a set (src/server/sync/apply-sale-run.ts).
// Each sale must get the answer it would get alone: refusals, duplicates, oversell flags in
// push order, late sales around a close in the same batch, and a value the database cannot
// store, which sends the run back to one-by-one without losing the good sales.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/shared/uuidv7';
import type { Sale } from '../../../src/shared/records/sale';
import type { TestServer } from '../../support/test-app';
import { testServer } from '../../support/test-app';
import type { FixtureProduct, Register } from '../../support/sync-fixtures';
import { signInRegister, wire } from '../../support/sync-fixtures';
import { registerTotals, saleWire, shiftClose, shiftOpen } from '../store-ops/fixtures';

let server: TestServer;
let cashier: Register;
let other: Register;
let manager: Register;
let tracked: FixtureProduct;
beforeAll(async () => {
  server = await testServer();
  cashier = await signInRegister(server, 'cashier1', 'R1');
  manager = await signInRegister(server, 'manager1', 'R2');
  other = await signInRegister(server, 'cashier1', 'R2');
  const product = cashier.store.products.find((p) => p.stockTracked);
  if (!product) throw new Error('no stock-tracked product');
  tracked = product;
});
afterAll(() => server.close());

const answers = (r: { results: { status: string; error?: { kind: string } | undefined }[] }) =>
  r.results.map((x) => (x.error ? `${x.status} ${x.error.kind}` : x.status));

async function storedSales(ids: string[]) {
  const r = await server.db.query<{ id: string }>(
    'select id from sales where id = any($1::uuid[]) order by id',
    [ids],
  );
  return r.rows.map((row) => row.id);
}

it('answers every sale of a run as it would be answered alone, and stores only the good ones', async () => {
  const stored = cashier.sale();
  expect(answers(await cashier.push([saleWire(cashier, stored)]))).toEqual(['applied']);

  const good = cashier.sale();
  const badTotals = cashier.sale();
  badTotals.totals = { ...badTotals.totals, total: badTotals.totals.total + 1 };
  const otherRegister = other.sale();
  const unknownProduct = cashier.sale();
  unknownProduct.lines = unknownProduct.lines.map((l) => ({ ...l, productId: uuidv7() }));
  const takenNumber: Sale = { ...cashier.sale(), receiptNumber: stored.receiptNumber };
  const last = cashier.sale();
  const batch = [
    saleWire(cashier, good),
    saleWire(cashier, badTotals),
    saleWire(cashier, otherRegister),
    saleWire(cashier, unknownProduct),
    saleWire(cashier, takenNumber),
    // The stored sale again under a new mutation id: the sale is there already.
    saleWire(cashier, stored),
    saleWire(cashier, last),
  ];
  const result = await cashier.push(batch);
  expect(answers(result)).toEqual([
    'applied',
    'rejected TotalsMismatch',
    'rejected Forbidden',
    'rejected NotFound',
    'rejected Conflict',
    'duplicate',
    'applied',
  ]);
  expect(result.results.map((r) => r.id)).toEqual(batch.map((m) => m.id));
  expect(
    await storedSales([good.id, badTotals.id, otherRegister.id, takenNumber.id, last.id]),
  ).toEqual([good.id, last.id].sort());

  // The whole batch again: every answer comes from what was stored.
  expect(answers(await cashier.push(batch))).toEqual([
    'duplicate',
    'rejected TotalsMismatch',
    'rejected Forbidden',
    'rejected NotFound',
    'rejected Conflict',
    'duplicate',
    'duplicate',
  ]);
  const seqs = await server.db.query<{ contiguous: number; max_seq: number }>(
    'select contiguous, max_seq from device_seq where device_id = $1',
    [cashier.deviceId],
  );
  expect(seqs.rows[0]).toEqual({ contiguous: cashier.next.seq - 1, max_seq: cashier.next.seq - 1 });
});

it('flags oversell at the sale that takes the level below zero, in push order', async () => {
  const count = wire(
    'stock.count',
    {
      id: uuidv7(),
      storeId: manager.storeId,
      countedBy: manager.userId,
      deviceTime: new Date().toISOString(),
      lines: [{ productId: tracked.id, counted: 3 }],
    },
    manager.next.seq++,
  );
  expect(answers(await manager.push([count]))).toEqual(['applied']);
  const first = cashier.sale({ lines: [{ product: tracked, quantity: 2 }] });
  const second = cashier.sale({ lines: [{ product: tracked, quantity: 2 }] });
  const third = cashier.sale({ lines: [{ product: tracked, quantity: 1 }] });
  const result = await cashier.push([first, second, third].map((s) => saleWire(cashier, s)));
  expect(answers(result)).toEqual(['applied', 'applied', 'applied']);

  const flags = await server.db.query<{ sale_id: string; details: { onHandAfter: number } }>(
    `select sale_id, details from sale_flags where kind = 'oversell' and sale_id = any($1::uuid[])`,
    [[first.id, second.id, third.id]],
  );
  expect(flags.rows.map((f) => [f.sale_id, f.details.onHandAfter]).sort()).toEqual(
    [
      [second.id, -1],
      [third.id, -2],
    ].sort(),
  );
  const level = await server.db.query<{ on_hand: number }>(
    'select on_hand from stock_levels where store_id = $1 and product_id = $2',
    [cashier.storeId, tracked.id],
  );
  expect(level.rows[0]?.on_hand).toBe(-2);
});

it('keeps batch order around a close: the sale before it is on time, the one after is late', async () => {
  const open = shiftOpen(cashier, 0);
  const shiftId = (open.payload as { id: string }).id;
  const before = { ...cashier.sale(), shiftId };
  const after = { ...cashier.sale(), shiftId };
  // Seqs in batch order: open, before, close, after.
  const beforeWire = saleWire(cashier, before);
  const close = shiftClose(cashier, shiftId, registerTotals(0, [before, after], []), 0);
  const wires = [open, beforeWire, close, saleWire(cashier, after)];
  expect(answers(await cashier.push(wires))).toEqual(['applied', 'applied', 'applied', 'applied']);
  const late = await server.db.query<{ id: string; late: boolean }>(
    'select id, late from sales where id = any($1::uuid[])',
    [[before.id, after.id]],
  );
  expect(Object.fromEntries(late.rows.map((r) => [r.id, r.late]))).toEqual({
    [before.id]: false,
    [after.id]: true,
  });
});

it('falls back to one by one when the database refuses a value, and keeps the good sales', async () => {
  const good = cashier.sale();
  const nul = cashier.sale();
  nul.lines = nul.lines.map((l) => ({ ...l, name: 'Tea\u0000bags' }));
  const alsoGood = cashier.sale();
  const result = await cashier.push([good, nul, alsoGood].map((s) => saleWire(cashier, s)));
  expect(answers(result)).toEqual(['applied', 'rejected InvalidMutation', 'applied']);
  expect(await storedSales([good.id, nul.id, alsoGood.id])).toEqual([good.id, alsoGood.id].sort());
});

it('applies one by one a run that holds the same receipt number twice: the second is a Conflict', async () => {
  const first = cashier.sale();
  const twin: Sale = { ...cashier.sale(), receiptNumber: first.receiptNumber };
  expect(answers(await cashier.push([first, twin].map((s) => saleWire(cashier, s))))).toEqual([
    'applied',
    'rejected Conflict',
  ]);
});
