// The security matrix, second half (the first, every guarded route × every bad token → 401, is
// tests/server/security-matrix.test.ts): store scope, roles, tampering, replay, batch size and
// hostile JSON, against the real server. Each case adds a row to the table printed at the end.
// Covered elsewhere and not repeated here: a reused refresh token revokes its family, and login
// brute force gets 429 with Retry-After (tests/server/auth.test.ts, "POST /api/auth/refresh" and
// "POST /api/auth/login"). "Discard" is a client-side action (src/app: a manager approves it on
// the device); it sends nothing to the server, so there is no server route to test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../../src/shared/api/push';
import { MAX_BATCH } from '../../../src/shared/api/push';
import { uuidv7 } from '../../../src/shared/uuidv7';
import type { Register, Wire } from '../../support/sync-fixtures';
import { registerApi, signInRegister, storeFixture, wire } from '../../support/sync-fixtures';
import type { TestServer } from '../../support/test-app';
import { testServer } from '../../support/test-app';

let server: TestServer;
let s1: Register;
let s2: Register;
const table: { case: string; expected: string; got: string }[] = [];
const row = (name: string, expected: string, got: string) =>
  table.push({ case: name, expected, got });

beforeAll(async () => {
  server = await testServer();
  s1 = await signInRegister(server, 'cashier1', 'R1');
  s2 = await signInRegister(server, 'cashier2', 'R1');
});
afterAll(async () => {
  console.log('security matrix: scope, roles, tampering, replay, size');
  console.table(table);
  await server.close();
});

async function push(token: string, body: unknown) {
  return server.app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: { authorization: `Bearer ${token}` },
    payload: body as Record<string, unknown>,
  });
}

const statuses = (res: PushResponse) => res.results.map((r) => r.status);
const errorKinds = (res: PushResponse) =>
  res.results.map((r) => (r.status === 'rejected' ? (r.error?.kind ?? 'rejected') : r.status));

async function salesWithIds(ids: string[]): Promise<number> {
  const r = await server.db.query<{ n: number }>(
    'select count(*)::int as n from sales where id = any($1::uuid[])',
    [ids],
  );
  return r.rows[0]?.n ?? -1;
}

describe('a cashier of store 1 cannot touch store 2', () => {
  it('push: a sale for a register of store 2 is rejected Forbidden and not stored', async () => {
    const foreign = s2.sale(); // store 2's ids, register, products
    const res = await s1.push([wire('sale.create', foreign, s1.next.seq++)]);
    expect(errorKinds(res)).toEqual(['Forbidden']);
    expect(await salesWithIds([foreign.id])).toBe(0);
    row('push a store-2 sale with a store-1 token', 'rejected Forbidden', errorKinds(res).join());
  });

  it('push: a batch naming a device of store 2 is refused whole with 403', async () => {
    const m = s1.saleMutation();
    const res = await push(s1.token, { deviceId: s2.deviceId, mutations: [m] });
    expect(res.statusCode).toBe(403);
    expect(await salesWithIds([(m.payload as { id: string }).id])).toBe(0);
    row('push under the device id of store 2', '403', String(res.statusCode));
  });

  it('pull: every change the store-1 cashier gets belongs to store 1', async () => {
    const sold = s2.saleMutation();
    expect(statuses(await s2.push([sold]))).toEqual(['applied']);
    const s2Store = s2.storeId;
    let cursor: string | undefined;
    const changes: { entity: string; id: string; data?: unknown }[] = [];
    for (;;) {
      const page = await s1.pull(cursor, 5000);
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(changes.length).toBeGreaterThan(0);
    const leaked = changes.filter((c) => JSON.stringify(c.data ?? {}).includes(s2Store));
    expect(leaked).toEqual([]);
    expect(changes.some((c) => c.id === (sold.payload as { id: string }).id)).toBe(false);
    row('pull as store 1 after store 2 sold', 'no store-2 rows', `${leaked.length} leaked`);
  });

  it('digest: counts only store 1 (the same as a pull of that entity)', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/sync/digest?entity=products',
      headers: { authorization: `Bearer ${s1.token}` },
    });
    const s1Products = (await storeFixture(server.db, 'S1')).products.length;
    expect(res.json<{ count: number }>().count).toBe(s1Products);
    row(
      'digest of products as store 1',
      `${s1Products} (store 1 only)`,
      String(res.json<{ count: number }>().count),
    );
  });

  it('catalog: asking for store 2 in the query still gives store 1', async () => {
    const res = await server.app.inject({
      method: 'GET',
      url: `/api/catalog?storeId=${s2.storeId}&limit=5000`,
      headers: { authorization: `Bearer ${s1.token}` },
    });
    const got = res.statusCode === 200 ? res.json<{ store: { id: string } }>().store.id : null;
    expect(res.statusCode === 400 || got === s1.storeId).toBe(true);
    expect(res.body.includes(s2.storeId)).toBe(false);
    row(
      'catalog with ?storeId of store 2',
      '400 or store 1',
      res.statusCode === 200 ? 'store 1' : String(res.statusCode),
    );
  });
});

