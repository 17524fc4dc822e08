// Hostile input, generated: 1,000 malformed push bodies and pull query strings must each get a
// 4xx in the error vocabulary, never a 5xx, and write nothing; hostile payloads inside a valid
// envelope are rejected one by one, never stored as sales.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBody } from '../../../src/shared/api/error';
import { MAX_BATCH, pushResponse } from '../../../src/shared/api/push';
import { epochTag } from '../../../src/server/sync/pull-cursor';
import type { TestServer } from '../../support/test-app';
import { testServer } from '../../support/test-app';
import type { Register, Wire } from '../../support/sync-fixtures';
import { signInRegister, wire } from '../../support/sync-fixtures';

let server: TestServer;
let reg: Register;
let epoch: string;
let template: Wire;
beforeAll(async () => {
  server = await testServer();
  reg = await signInRegister(server, 'cashier1', 'R1');
  epoch = (await server.app.inject({ method: 'GET', url: '/api/health' })).json<{ epoch: string }>()
    .epoch;
  template = reg.saleMutation();
});
afterAll(() => server.close());

async function written() {
  const r = await server.db.query<{ n: string }>(
    `select (select count(*) from applied_mutations) || '/' || (select count(*) from sales)
            || '/' || (select count(*) from stock_movements) || '/' || (select count(*) from customers) as n`,
  );
  return r.rows[0]?.n;
}

function expectRefusal(res: { statusCode: number; json(): unknown }, what: string) {
  expect(res.statusCode, what).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, what).toBeLessThan(500);
  expect(apiErrorBody.safeParse(res.json()).success, what).toBe(true);
}

/** Envelopes that are wrong in at least one place the envelope schema checks. */
const badEnvelope = (): fc.Arbitrary<unknown> => {
  const ok = () => ({ deviceId: reg.deviceId, mutations: [template] });
  const notUuid = fc.string().filter((s) => !/^[0-9a-f-]{36}$/i.test(s));
  const badSeq = fc.oneof(
    fc.integer({ max: 0 }),
    fc.double({ noInteger: true }),
    fc.string(),
    fc.constant(2 ** 60),
    fc.constant(null),
  );
  const badItem = fc.oneof(
    notUuid.map((id) => ({ ...template, id })),
    badSeq.map((seq) => ({ ...template, seq })),
    fc.oneof(fc.integer(), fc.constant(null), fc.string({ minLength: 51 })).map((kind) => ({
      ...template,
      kind,
    })),
    fc.string({ minLength: 101, maxLength: 300 }).map((hlc) => ({ ...template, hlc })),
    fc.jsonValue().filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
  );
  return fc.oneof(
    fc.jsonValue(),
    fc.jsonValue().map((mutations) => ({
      ...ok(),
      mutations: Array.isArray(mutations) ? [1, ...mutations] : mutations,
    })),
    notUuid.map((deviceId) => ({ ...ok(), deviceId })),
    fc.uuid().map((deviceId) => ({ ...ok(), deviceId })),
    fc
      .oneof(fc.integer(), fc.string({ minLength: 101, maxLength: 200 }))
      .map((e) => ({ ...ok(), epoch: e })),
    fc.array(badItem, { minLength: 1, maxLength: 5 }).map((items) => ({
      ...ok(),
      mutations: [template, ...items],
    })),
    fc.constant({ ...ok(), mutations: [] }),
    fc.integer({ min: MAX_BATCH + 1, max: 300 }).map((n) => ({
      ...ok(),
      mutations: Array.from({ length: n }, () => template),
    })),
  );
};

/** Raw text that is not a JSON document at all. */
const badText = fc.oneof(
  fc.string(),
  fc.jsonValue().map((v) => `${JSON.stringify(v)},`),
  fc.constant('{"__proto__":{"polluted":true},"deviceId":1}'),
);

describe('malformed push bodies', () => {
  it('answers 600 generated bodies with 4xx in the vocabulary and writes nothing', async () => {
    const before = await written();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          badEnvelope().map((v) => JSON.stringify(v) ?? 'null'),
          badText,
        ),
        async (payload) => {
          const res = await server.app.inject({
            method: 'POST',
            url: '/api/sync/push',
            headers: { authorization: `Bearer ${reg.token}`, 'content-type': 'application/json' },
            payload,
          });
          expectRefusal(res, payload.slice(0, 300));
        },
      ),
      { numRuns: 600 },
    );
    expect(await written()).toBe(before);
  });
});

