// The simulator's own pieces: a seed gives the same stream, and simulated timers fire in time
// order, one at a time, each followed by the settle step.
import { describe, expect, it } from 'vitest';
import { SimClock } from '../../sim/clock';
import { rng } from '../../sim/prng';

describe('rng', () => {
  it('gives the same stream for the same seed and another for another seed', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, () => rng(seed).int(0, 1e9));
    const a = rng(7);
    const b = rng(7);
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(
      Array.from({ length: 20 }, () => b.next()),
    );
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('keeps draws in range and forks independent, reproducible streams', () => {
    const r = rng(1);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(-3, 3);
      expect(n).toBeGreaterThanOrEqual(-3);
      expect(n).toBeLessThanOrEqual(3);
    }
    const f1 = rng(2).fork();
    const f2 = rng(2).fork();
    expect(f1.bytes(16)).toEqual(f2.bytes(16));
  });
});

describe('SimClock', () => {
  it('fires due timers in time order (ties in order of setting), settling after each', async () => {
    const clock = new SimClock(1000);
    const seen: string[] = [];
    clock.setTimeout(() => seen.push(`b@${clock.now()}`), 50);
    clock.setTimeout(() => seen.push(`a@${clock.now()}`), 10);
    clock.setTimeout(() => seen.push(`c@${clock.now()}`), 50);
    const late = clock.setTimeout(() => seen.push('never'), 30);
    clock.clearTimeout(late);
    clock.setTimeout(() => seen.push('later'), 500);
    await clock.advanceTo(1100, async () => {
      seen.push('settle');
    });
    expect(seen).toEqual(['a@1010', 'settle', 'b@1050', 'settle', 'c@1050', 'settle']);
    expect(clock.now()).toBe(1100);
  });

  it('fires a timer set by a timer when it falls due within the same advance', async () => {
    const clock = new SimClock(0);
    const seen: number[] = [];
    clock.setTimeout(() => {
      seen.push(clock.now());
      clock.setTimeout(() => seen.push(clock.now()), 20);
    }, 10);
    await clock.advanceTo(100, async () => undefined);
    expect(seen).toEqual([10, 30]);
  });
});
