// POST /api/sync/push: every mutation applied exactly once, each judged on its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushResponse } from '../../../src/shared/api/push';
import { uuidv7 } from '../../../src/shared/uuidv7';
import type { TestServer } from '../../support/test-app';
import { testServer } from '../../support/test-app';
import type { Register } from '../../support/sync-fixtures';
import { makeSale, signInRegister, storeFixture, wire } from '../../support/sync-fixtures';

let server: TestServer;
let r1: Register;
beforeAll(async () => {
  server = await testServer();
  r1 = await signInRegister(server, 'cashier1', 'R1');
});
afterAll(() => server.close());

async function count(table: string, where = 'true', params: unknown[] = []) {
  const r = await server.db.query<{ n: number }>(
    `select count(*)::int as n from ${table} where ${where}`,
    params,
  );
  return r.rows[0]?.n ?? -1;
}

const saleCount = (ids: string[]) => count('sales', 'id = any($1::uuid[])', [ids]);

describe('idempotency', () => {
  it('applies a batch once; the same batch again answers duplicate and stores nothing twice', async () => {
    const batch = [r1.saleMutation(), r1.saleMutation({ pay: 'cash' }), r1.saleMutation()];
    const saleIds = batch.map((m) => (m.payload as { id: string }).id);
    const first = pushResponse.parse(await r1.push(batch));
    expect(first.results.map((r) => [r.id, r.status])).toEqual(batch.map((m) => [m.id, 'applied']));
    const lines = await count('sale_lines', 'sale_id = any($1::uuid[])', [saleIds]);
    const moves = await count('stock_movements', 'sale_id = any($1::uuid[])', [saleIds]);

    const second = await r1.push(batch);
    expect(second.results.map((r) => [r.id, r.status])).toEqual(
      batch.map((m) => [m.id, 'duplicate']),
    );
    expect(await saleCount(saleIds)).toBe(3);
    expect(await count('sale_lines', 'sale_id = any($1::uuid[])', [saleIds])).toBe(lines);
    expect(await count('stock_movements', 'sale_id = any($1::uuid[])', [saleIds])).toBe(moves);
    expect(
      await count('applied_mutations', 'mutation_id = any($1::uuid[])', [batch.map((m) => m.id)]),
    ).toBe(3);
  });

  it('answers the same content under a new key order as duplicate (the hash is canonical)', async () => {
    const m = r1.saleMutation();
    await r1.push([m]);
    const reordered = Object.fromEntries(Object.entries(m.payload as object).reverse());
    const res = await r1.push([{ ...m, payload: reordered }]);
    expect(res.results[0]?.status).toBe('duplicate');
  });

  it('rejects a reused mutation id with other content as MutationIdReuse and keeps the original', async () => {
    const m = r1.saleMutation();
    await r1.push([m]);
    const other = { ...m, payload: { ...(m.payload as object), orderDiscount: 1 } };
    const res = await r1.push([other]);
    expect(res.results[0]).toMatchObject({
      status: 'rejected',
      error: { kind: 'MutationIdReuse' },
    });
    const stored = await server.db.query<{ order_discount: number }>(
      'select order_discount from sales where mutation_id = $1',
      [m.id],
    );
    expect(stored.rows).toEqual([{ order_discount: 0 }]);
  });

  it('keeps a rejected id spent: sent again it answers the same rejection, never duplicate', async () => {
    const sale = r1.sale();
    const m = wire(
      'sale.create',
      { ...sale, totals: { ...sale.totals, total: sale.totals.total + 1 } },
      r1.next.seq++,
    );
    const first = await r1.push([m]);
    expect(first.results[0]).toMatchObject({
      status: 'rejected',
      error: { kind: 'TotalsMismatch' },
    });
    const again = await r1.push([m]);
    expect(again.results[0]).toEqual(first.results[0]);
    expect(await count('applied_mutations', 'mutation_id = $1', [m.id])).toBe(1);
    expect(await saleCount([sale.id])).toBe(0);
  });

  it('a sale id pushed again under a new mutation id is a duplicate, not a second sale', async () => {
    const m = r1.saleMutation();
    await r1.push([m]);
    const res = await r1.push([{ ...m, id: uuidv7(), seq: r1.next.seq++ }]);
    expect(res.results[0]?.status).toBe('duplicate');
    expect(await saleCount([(m.payload as { id: string }).id])).toBe(1);
  });
});

