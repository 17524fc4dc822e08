// Sync test fixtures: the demo catalog as ids, sales that add up (computed with the shared
// rules, as a register would), mutations around them, and a signed-in device bound to a register
// with push/pull helpers over app.inject.
import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../../src/server/db/database';
import type { PullResponse } from '../../src/shared/api/pull';
import type { PushResponse } from '../../src/shared/api/push';
import { computeTotals } from '../../src/shared/pos/totals';
import { formatReceiptNumber } from '../../src/shared/pos/receipt-number';
import type { Sale } from '../../src/shared/records/sale';
import { uuidv7 } from '../../src/shared/uuidv7';
import type { TestServer } from './test-app';

export interface FixtureProduct {
  id: string;
  price: number;
  taxRateId: string;
  basisPoints: number;
  stockTracked: boolean;
  name: string;
}

export interface StoreFixture {
  id: string;
  code: string;
  pricesIncludeTax: boolean;
  cashRounding: number;
  products: FixtureProduct[];
  cash: string;
  card: string;
}

export async function storeFixture(db: Queryable, code: string): Promise<StoreFixture> {
  const s = await db.query<{
    id: string;
    prices_include_tax: boolean;
    cash_rounding: number;
  }>('select id, prices_include_tax, cash_rounding from stores where code = $1', [code]);
  const store = s.rows[0];
  if (!store) throw new Error(`no store ${code}`);
  const p = await db.query<{
    id: string;
    price: number;
    tax_rate_id: string;
    basis_points: number;
    stock_tracked: boolean;
    name: string;
  }>(
    `select p.id, p.price, p.tax_rate_id, t.basis_points, p.stock_tracked, p.name
       from products p join tax_rates t on t.id = p.tax_rate_id
      where p.store_id = $1 and not p.deleted order by p.sku`,
    [store.id],
  );
  const m = await db.query<{ id: string; kind: string }>(
    'select id, kind from payment_methods where store_id = $1',
    [store.id],
  );
  return {
    id: store.id,
    code,
    pricesIncludeTax: store.prices_include_tax,
    cashRounding: store.cash_rounding,
    products: p.rows.map((r) => ({
      id: r.id,
      price: Number(r.price),
      taxRateId: r.tax_rate_id,
      basisPoints: r.basis_points,
      stockTracked: r.stock_tracked,
      name: r.name,
    })),
    cash: m.rows.find((r) => r.kind === 'cash')?.id ?? '',
    card: m.rows.find((r) => r.kind === 'card')?.id ?? '',
  };
}

export interface SaleSpec {
  store: StoreFixture;
  registerId: string;
  registerCode: string;
  cashierId: string;
  receipt: number;
  lines?: { product: FixtureProduct; quantity: number; discount?: number; unitPrice?: number }[];
  orderDiscount?: number;
  pay?: 'cash' | 'card';
}

/** A sale whose numbers add up by the shared rules. */
export function makeSale(spec: SaleSpec): Sale {
  const { store } = spec;
  const first = store.products[0];
  if (!first) throw new Error('the store has no products');
  const lines = (spec.lines ?? [{ product: first, quantity: 1 }]).map((l) => ({
    ...l,
    unitPrice: l.unitPrice ?? l.product.price,
    discount: l.discount ?? 0,
  }));
  const pay = spec.pay ?? 'card';
  const totals = computeTotals({
    lines: lines.map((l) => ({
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discount: l.discount,
      taxBasisPoints: l.product.basisPoints,
    })),
    orderDiscount: spec.orderDiscount ?? 0,
    pricesIncludeTax: store.pricesIncludeTax,
    cashRounding: store.cashRounding,
    paidAllInCash: pay === 'cash',
  });
  return {
    id: uuidv7(),
    receiptNumber: formatReceiptNumber(store.code, spec.registerCode, spec.receipt),
    storeId: store.id,
    registerId: spec.registerId,
    cashierId: spec.cashierId,
    deviceTime: new Date().toISOString(),
    hlc: `${Date.now().toString().padStart(15, '0')}:0000:test`,
    pricesIncludeTax: store.pricesIncludeTax,
    lines: lines.map((l, i) => ({
      id: uuidv7(),
      productId: l.product.id,
      name: l.product.name,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discount: l.discount,
      taxRateId: l.product.taxRateId,
      taxBasisPoints: l.product.basisPoints,
      total: totals.lines[i]?.total ?? 0,
      tax: totals.lines[i]?.tax ?? 0,
    })),
    orderDiscount: spec.orderDiscount ?? 0,
    payments: [
      pay === 'cash'
        ? {
            id: uuidv7(),
            methodId: store.cash,
            kind: 'cash' as const,
            amount: totals.total,
            tendered: totals.total + 500,
            change: 500,
          }
        : { id: uuidv7(), methodId: store.card, kind: 'card' as const, amount: totals.total },
    ],
    totals: {
      subtotal: totals.subtotal,
      discount: totals.discount,
      tax: totals.tax,
      rounding: totals.rounding,
      total: totals.total,
    },
  };
}

