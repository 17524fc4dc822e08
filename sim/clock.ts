// Simulated time: one clock for the whole fleet and virtual timers that fire only when the
// simulator advances the clock, so hours of trading take seconds and every wait is exact.
import type { TimerHandle, Timers } from '../src/app/sync/env';

interface Pending {
  at: number;
  order: number;
  fn: () => void;
}

export class SimClock implements Timers {
  private time: number;
  private order = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(start: number) {
    this.time = start;
  }

  now = (): number => this.time;

  setTimeout = (fn: () => void, ms: number): TimerHandle => {
    const order = ++this.order;
    this.pending.set(order, { at: this.time + Math.max(0, ms), order, fn });
    return order;
  };

  clearTimeout = (handle: TimerHandle): void => {
    if (typeof handle === 'number') this.pending.delete(handle);
  };

  /**
   * Moves time to `to`, firing every timer due on the way in time order, and waiting after
   * each for `settle` (every engine idle): one register works at a time, so a seed replays.
   */
  async advanceTo(to: number, settle: () => Promise<void>): Promise<void> {
    for (;;) {
      let first: Pending | null = null;
      for (const p of this.pending.values())
        if (
          p.at <= to &&
          (!first || p.at < first.at || (p.at === first.at && p.order < first.order))
        )
          first = p;
      if (!first) break;
      this.pending.delete(first.order);
      this.time = Math.max(this.time, first.at);
      first.fn();
      await settle();
    }
    this.time = Math.max(this.time, to);
  }

  /** Timers for a device whose clock is off by `skewMs`: same waits, shifted reading. */
  skewed(skewMs: number): { now: () => number; timers: Timers } {
    return { now: () => this.time + skewMs, timers: this };
  }
}
