import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HlcClock,
  compareHlc,
  formatHlc,
  parseHlc,
  receiveHlc,
  serverOffset,
  tickHlc,
} from '../../src/shared/hlc';

const node = '0190a0b0-0000-7000-8000-000000000001';

describe('HLC stamps', () => {
  it('are strings that sort like their (millis, counter, node)', () => {
    const stamps = fc.tuple(
      fc.integer({ min: 0, max: 4e12 }),
      fc.integer({ min: 0, max: 99_999 }),
      fc.constantFrom('a', 'b', 'c'),
    );
    fc.assert(
      fc.property(stamps, stamps, ([m1, c1, n1], [m2, c2, n2]) => {
        const a = formatHlc({ millis: m1, counter: c1, node: n1 });
        const b = formatHlc({ millis: m2, counter: c2, node: n2 });
        const expected = m1 - m2 || c1 - c2 || (n1 < n2 ? -1 : n1 > n2 ? 1 : 0);
        expect(Math.sign(compareHlc(a, b))).toBe(Math.sign(expected));
      }),
    );
  });

  it('parse back what format wrote, and refuse other text', () => {
    const stamp = { millis: 1_700_000_000_123, counter: 7, node };
    expect(parseHlc(formatHlc(stamp))).toEqual(stamp);
    expect(parseHlc('yesterday')).toBeNull();
    expect(() => formatHlc({ millis: -1, counter: 0, node })).toThrow(RangeError);
  });
});

describe('the clock', () => {
  it('never goes back, even when the device clock does', () => {
    const times = [1000, 1000, 999, 500, 2000, 1999];
    let t = 0;
    const clock = new HlcClock({ node, now: () => times[t++] ?? 0 });
    const stamps = times.map(() => clock.stamp());
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(stamps.length);
  });

  it('stamps after anything it received (causality)', () => {
    const clock = new HlcClock({ node, now: () => 1000 });
    const remote = formatHlc({ millis: 5000, counter: 3, node: 'other' });
    expect(clock.receive(remote)).toBe(true);
    expect(compareHlc(clock.stamp(), remote)).toBeGreaterThan(0);
  });

  it('does not trust a stamp from far in the future', () => {
    const clock = new HlcClock({ node, now: () => 1000, maxDriftMs: 60_000 });
    expect(clock.receive(formatHlc({ millis: 10_000_000, counter: 0, node: 'x' }))).toBe(false);
    expect(clock.receive('garbage')).toBe(false);
    expect(parseHlc(clock.stamp())?.millis).toBe(1000);
  });

  it('is corrected by the server Date header', () => {
    const local = Date.parse('2024-05-01T10:00:00Z');
    const offset = serverOffset('Wed, 01 May 2024 10:05:00 GMT', local);
    expect(offset).toBe(5 * 60_000);
    const clock = new HlcClock({ node, now: () => local, offset: offset ?? 0 });
    expect(parseHlc(clock.stamp())?.millis).toBe(local + 5 * 60_000);
    expect(serverOffset('Wed, 01 May 2024 10:00:00 GMT', local + 400)).toBe(0);
    expect(serverOffset(null, local)).toBeNull();
    expect(serverOffset('not a date', local)).toBeNull();
  });

  it('borrows a millisecond when the counter is full, staying sortable', () => {
    const full = { millis: 10, counter: 99_999 };
    expect(tickHlc(full, 10)).toEqual({ millis: 11, counter: 0 });
    expect(receiveHlc(full, full, 0)).toEqual({ millis: 11, counter: 0 });
  });

  it('receive keeps the local and remote order for any interleaving', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            op: fc.constantFrom('stamp', 'receive'),
            t: fc.integer({ min: 0, max: 10_000 }),
            remote: fc.integer({ min: 0, max: 10_000 }),
          }),
        ),
        (ops) => {
          let now = 0;
          const clock = new HlcClock({ node: 'me', now: () => now });
          let last = '';
          for (const op of ops) {
            now = op.t;
            if (op.op === 'receive') {
              const remote = formatHlc({ millis: op.remote, counter: 0, node: 'zz' });
              clock.receive(remote);
              if (remote > last) last = remote;
            } else {
              const s = clock.stamp();
              expect(s > last).toBe(true);
              last = s;
            }
          }
        },
      ),
    );
  });
});