describe("a cashier cannot do a manager's action", () => {
  it('a stock count from a cashier is rejected Forbidden and books nothing', async () => {
    const product = s1.store.products[0]!;
    const count = {
      id: uuidv7(),
      storeId: s1.storeId,
      countedBy: s1.userId,
      deviceTime: new Date().toISOString(),
      lines: [{ productId: product.id, counted: 999 }],
    };
    const res = await s1.push([wire('stock.count', count, s1.next.seq++)]);
    expect(errorKinds(res)).toEqual(['Forbidden']);
    const moves = await server.db.query<{ n: number }>(
      'select count(*)::int as n from stock_movements where stock_count_id = $1',
      [count.id],
    );
    expect(moves.rows[0]?.n).toBe(0);
    row('stock.count by a cashier', 'rejected Forbidden', errorKinds(res).join());
  });

  it('a price override "approved" by the cashier is rejected; the items around it still apply', async () => {
    const product = s1.store.products.find((p) => p.price > 100)!;
    const before = s1.saleMutation();
    const overridden = s1.sale({
      lines: [{ product, quantity: 1, unitPrice: product.price - 100 }],
    });
    overridden.lines[0]!.priceOverride = { originalPrice: product.price, approvedBy: s1.userId };
    const after = s1.saleMutation();
    const res = await s1.push([before, wire('sale.create', overridden, s1.next.seq++), after]);
    expect(errorKinds(res)).toEqual(['applied', 'Forbidden', 'applied']);
    expect(await salesWithIds([overridden.id])).toBe(0);
    row('price override approved by a cashier', 'that item rejected', errorKinds(res).join());
  });

  it("a price override approved by the store's manager is applied (the control case)", async () => {
    const manager = await server.db.query<{ id: string }>(
      "select id from users where username = 'manager1'",
    );
    const product = s1.store.products.find((p) => p.price > 100)!;
    const sale = s1.sale({ lines: [{ product, quantity: 1, unitPrice: product.price - 100 }] });
    sale.lines[0]!.priceOverride = {
      originalPrice: product.price,
      approvedBy: manager.rows[0]!.id,
    };
    const res = await s1.push([wire('sale.create', sale, s1.next.seq++)]);
    expect(statuses(res)).toEqual(['applied']);
    row('price override approved by the manager', 'applied', statuses(res).join());
  });

  it('a manager of store 2 cannot approve a store-1 override', async () => {
    const manager = await server.db.query<{ id: string }>(
      "select id from users where username = 'manager2'",
    );
    const product = s1.store.products.find((p) => p.price > 100)!;
    const sale = s1.sale({ lines: [{ product, quantity: 1, unitPrice: product.price - 100 }] });
    sale.lines[0]!.priceOverride = {
      originalPrice: product.price,
      approvedBy: manager.rows[0]!.id,
    };
    const res = await s1.push([wire('sale.create', sale, s1.next.seq++)]);
    expect(errorKinds(res)).toEqual(['Forbidden']);
    row("price override approved by another store's manager", 'rejected', errorKinds(res).join());
  });
});

