import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultBackoff } from '../../../src/app/sync/backoff';

describe('backoff', () => {
  it('grows exponentially with full jitter: a random delay below 1 s, 2 s, 4 s, ...', () => {
    expect([0, 1, 2, 3].map((a) => backoffDelay(a, () => 0.999))).toEqual([999, 1998, 3996, 7992]);
    expect(backoffDelay(5, () => 0)).toBe(0);
    expect(backoffDelay(2, () => 0.5)).toBe(2000);
  });

  it('never waits more than five minutes on its own', () => {
    fc.assert(
      fc.property(
        fc.nat(1000),
        fc.double({ min: 0, max: 0.9999999, noNaN: true }),
        (attempt, r) => {
          const d = backoffDelay(attempt, () => r);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThan(defaultBackoff.capMs);
        },
      ),
    );
  });

  it('never retries sooner than Retry-After asked', () => {
    expect(backoffDelay(0, () => 0.1, 30)).toBe(30_000);
    expect(backoffDelay(10, () => 0.9, 2)).toBeGreaterThan(2_000);
    // A silly Retry-After is obeyed up to an hour, not a day.
    expect(backoffDelay(0, () => 0, 86_400)).toBe(60 * 60_000);
  });
});
