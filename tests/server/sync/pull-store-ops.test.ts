// Shifts and parked orders come back to their register by pull: a reinstalled register, or the
// register's other device, gets its open shift (with its cash movements and voids) and its
// parked orders. Another register of the store and another store see none of them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change, PulledShift } from '../../../src/shared/api/pull';
import { pulledShift } from '../../../src/shared/api/pull';
import { digestResponse } from '../../../src/shared/api/digest';
import { parkedOrder } from '../../../src/shared/records/parked-order';
import type { ParkedOrder } from '../../../src/shared/records/parked-order';
import { uuidv7 } from '../../../src/shared/uuidv7';
import type { TestServer } from '../../support/test-app';
import { testServer } from '../../support/test-app';
import type { Register } from '../../support/sync-fixtures';
import { pullAll, signInRegister, wire } from '../../support/sync-fixtures';
import { cashMove, registerTotals, shiftClose, shiftOpen } from '../store-ops/fixtures';

let server: TestServer;
let r1: Register;
/** The same register on its replacement device (a reinstall): binding it unbinds r1. */
let r1Again: Register;
let r2: Register;
let s2: Register;
beforeAll(async () => {
  server = await testServer();
  r1 = await signInRegister(server, 'cashier1', 'R1');
  r2 = await signInRegister(server, 'cashier1', 'R2', uuidv7());
  s2 = await signInRegister(server, 'cashier2', 'R1');
});
afterAll(() => server.close());

const parked = (
  reg: Register,
  shiftId: string | null,
  status: ParkedOrder['status'] = 'parked',
) => {
  const p = reg.store.products[0];
  if (!p) throw new Error('no product');
  const order: ParkedOrder = {
    id: uuidv7(),
    storeId: reg.storeId,
    registerId: reg.registerId,
    shiftId,
    parkedBy: reg.userId,
    parkedAt: new Date().toISOString(),
    note: 'back in five',
    status,
    lines: [{ productId: p.id, name: p.name, quantity: 2, unitPrice: p.price, discount: 0 }],
    orderDiscount: 0,
    customerId: null,
    hlc: `${Date.now().toString().padStart(15, '0')}:0000:test`,
  };
  return order;
};

const voidIn = (reg: Register, shiftId: string) =>
  wire(
    'sale.void',
    {
      id: uuidv7(),
      storeId: reg.storeId,
      registerId: reg.registerId,
      shiftId,
      cashierId: reg.userId,
      deviceTime: new Date().toISOString(),
      lines: [],
      total: 0,
    },
    reg.next.seq++,
  );

const of = (changes: Change[], entity: string) => changes.filter((c) => c.entity === entity);
const shiftIn = (changes: Change[], id: string): PulledShift | undefined => {
  const c = of(changes, 'shifts').find((x) => x.id === id);
  return c ? pulledShift.parse(c.data) : undefined;
};

describe('pulling shifts and parked orders', () => {
  let shiftId = '';
  let order: ParkedOrder;
  let cursor = '';

  it("brings the register's open shift with its cash and voids, and its parked orders", async () => {
    const open = shiftOpen(r1, 5000);
    shiftId = (open.payload as { id: string }).id;
    order = parked(r1, shiftId);
    const res = await r1.push([
      open,
      cashMove(r1, shiftId, 'in', 700),
      voidIn(r1, shiftId),
      wire('parked.upsert', order, r1.next.seq++),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);

    r1Again = await signInRegister(server, 'manager1', 'R1', uuidv7());
    const first = await pullAll(r1Again);
    cursor = first.cursor;
    const shift = shiftIn(first.changes, shiftId);
    expect(shift).toMatchObject({ id: shiftId, openingFloat: 5000, close: null });
    expect(shift?.cashMovements.map((m) => [m.kind, m.amount])).toEqual([['in', 700]]);
    expect(shift?.voids).toHaveLength(1);
    const orders = of(first.changes, 'parkedOrders');
    expect(orders.map((c) => c.id)).toEqual([order.id]);
    expect(parkedOrder.parse(orders[0]?.data)).toEqual(order);
  });

  it('sends the shift again when a movement is stored in it, and when it closes', async () => {
    // The replacement device goes on in the shift it got back.
    await r1Again.push([cashMove(r1Again, shiftId, 'out', 200)]);
    const next = await pullAll(r1Again, cursor);
    expect(shiftIn(next.changes, shiftId)?.cashMovements.map((m) => m.amount)).toEqual([700, 200]);

    const totals = registerTotals(
      5000,
      [],
      [
        { kind: 'in', amount: 700 },
        { kind: 'out', amount: 200 },
      ],
      1,
    );
    const res = await r1Again.push([
      shiftClose(r1Again, shiftId, totals, totals.expectedCash),
      wire(
        'parked.upsert',
        { ...order, status: 'resumed', hlc: `${order.hlc}1` },
        r1Again.next.seq++,
      ),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const after = await pullAll(r1Again, next.cursor);
    expect(shiftIn(after.changes, shiftId)?.close).toMatchObject({
      id: shiftId,
      countedCash: totals.expectedCash,
    });
    expect(of(after.changes, 'parkedOrders').map((c) => (c.data as ParkedOrder).status)).toEqual([
      'resumed',
    ]);
  });

  it('shows nothing of them to another register of the store or to another store', async () => {
    // r1's old device is no longer bound to the register: it sees none either.
    for (const other of [r2, s2, r1]) {
      const { changes } = await pullAll(other);
      expect(of(changes, 'shifts')).toEqual([]);
      expect(of(changes, 'parkedOrders')).toEqual([]);
    }
    const mine = await pullAll(r1Again);
    expect(of(mine.changes, 'shifts').map((c) => c.id)).toContain(shiftId);
  });

  it('digests shifts and parked orders per register, like the pull', async () => {
    const digest = async (reg: Register, entity: string) => {
      const res = await server.app.inject({
        method: 'GET',
        url: `/api/sync/digest?entity=${entity}`,
        headers: { authorization: `Bearer ${reg.token}` },
      });
      return digestResponse.parse(res.json());
    };
    const pulled = await pullAll(r1Again);
    for (const entity of ['shifts', 'parkedOrders']) {
      expect((await digest(r1Again, entity)).count).toBe(of(pulled.changes, entity).length);
      expect((await digest(r2, entity)).count).toBe(0);
    }
  });
});