describe('tampering and replay', () => {
  it('a sale whose total was raised after the fact is rejected TotalsMismatch', async () => {
    const sale = s1.sale();
    sale.totals.total += 1;
    sale.payments[0]!.amount += 1;
    const res = await s1.push([wire('sale.create', sale, s1.next.seq++)]);
    expect(errorKinds(res)).toEqual(['TotalsMismatch']);
    row('tampered totals', 'rejected TotalsMismatch', errorKinds(res).join());
  });

  describe('a captured batch replayed', () => {
    let captured: Wire[];
    let saleIds: string[];
    beforeAll(async () => {
      captured = [s1.saleMutation(), s1.saleMutation(), s1.saleMutation()];
      saleIds = captured.map((m) => (m.payload as { id: string }).id);
      expect(statuses(await s1.push(captured))).toEqual(['applied', 'applied', 'applied']);
    });

    it('with another valid token of the same device (another user signing in on it): all duplicate', async () => {
      // Another user, so the token differs even when both are issued within one second.
      const again = await server.login('manager1', s1.deviceId);
      expect(again.token).not.toBe(s1.token);
      const res = await push(again.token, { deviceId: s1.deviceId, mutations: captured });
      expect(statuses(res.json<PushResponse>())).toEqual(['duplicate', 'duplicate', 'duplicate']);
      expect(await salesWithIds(saleIds)).toBe(3);
      row(
        'replay, new token of the same device',
        'all duplicate',
        statuses(res.json<PushResponse>()).join(),
      );
    });

    it('with the token of another device of the same store, as captured: refused whole (403)', async () => {
      const other = await server.login('cashier1');
      const res = await push(other.token, { deviceId: s1.deviceId, mutations: captured });
      expect(res.statusCode).toBe(403);
      expect(await salesWithIds(saleIds)).toBe(3);
      row(
        'replay, another device token, body as captured',
        '403, nothing stored',
        String(res.statusCode),
      );
    });

    it('rewritten to the other device (bound to another register): each rejected, nothing doubled', async () => {
      const other = await signInRegister(server, 'cashier1', 'R2');
      const res = await push(other.token, { deviceId: other.deviceId, mutations: captured });
      expect(errorKinds(res.json<PushResponse>())).toEqual(['Forbidden', 'Forbidden', 'Forbidden']);
      expect(await salesWithIds(saleIds)).toBe(3);
      row(
        'replay, rewritten to a device of another register',
        'all rejected',
        errorKinds(res.json<PushResponse>()).join(),
      );
    });

    it('from a device that took the register over: all duplicate, nothing doubled', async () => {
      const s = await server.login('cashier1');
      const thief = registerApi(server.app, {
        ...s,
        registerId: s1.registerId,
        registerCode: 'R1',
        store: s1.store,
      });
      const bind = await server.app.inject({
        method: 'PUT',
        url: '/api/devices/current/register',
        headers: { authorization: `Bearer ${s.token}` },
        payload: { registerId: s1.registerId },
      });
      expect(bind.statusCode).toBe(200);
      const res = await thief.push(captured);
      expect(statuses(res)).toEqual(['duplicate', 'duplicate', 'duplicate']);
      expect(await salesWithIds(saleIds)).toBe(3);
      row(
        'replay from the device that took the register over',
        'all duplicate',
        statuses(res).join(),
      );
      // Give the register back, so the cases after this one push from its own device.
      await server.app.inject({
        method: 'PUT',
        url: '/api/devices/current/register',
        headers: { authorization: `Bearer ${s1.token}` },
        payload: { registerId: s1.registerId },
      });
    });
  });
});

describe('size and shape', () => {
  it(`a batch of ${MAX_BATCH + 1} mutations is 413 and applies none`, async () => {
    const batch = Array.from({ length: MAX_BATCH + 1 }, () => s1.saleMutation());
    const res = await push(s1.token, { deviceId: s1.deviceId, mutations: batch });
    expect(res.statusCode).toBe(413);
    expect(await salesWithIds(batch.map((m) => (m.payload as { id: string }).id))).toBe(0);
    row(`push of ${MAX_BATCH + 1} mutations`, '413', String(res.statusCode));
  });

  const hostile: [string, () => string][] = [
    // Just under the push route's 32 MiB limit: parsed, then refused by the schema.
    [
      'a 30 MB body',
      () => JSON.stringify({ deviceId: s1.deviceId, mutations: [{ junk: 'x'.repeat(30e6) }] }),
    ],
    ['a 40 MB body (over the limit)', () => `{"pad":"${'x'.repeat(40e6)}"}`],
    ['100,000-deep nesting', () => `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['100,000-deep objects', () => `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
  ];
  for (const [name, body] of hostile) {
    it(`${name} is 400 or 413, and the heap does not run away`, async () => {
      const payload = body();
      global.gc?.();
      const before = process.memoryUsage().heapUsed;
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: { authorization: `Bearer ${s1.token}`, 'content-type': 'application/json' },
        payload,
      });
      global.gc?.();
      const grown = process.memoryUsage().heapUsed - before;
      expect([400, 413]).toContain(res.statusCode);
      // Generous: a few copies of the body at most, never a blow-up proportional to depth × size.
      expect(grown).toBeLessThan(4 * payload.length + 64 * 1024 * 1024);
      row(name, '400/413, bounded heap', `${res.statusCode}, heap +${Math.round(grown / 1e6)} MB`);
    });
  }
});
