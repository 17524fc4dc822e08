// The push envelope on the wire: batch size, gzip request bodies and their limits.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BATCH } from '../../../src/shared/api/push';
import { apiErrorBody } from '../../../src/shared/api/error';
import type { TestServer } from '../../support/test-app';
import { testServer } from '../../support/test-app';
import type { Register } from '../../support/sync-fixtures';
import { signInRegister, wire } from '../../support/sync-fixtures';
import { PUSH_BODY_LIMIT } from '../../../src/server/routes/sync';

let server: TestServer;
let reg: Register;
beforeAll(async () => {
  server = await testServer();
  reg = await signInRegister(server, 'cashier1', 'R1');
});
afterAll(() => server.close());

const post = (payload: string | Buffer, headers: Record<string, string> = {}) =>
  server.app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: {
      authorization: `Bearer ${reg.token}`,
      'content-type': 'application/json',
      ...headers,
    },
    payload,
  });

async function stored() {
  const r = await server.db.query<{ n: number }>(
    'select count(*)::int as n from applied_mutations',
  );
  return r.rows[0]?.n;
}

describe('batch size', () => {
  it(`answers more than ${MAX_BATCH} mutations with 413 PayloadTooLarge, applying none`, async () => {
    const before = await stored();
    const mutations = Array.from({ length: MAX_BATCH + 1 }, () => reg.saleMutation());
    const res = await post(JSON.stringify({ deviceId: reg.deviceId, mutations }));
    expect(res.statusCode).toBe(413);
    expect(apiErrorBody.parse(res.json()).error.kind).toBe('PayloadTooLarge');
    expect(await stored()).toBe(before);
  });

  it('answers an empty batch with 400 InvalidRequest', async () => {
    const res = await post(JSON.stringify({ deviceId: reg.deviceId, mutations: [] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.kind).toBe('InvalidRequest');
  });

  it('has room for a full batch: 100 sales of 500 lines with long names and large amounts', () => {
    const product = reg.store.products[0];
    if (!product) throw new Error('no product');
    const name = 'Ä'.repeat(60);
    const lines = Array.from({ length: 500 }, () => ({
      product: { ...product, name, price: 99_999_999 },
      quantity: 999,
    }));
    const sale = reg.sale({ lines });
    const body = JSON.stringify({
      deviceId: reg.deviceId,
      mutations: Array.from({ length: MAX_BATCH }, (_, i) => wire('sale.create', sale, i + 1)),
    });
    expect(Buffer.byteLength(body)).toBeLessThan(PUSH_BODY_LIMIT);
  });

  it('accepts a batch of sales with 500 lines each, beyond the default body limit', async () => {
    const product = reg.store.products[0];
    if (!product) throw new Error('no product');
    const lines = Array.from({ length: 500 }, () => ({ product, quantity: 1 }));
    const mutations = Array.from({ length: 10 }, () => reg.saleMutation({ lines }));
    const body = JSON.stringify({ deviceId: reg.deviceId, mutations });
    expect(body.length).toBeGreaterThan(1024 * 1024);
    const res = await post(body);
    expect(res.statusCode).toBe(200);
    expect(res.json<{ results: { status: string }[] }>().results.map((r) => r.status)).toEqual(
      mutations.map(() => 'applied'),
    );
  });
});

describe('gzip request bodies', () => {
  it('applies a gzip-compressed batch', async () => {
    const m = reg.saleMutation();
    const res = await post(gzipSync(JSON.stringify({ deviceId: reg.deviceId, mutations: [m] })), {
      'content-encoding': 'gzip',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().results[0]).toEqual({ id: m.id, status: 'applied' });
  });

  it('answers a gzip bomb with 413 once the inflated body passes the limit', async () => {
    // 64 MiB of spaces inside a JSON string compress to about 64 KiB.
    const bomb = gzipSync(
      Buffer.concat([
        Buffer.from('{"deviceId":"x","pad":"'),
        Buffer.alloc(64 * 1024 * 1024, 0x20),
        Buffer.from('"}'),
      ]),
    );
    expect(bomb.length).toBeLessThan(200_000);
    const res = await post(bomb, { 'content-encoding': 'gzip' });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.kind).toBe('PayloadTooLarge');
  });

  it('answers a body that is not gzip with 400, an unknown encoding with 4xx', async () => {
    const broken = await post('this is not gzip', { 'content-encoding': 'gzip' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.kind).toBe('InvalidRequest');
    const unknown = await post('{}', { 'content-encoding': 'x-unknown' });
    expect(unknown.statusCode).toBeGreaterThanOrEqual(400);
    expect(unknown.statusCode).toBeLessThan(500);
    expect(apiErrorBody.safeParse(unknown.json()).success).toBe(true);
  });
});

describe('hostile envelopes', () => {
  it('refuses a body nested thousands deep with 400, before anything recursive runs', async () => {
    const m = reg.saleMutation();
    const envelope = JSON.stringify({ deviceId: reg.deviceId, mutations: [{ ...m, payload: 0 }] });
    const deep = envelope.replace('"payload":0', `"payload":${'['.repeat(1e5)}${']'.repeat(1e5)}`);
    const res = await post(deep);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      kind: 'InvalidRequest',
      message: expect.stringMatching(/deep/),
    });
  });

  it('refuses without a token with 401 before reading the body', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { 'content-type': 'application/json' },
      payload: '{ not even json',
    });
    expect(res.statusCode).toBe(401);
  });
});
