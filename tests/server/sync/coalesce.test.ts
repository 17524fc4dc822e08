// Calls that arrive while an equal one runs go together in the next one, each answered its own.
import { describe, expect, it } from 'vitest';
import { Coalescer } from '../../../src/server/sync/coalesce';

function gate() {
  let open: () => void = () => undefined;
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

describe('Coalescer', () => {
  it('runs the first call at once and the ones that arrive meanwhile together after it', async () => {
    const runs: string[][] = [];
    const gates = [gate(), gate()];
    const c = new Coalescer<string, string>(async (key, inputs) => {
      const n = runs.push(inputs) - 1;
      await gates[n]?.opened;
      return inputs.map((i) => `${key}:${i}:${n}`);
    });
    const first = c.call('k', 'a');
    const later = [c.call('k', 'b'), c.call('k', 'c')];
    const other = c.call('other', 'x');
    expect(runs).toEqual([['a'], ['x']]);
    gates[0]!.open();
    expect(await first).toBe('k:a:0');
    gates[1]!.open();
    expect(await Promise.all(later)).toEqual(['k:b:2', 'k:c:2']);
    expect(await other).toBe('other:x:1');
    expect(runs).toEqual([['a'], ['x'], ['b', 'c']]);
    // Nothing running: the next call starts at once, alone.
    expect(await c.call('k', 'd')).toBe('k:d:3');
  });

  it('fails only the wave whose run failed, and the next wave still runs', async () => {
    let fail = true;
    const g = gate();
    const c = new Coalescer<number, number>(async (_, inputs) => {
      await g.opened;
      if (fail) {
        fail = false;
        throw new Error('database went away');
      }
      return inputs.map((i) => i * 10);
    });
    const first = c.call('k', 1);
    const second = c.call('k', 2);
    g.open();
    await expect(first).rejects.toThrow('database went away');
    expect(await second).toBe(20);
  });

  it('refuses an answer the run left out instead of resolving with nothing', async () => {
    const c = new Coalescer<number, number>(() => Promise.resolve([]));
    await expect(c.call('k', 1)).rejects.toThrow('no answer');
  });
});
