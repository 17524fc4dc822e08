// Voided sales are recorded once and counted in their shift; parked orders are shared records
// the server keeps, where a resumed or cancelled order stays so whatever an older copy says.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParkedOrder } from '../../../src/shared/records/parked-order';
import { uuidv7 } from '../../../src/shared/uuidv7';
import type { TestServer } from '../../support/test-app';
import { testServer } from '../../support/test-app';
import type { Register } from '../../support/sync-fixtures';
import { signInRegister, wire } from '../../support/sync-fixtures';
import { registerTotals, shiftClose, shiftOpen, zReport } from './fixtures';

let server: TestServer;
let cashier: Register;
let manager: Register;
beforeAll(async () => {
  server = await testServer();
  cashier = await signInRegister(server, 'cashier1', 'R1');
  manager = await signInRegister(server, 'manager1', 'R2');
});
afterAll(() => server.close());

const product = () => {
  const p = cashier.store.products[0];
  if (!p) throw new Error('no product');
  return p;
};

const voidOf = (shiftId: string | null) =>
  wire(
    'sale.void',
    {
      id: uuidv7(),
      storeId: cashier.storeId,
      registerId: cashier.registerId,
      shiftId,
      cashierId: cashier.userId,
      deviceTime: new Date().toISOString(),
      reason: 'customer left',
      lines: [{ productId: product().id, name: product().name, quantity: 2, unitPrice: 150 }],
      total: 300,
    },
    cashier.next.seq++,
  );

describe('sale.void', () => {
  it('records a voided sale once, and counts it in its shift', async () => {
    const open = shiftOpen(cashier, 0);
    const shiftId = (open.payload as { id: string }).id;
    const v = voidOf(shiftId);
    const res = await cashier.push([open, v]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((await cashier.push([v])).results[0]?.status).toBe('duplicate');
    const again = { ...v, id: uuidv7(), seq: cashier.next.seq++ };
    expect((await cashier.push([again])).results[0]?.status).toBe('duplicate');
    const rows = await server.db.query('select 1 from sale_voids where shift_id = $1', [shiftId]);
    expect(rows.rows).toHaveLength(1);

    const totals = registerTotals(0, [], [], 1);
    await cashier.push([shiftClose(cashier, shiftId, totals, 0)]);
    const z = await zReport(server.app, manager.token, shiftId);
    expect(z.body.serverTotals.voidedSales).toBe(1);
    expect(z.body.differences).toEqual([]);
  });

  it("refuses a void for another register's till", async () => {
    const v = voidOf(null);
    const res = await manager.push([{ ...v, seq: manager.next.seq++ }]);
    expect(res.results[0]?.error?.kind).toBe('Forbidden');
  });
});

describe('parked.upsert', () => {
  const parked = (over: Partial<ParkedOrder> = {}): ParkedOrder => ({
    id: uuidv7(),
    storeId: cashier.storeId,
    registerId: cashier.registerId,
    shiftId: null,
    parkedBy: cashier.userId,
    parkedAt: new Date().toISOString(),
    note: 'table 4',
    status: 'parked',
    lines: [
      { productId: product().id, name: product().name, quantity: 1, unitPrice: 100, discount: 0 },
    ],
    orderDiscount: 0,
    hlc: '000000000000001:0000:a',
    ...over,
  });
  const push = (order: ParkedOrder) =>
    cashier.push([wire('parked.upsert', order, cashier.next.seq++)]);
  const stored = async (id: string) =>
    (
      await server.db.query<{ status: string; record: ParkedOrder }>(
        'select status, record from parked_orders where id = $1',
        [id],
      )
    ).rows[0];

  it('keeps a parked order, takes a newer note, and never undoes a cancel', async () => {
    const order = parked();
    expect((await push(order)).results[0]?.status).toBe('applied');
    const renamed = { ...order, note: 'table 5', hlc: '000000000000002:0000:a' };
    expect((await push(renamed)).results[0]?.status).toBe('applied');
    expect((await stored(order.id))?.record.note).toBe('table 5');

    const cancelled = { ...renamed, status: 'cancelled' as const, hlc: '000000000000003:0000:a' };
    expect((await push(cancelled)).results[0]?.status).toBe('applied');
    // A later edit of a copy that was still parked loses to the cancel.
    const stale = { ...renamed, note: 'table 6', hlc: '000000000000009:0000:a' };
    const res = await push(stale);
    expect(res.results[0]?.status).toBe('merged');
    expect((res.results[0]?.record as ParkedOrder).status).toBe('cancelled');
    expect((await stored(order.id))?.status).toBe('cancelled');
  });

  it('answers an older copy as merged and refuses another register', async () => {
    const order = parked({ hlc: '000000000000005:0000:a' });
    await push(order);
    const older = { ...order, note: 'old', hlc: '000000000000004:0000:a' };
    expect((await push(older)).results[0]?.status).toBe('merged');
    expect((await stored(order.id))?.record.note).toBe('table 4');
    const res = await manager.push([
      wire('parked.upsert', { ...order, registerId: manager.registerId }, manager.next.seq++),
    ]);
    expect(res.results[0]?.error?.kind).toBe('Forbidden');
  });
});