describe('malformed pull query strings', () => {
  const badLimit = fc
    .oneof(fc.string(), fc.integer().map(String), fc.double().map(String))
    .filter((s) => {
      const n = Number(s);
      return !(Number.isInteger(n) && n >= 1 && n <= 5000);
    });
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v) ?? '').toString('base64url');
  const badCursor = fc.oneof(
    fc.string(),
    fc.base64String(),
    fc.jsonValue().map(b64),
    // Shaped like a cursor, but with a field no cursor has or a value no cursor holds.
    fc
      .record({ v: fc.jsonValue(), e: fc.jsonValue(), w: fc.jsonValue(), x: fc.jsonValue() })
      .map(b64),
    fc
      .record({
        w: fc.oneof(
          fc.string().filter((w) => !/^\d{1,20}$/.test(w)),
          fc.bigInt({ min: 2n ** 64n, max: 2n ** 80n }).map(String),
        ),
      })
      .map(({ w }) => b64({ v: 1, e: epochTag(epoch), w })),
  );

  it('answers 400 generated query strings with 4xx in the vocabulary and writes nothing', async () => {
    const before = await written();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ cursor: badCursor, limit: fc.option(badLimit, { nil: undefined }) }),
          fc.record({ cursor: fc.option(badCursor, { nil: undefined }), limit: badLimit }),
          fc.tuple(fc.nat(5000), fc.nat(5000)).map(([a, b]) => ({ raw: `limit=${a}&limit=${b}` })),
        ),
        async (q) => {
          const query =
            'raw' in q
              ? q.raw
              : new URLSearchParams(
                  Object.entries(q).filter((e): e is [string, string] => e[1] !== undefined),
                ).toString();
          const res = await server.app.inject({
            method: 'GET',
            url: `/api/sync/pull?${query}`,
            headers: { authorization: `Bearer ${reg.token}` },
          });
          expectRefusal(res, query);
        },
      ),
      { numRuns: 400 },
    );
    expect(await written()).toBe(before);
  });
});

describe('hostile payloads in a valid envelope', () => {
  it('drops a __proto__ key and rejects that mutation alone (found by the property below)', async () => {
    const good = reg.saleMutation();
    const poisoned = wire('sale.create', { '': { x: 1 } }, reg.next.seq++);
    const body = JSON.stringify({ deviceId: reg.deviceId, mutations: [poisoned, good] }).replace(
      '"":{"x":1}',
      '"":{"__proto__":{"polluted":true}}',
    );
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { authorization: `Bearer ${reg.token}`, 'content-type': 'application/json' },
      payload: body,
    });
    expect(res.statusCode).toBe(200);
    expect(pushResponse.parse(res.json()).results.map((r) => r.status)).toEqual([
      'rejected',
      'applied',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects each one on its own and stores no sale, whatever the payload', async () => {
    const sales = async () =>
      (await server.db.query<{ n: number }>('select count(*)::int as n from sales')).rows[0]?.n;
    const before = await sales();
    const kinds = fc.constantFrom('sale.create', 'stock.count', 'customer.upsert', 'refund.create');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(kinds, fc.jsonValue()), { minLength: 1, maxLength: 5 }),
        async (items) => {
          const res = await server.app.inject({
            method: 'POST',
            url: '/api/sync/push',
            headers: { authorization: `Bearer ${reg.token}` },
            payload: {
              deviceId: reg.deviceId,
              mutations: items.map(([kind, payload]) => wire(kind, payload, reg.next.seq++)),
            },
          });
          expect(res.statusCode).toBe(200);
          const body = pushResponse.parse(res.json());
          expect(body.results.every((r) => r.status === 'rejected')).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
    expect(await sales()).toBe(before);
  });

  it('answers a sale with any one field replaced by a hostile value without a 5xx', async () => {
    const sale = reg.sale();
    const fields = [
      ...Object.keys(sale).map((k) => [k]),
      ...Object.keys(sale.lines[0] ?? {}).map((k) => ['lines', 0, k]),
      ...Object.keys(sale.payments[0] ?? {}).map((k) => ['payments', 0, k]),
      ...Object.keys(sale.totals).map((k) => ['totals', k]),
    ];
    const hostile = fc.oneof(
      fc.jsonValue(),
      fc.constantFrom(2 ** 53 - 1, -(2 ** 53 - 1), 0, -1, 1e300, '', 'x'.repeat(10_000), '\u0000'),
      fc.string({ unit: 'binary' }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), hostile, async (path, value) => {
        const copy = structuredClone(sale) as unknown as Record<string | number, unknown>;
        let at = copy;
        for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
        at[path[path.length - 1] ?? ''] = value;
        const res = await server.app.inject({
          method: 'POST',
          url: '/api/sync/push',
          headers: { authorization: `Bearer ${reg.token}` },
          payload: {
            deviceId: reg.deviceId,
            mutations: [wire('sale.create', copy, reg.next.seq++)],
          },
        });
        expect(res.statusCode, `${path.join('.')} = ${JSON.stringify(value)?.slice(0, 80)}`).toBe(
          200,
        );
      }),
      { numRuns: 300 },
    );
  });

  it('rejects strings the database cannot hold (NUL, lone surrogates) as InvalidMutation', async () => {
    const sale = reg.sale();
    const names = ['nul \u0000 inside', 'lone \ud800 surrogate'];
    const res = await reg.push(
      names.map((name) =>
        wire(
          'sale.create',
          { ...sale, lines: sale.lines.map((l) => ({ ...l, name })) },
          reg.next.seq++,
        ),
      ),
    );
    expect(res.results.map((r) => r.error?.kind)).toEqual(['InvalidMutation', 'InvalidMutation']);
  });
});
