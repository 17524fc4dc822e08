import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogResponse } from '../../src/shared/api/catalog';
import { deviceResponse } from '../../src/shared/api/device';
import { isValidEan13 } from '../../src/shared/pos/ean13';
import type { TestServer } from '../support/test-app';
import { testServer } from '../support/test-app';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.close());

const get = (url: string, token: string) =>
  server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

describe('GET /api/catalog', () => {
  it('pages through every product of the caller’s store exactly once', async () => {
    const { token, storeId } = await server.login('cashier1');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await get(`/api/catalog?limit=50${cursor ? `&cursor=${cursor}` : ''}`, token);
      expect(res.statusCode).toBe(200);
      const page = catalogResponse.parse(res.json());
      expect(page.store).toMatchObject({
        id: storeId,
        code: 'S1',
        currency: 'EUR',
        pricesIncludeTax: true,
      });
      expect(page.registers.map((r) => r.code)).toEqual(['R1', 'R2']);
      expect(page.paymentMethods.map((m) => m.kind).sort()).toEqual(['card', 'cash']);
      seen.push(...page.products.map((p) => p.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    const count = await server.db.query<{ n: number }>(
      'select count(*)::int as n from products where store_id = $1',
      [storeId],
    );
    expect(seen.length).toBe(count.rows[0]?.n);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBeGreaterThan(1);
  });

  it('gives demo products valid EAN-13 barcodes, integer prices and a tax rate of the store', async () => {
    const { token } = await server.login('cashier2');
    const page = catalogResponse.parse((await get('/api/catalog?limit=5000', token)).json());
    expect(page.products.length).toBeGreaterThan(200);
    const rates = new Set(page.taxRates.map((r) => r.id));
    for (const p of page.products) {
      expect(p.barcodes.every(isValidEan13)).toBe(true);
      expect(Number.isInteger(p.price)).toBe(true);
      expect(rates.has(p.taxRateId)).toBe(true);
    }
  });

  it('a cashier of store 1 sees nothing of store 2', async () => {
    const { token } = await server.login('cashier1');
    const { stores } = await server.ids();
    const page = catalogResponse.parse((await get('/api/catalog?limit=5000', token)).json());
    const all = [
      page.store,
      ...page.registers,
      ...page.categories,
      ...page.taxRates,
      ...page.paymentMethods,
      ...page.products,
    ];
    expect(all.some((r) => r.id === stores.S2 || ('storeId' in r && r.storeId === stores.S2))).toBe(
      false,
    );
  });

  it('refuses a cursor it did not make', async () => {
    const { token } = await server.login('cashier1');
    const res = await get('/api/catalog?cursor=bm90LWEtY3Vyc29y', token);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.kind).toBe('InvalidRequest');
  });
});

describe('device binding', () => {
  it('binds the signed-in device to a register of its store', async () => {
    const { token } = await server.login('cashier1');
    const { registers } = await server.ids();
    const before = deviceResponse.parse((await get('/api/devices/current', token)).json());
    expect(before.register).toBeNull();
    const res = await server.app.inject({
      method: 'PUT',
      url: '/api/devices/current/register',
      headers: { authorization: `Bearer ${token}` },
      payload: { registerId: registers['S1-R2'] },
    });
    expect(res.statusCode).toBe(200);
    expect(deviceResponse.parse(res.json()).register).toMatchObject({ code: 'R2' });
  });

  it('refuses a register of another store as if it did not exist', async () => {
    const { token } = await server.login('cashier1');
    const { registers } = await server.ids();
    const res = await server.app.inject({
      method: 'PUT',
      url: '/api/devices/current/register',
      headers: { authorization: `Bearer ${token}` },
      payload: { registerId: registers['S2-R1'] },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.kind).toBe('NotFound');
  });

  it('lets a new install take a register over, unbinding the old device', async () => {
    const { registers } = await server.ids();
    const old = await server.login('cashier2');
    const fresh = await server.login('cashier2');
    for (const s of [old, fresh]) {
      await server.app.inject({
        method: 'PUT',
        url: '/api/devices/current/register',
        headers: { authorization: `Bearer ${s.token}` },
        payload: { registerId: registers['S2-R1'] },
      });
    }
    expect(
      deviceResponse.parse((await get('/api/devices/current', fresh.token)).json()).register?.code,
    ).toBe('R1');
    expect(
      deviceResponse.parse((await get('/api/devices/current', old.token)).json()).register,
    ).toBeNull();
  });
});