export interface Wire {
  id: string;
  seq: number;
  kind: string;
  hlc: string;
  payload: unknown;
}

export function wire(kind: string, payload: unknown, seq: number): Wire {
  return { id: uuidv7(), seq, kind, hlc: `${Date.now()}:${seq}:test`, payload };
}

/** A signed-in device bound to a register, numbering its mutations from 1. */
export interface Register {
  token: string;
  deviceId: string;
  userId: string;
  storeId: string;
  registerId: string;
  registerCode: string;
  store: StoreFixture;
  /** The next receipt counter and seq. */
  next: { receipt: number; seq: number };
  sale(spec?: Partial<SaleSpec>): Sale;
  saleMutation(spec?: Partial<SaleSpec>): Wire;
  push(mutations: Wire[], extra?: Record<string, unknown>): Promise<PushResponse>;
  pull(cursor?: string, limit?: number): Promise<PullResponse>;
}

export async function signInRegister(
  server: TestServer,
  username: string,
  registerCode: string,
  deviceId?: string,
): Promise<Register> {
  const s = await server.login(username, deviceId);
  const store = await storeFixture(server.db, username.endsWith('2') ? 'S2' : 'S1');
  const ids = await server.ids();
  const registerId = ids.registers[`${store.code}-${registerCode}`];
  if (!registerId) throw new Error(`no register ${registerCode}`);
  const bind = await server.app.inject({
    method: 'PUT',
    url: '/api/devices/current/register',
    headers: { authorization: `Bearer ${s.token}` },
    payload: { registerId },
  });
  if (bind.statusCode !== 200) throw new Error(`bind: ${bind.statusCode} ${bind.body}`);
  return registerApi(server.app, { ...s, registerId, registerCode, store });
}

export function registerApi(
  app: FastifyInstance,
  s: {
    token: string;
    deviceId: string;
    userId: string;
    storeId: string;
    registerId: string;
    registerCode: string;
    store: StoreFixture;
  },
): Register {
  const reg: Register = {
    ...s,
    next: { receipt: 1, seq: 1 },
    sale(spec = {}) {
      return makeSale({
        store: s.store,
        registerId: s.registerId,
        registerCode: s.registerCode,
        cashierId: s.userId,
        receipt: reg.next.receipt++,
        ...spec,
      });
    },
    saleMutation(spec = {}) {
      return wire('sale.create', reg.sale(spec), reg.next.seq++);
    },
    async push(mutations, extra = {}) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { authorization: `Bearer ${s.token}` },
        payload: { deviceId: s.deviceId, mutations, ...extra },
      });
      if (res.statusCode !== 200) throw new Error(`push: ${res.statusCode} ${res.body}`);
      return res.json<PushResponse>();
    },
    async pull(cursor, limit) {
      const q = new URLSearchParams();
      if (cursor !== undefined) q.set('cursor', cursor);
      if (limit !== undefined) q.set('limit', String(limit));
      const res = await app.inject({
        method: 'GET',
        url: `/api/sync/pull?${q.toString()}`,
        headers: { authorization: `Bearer ${s.token}` },
      });
      if (res.statusCode !== 200) throw new Error(`pull: ${res.statusCode} ${res.body}`);
      return res.json<PullResponse>();
    },
  };
  return reg;
}

/** Pulls page after page until the run ends; returns every change and the final cursor. */
export async function pullAll(
  reg: Register,
  cursor?: string,
  limit?: number,
): Promise<{ changes: PullResponse['changes']; cursor: string; pages: number }> {
  const changes: PullResponse['changes'] = [];
  let pages = 0;
  for (;;) {
    const page = await reg.pull(cursor, limit);
    pages += 1;
    changes.push(...page.changes);
    cursor = page.cursor;
    if (!page.hasMore) return { changes, cursor, pages };
  }
}
