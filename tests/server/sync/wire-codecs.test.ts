// The small codecs of the protocol: the pull cursor, the mutation fingerprint, the body depth
// check and the purge durations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../../src/server/sync/pull-cursor';
import { canonicalJson, payloadHash } from '../../../src/server/sync/payload-hash';
import { withinDepth } from '../../../src/server/sync/json-depth';
import { parseDuration } from '../../../src/server/sync/purge';
import { AppError } from '../../../src/server/errors';

describe('the pull cursor', () => {
  it('round-trips a first-page and a mid-run cursor', () => {
    const first = { v: 1 as const, e: 'abcd1234', w: '1234' };
    const mid = {
      v: 1 as const,
      e: 'abcd1234',
      w: null,
      n: '99',
      m: '120',
      a: ['100', 5, '01a20615-7d78-7197-bf46-758e1a6ce2c8'] as [string, number, string],
      r: 17,
    };
    expect(decodeCursor(encodeCursor(first))).toEqual(first);
    expect(decodeCursor(encodeCursor(mid))).toEqual(mid);
  });

  it.each([
    ['not base64 JSON', 'Zm9v!'],
    ['an unknown version', Buffer.from('{"v":2,"e":"x","w":"1"}').toString('base64url')],
    [
      'a watermark beyond xid8',
      Buffer.from('{"v":1,"e":"x","w":"18446744073709551616"}').toString('base64url'),
    ],
    ['a half mid-run cursor', Buffer.from('{"v":1,"e":"x","w":"1","n":"2"}').toString('base64url')],
    ['an extra field', Buffer.from('{"v":1,"e":"x","w":"1","z":1}').toString('base64url')],
  ])('refuses %s as InvalidRequest', (_, text) => {
    expect(() => decodeCursor(text)).toThrow(AppError);
  });
});

describe('the mutation fingerprint', () => {
  it('is the same whatever the key order, and differs for any other content or kind', () => {
    const a = payloadHash('sale.create', { b: 1, a: [{ y: 2, x: null }] });
    expect(payloadHash('sale.create', { a: [{ x: null, y: 2 }], b: 1 })).toBe(a);
    expect(payloadHash('sale.create', { a: [{ x: null, y: 3 }], b: 1 })).not.toBe(a);
    expect(payloadHash('stock.count', { b: 1, a: [{ y: 2, x: null }] })).not.toBe(a);
    expect(canonicalJson({ z: 'é', a: undefined, m: [1, '2'] })).toBe('{"m":[1,"2"],"z":"é"}');
  });

  // Stored fingerprints are compared forever: a register back after a week resends what it
  // pushed before, and a different hash for the same mutation would be refused as a reused id.
  it('stays the fingerprint stored by earlier versions', () => {
    const sale = {
      id: '01936f3e-0000-7000-8000-000000000001',
      receiptNumber: 'S1-R1-000042',
      storeId: '01936f3e-0000-7000-8000-0000000000aa',
      lines: [
        {
          id: '01936f3e-0000-7000-8000-000000000002',
          name: 'Crème brûlée "fine"',
          quantity: 2,
          unitPrice: 499,
          discount: 0,
          total: 998,
          tax: 159,
        },
      ],
      payments: [
        {
          id: '01936f3e-0000-7000-8000-000000000003',
          kind: 'cash',
          amount: 1000,
          tendered: 2000,
          change: 1000,
        },
      ],
      totals: { total: 998, tax: 159, subtotal: 998, discount: 0, rounding: 0 },
      pricesIncludeTax: true,
      customerId: undefined,
      '10': 'x',
      '2': null,
    };
    expect(payloadHash('sale.create', sale)).toBe(
      '2746d993aa0d476a23323e778df6245580212b3fb3fdcf7454e64caa444d1974',
    );
  });

  it('keeps a member named "__proto__" (as JSON.parse makes it) as a member', () => {
    const parsed: unknown = JSON.parse('{"b":1,"__proto__":{"x":null},"a":[{"__proto__":2}]}');
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"x":null},"a":[{"__proto__":2}],"b":1}');
  });

  it('writes exactly what the plain definition writes, for any JSON', () => {
    // The definition: keys in code-unit order at every level, undefined members left out.
    const plain = (value: unknown): string => {
      if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
      if (Array.isArray(value)) return `[${value.map(plain).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${plain(v)}`).join(',')}}`;
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(plain(value));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the depth check', () => {
  it('measures nesting without recursion, even a million levels deep', () => {
    expect(withinDepth({ a: [{ b: 1 }] }, 3)).toBe(true);
    expect(withinDepth({ a: [{ b: {} }] }, 3)).toBe(false);
    expect(withinDepth('flat', 0)).toBe(true);
    const deep = JSON.parse('['.repeat(1e6) + ']'.repeat(1e6)) as unknown;
    expect(withinDepth(deep, 32)).toBe(false);
  });
});

describe('purge durations', () => {
  it.each([
    ['30d', 30 * 86_400_000],
    ['12h', 12 * 3_600_000],
    ['90m', 90 * 60_000],
    ['0s', 0],
  ])('reads %s', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['', '30', 'd', '-1d', '1.5d', '30 days'])('refuses "%s"', (text) =>
    expect(parseDuration(text)).toBeNull(),
  );
});