describe('a batch with bad items', () => {
  it('98 good, 1 malformed, 1 of another store: 98 applied, 2 rejected; the next batch is normal', async () => {
    const s2 = await storeFixture(server.db, 'S2');
    const ids = await server.ids();
    const batch = Array.from({ length: 98 }, () => r1.saleMutation());
    const malformed = wire('sale.create', { ...r1.sale(), lines: [] }, r1.next.seq++);
    const foreign = wire(
      'sale.create',
      makeSale({
        store: s2,
        registerId: ids.registers['S2-R1'] ?? '',
        registerCode: 'R1',
        cashierId: r1.userId,
        receipt: 1,
      }),
      r1.next.seq++,
    );
    batch.splice(40, 0, malformed);
    batch.splice(70, 0, foreign);
    const res = await r1.push(batch);
    expect(res.results.map((r) => r.id)).toEqual(batch.map((m) => m.id));
    expect(res.results.filter((r) => r.status === 'applied')).toHaveLength(98);
    expect(res.results[40]).toMatchObject({
      status: 'rejected',
      error: { kind: 'InvalidMutation' },
    });
    expect(res.results[70]).toMatchObject({ status: 'rejected', error: { kind: 'Forbidden' } });

    const next = [r1.saleMutation(), r1.saleMutation()];
    expect((await r1.push(next)).results.map((r) => r.status)).toEqual(['applied', 'applied']);
  });

  it('rejects an unknown kind and a payload of the wrong shape as InvalidMutation', async () => {
    const res = await r1.push([
      wire('sale.delete', { id: uuidv7() }, r1.next.seq++),
      wire('customer.upsert', { id: 'nope' }, r1.next.seq++),
    ]);
    expect(res.results.map((r) => r.error?.kind)).toEqual(['InvalidMutation', 'InvalidMutation']);
  });
});

describe('what a sale must satisfy', () => {
  it('rejects numbers that do not add up as TotalsMismatch, naming the fields', async () => {
    const sale = r1.sale();
    const line = sale.lines[0];
    if (!line) throw new Error('no line');
    const tampered = { ...sale, lines: [{ ...line, tax: line.tax + 1 }] };
    const res = await r1.push([wire('sale.create', tampered, r1.next.seq++)]);
    expect(res.results[0]?.error).toMatchObject({
      kind: 'TotalsMismatch',
      details: [{ field: 'lines[0].tax', expected: line.tax, actual: line.tax + 1 }],
    });
  });

  it('refuses another register than the device is bound to, as Forbidden', async () => {
    const ids = await server.ids();
    const res = await r1.push([
      wire('sale.create', r1.sale({ registerId: ids.registers['S1-R2'] ?? '' }), r1.next.seq++),
    ]);
    expect(res.results[0]?.error?.kind).toBe('Forbidden');
  });

  it('refuses a whole batch sent for another device with 403, writing nothing', async () => {
    const m = r1.saleMutation();
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { authorization: `Bearer ${r1.token}` },
      payload: { deviceId: uuidv7(), mutations: [m] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.kind).toBe('Forbidden');
    expect(await count('applied_mutations', 'mutation_id = $1', [m.id])).toBe(0);
  });

  it('refuses sales from a device bound to no register', async () => {
    const s = await server.login('cashier1');
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { authorization: `Bearer ${s.token}` },
      payload: { deviceId: s.deviceId, mutations: [wire('sale.create', r1.sale(), 1)] },
    });
    expect(res.json().results[0].error.kind).toBe('Forbidden');
  });

  it('refuses a product or a payment method its store does not have, as NotFound', async () => {
    const s2 = await storeFixture(server.db, 'S2');
    const foreignProduct = s2.products[0];
    if (!foreignProduct) throw new Error('no product');
    const sale = r1.sale();
    const res = await r1.push([
      wire(
        'sale.create',
        r1.sale({ lines: [{ product: foreignProduct, quantity: 1 }] }),
        r1.next.seq++,
      ),
      wire(
        'sale.create',
        { ...sale, payments: sale.payments.map((p) => ({ ...p, methodId: s2.card })) },
        r1.next.seq++,
      ),
    ]);
    expect(res.results.map((r) => r.error?.kind)).toEqual(['NotFound', 'NotFound']);
  });

  it('refuses a receipt number another sale of the register holds, as Conflict', async () => {
    const first = r1.sale();
    const copy = { ...r1.sale(), receiptNumber: first.receiptNumber };
    const res = await r1.push([
      wire('sale.create', first, r1.next.seq++),
      wire('sale.create', copy, r1.next.seq++),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    expect(res.results[1]?.error?.kind).toBe('Conflict');
  });

  it('accepts a price override approved by a manager, refuses one "approved" by a cashier', async () => {
    const product = r1.store.products[1];
    const manager = await server.login('manager1');
    if (!product) throw new Error('no product');
    const withOverride = (approvedBy: string) => {
      const sale = r1.sale({ lines: [{ product, quantity: 1, unitPrice: product.price - 10 }] });
      return {
        ...sale,
        lines: sale.lines.map((l) => ({
          ...l,
          priceOverride: { originalPrice: product.price, approvedBy },
        })),
      };
    };
    const res = await r1.push([
      wire('sale.create', withOverride(manager.userId), r1.next.seq++),
      wire('sale.create', withOverride(r1.userId), r1.next.seq++),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'rejected']);
    expect(res.results[1]?.error?.kind).toBe('Forbidden');
  });

  it("stores a sale's lines and payments as columns equal to its record, a run and alone", async () => {
    const [a, b] = r1.store.products;
    const manager = await server.login('manager1');
    if (!a || !b) throw new Error('no products');
    const sale = r1.sale({
      lines: [
        { product: a, quantity: 2, unitPrice: a.price - 5, discount: 3 },
        { product: b, quantity: 1 },
      ],
      pay: 'cash',
    });
    sale.lines[0]!.priceOverride = { originalPrice: a.price, approvedBy: manager.userId };
    const plain = r1.sale({ lines: [{ product: b, quantity: 3 }] });
    // Two plain sales make a run; a refund is applied alone.
    const refund = r1.sale({ lines: [{ product: b, quantity: -1 }], pay: 'cash' });
    refund.refundOf = plain.id;
    refund.lines[0]!.refundOfLineId = plain.lines[0]!.id;
    const res = await r1.push(
      [sale, plain, refund].map((s) => wire('sale.create', s, r1.next.seq++)),
    );
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    for (const s of [sale, plain, refund]) {
      const row = await server.db.query(
        `select shift_id, cashier_id, receipt_number, device_time, hlc, prices_include_tax,
                order_discount, subtotal, discount, tax, rounding, total, refund_of, record
           from sales where id = $1`,
        [s.id],
      );
      expect(row.rows[0]).toEqual({
        shift_id: s.shiftId ?? null,
        cashier_id: s.cashierId,
        receipt_number: s.receiptNumber,
        device_time: new Date(s.deviceTime),
        hlc: s.hlc,
        prices_include_tax: s.pricesIncludeTax,
        order_discount: s.orderDiscount,
        ...s.totals,
        refund_of: s.refundOf ?? null,
        record: s,
      });
      const lines = await server.db.query(
        `select id, line_no, product_id, name, quantity, unit_price, discount, tax_rate_id,
                tax_basis_points, total, tax, original_price, approved_by, refund_of_line
           from sale_lines where sale_id = $1 order by line_no`,
        [s.id],
      );
      expect(lines.rows).toEqual(
        s.lines.map((l, i) => ({
          id: l.id,
          line_no: i + 1,
          product_id: l.productId,
          name: l.name,
          quantity: l.quantity,
          unit_price: l.unitPrice,
          discount: l.discount,
          tax_rate_id: l.taxRateId,
          tax_basis_points: l.taxBasisPoints,
          total: l.total,
          tax: l.tax,
          original_price: l.priceOverride?.originalPrice ?? null,
          approved_by: l.priceOverride?.approvedBy ?? null,
          refund_of_line: l.refundOfLineId ?? null,
        })),
      );
      const payments = await server.db.query(
        `select id, payment_no, method_id, kind, amount, tendered, change
           from sale_payments where sale_id = $1 order by payment_no`,
        [s.id],
      );
      expect(payments.rows).toEqual(
        s.payments.map((p, i) => ({
          id: p.id,
          payment_no: i + 1,
          method_id: p.methodId,
          kind: p.kind,
          amount: p.amount,
          tendered: p.tendered ?? null,
          change: p.change ?? null,
        })),
      );
    }
  });
});
