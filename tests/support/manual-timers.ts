// Timers and a clock that move only when a test says so. (fake-indexeddb needs the real
// timers, so the engine's timers are injected instead of faked globally.)
import type { Timers } from '../../src/app/sync/env';

export interface ManualClock extends Timers {
  now: () => number;
  /** Moves time forward, running every timer that falls due, in order. */
  advance: (ms: number) => Promise<void>;
  /** Delays of the timers set so far, in order. */
  readonly scheduled: number[];
  pending: () => number;
}

export function manualClock(start = Date.parse('2024-05-01T10:00:00Z')): ManualClock {
  let time = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const scheduled: number[] = [];
  const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return {
    now: () => time,
    scheduled,
    pending: () => timers.size,
    setTimeout: (fn, ms) => {
      const id = nextId++;
      scheduled.push(ms);
      timers.set(id, { at: time + Math.max(0, ms), fn });
      return id;
    },
    clearTimeout: (handle) => {
      timers.delete(handle as number);
    },
    advance: async (ms) => {
      const end = time + ms;
      for (;;) {
        await settle();
        const due = [...timers.entries()]
          .filter(([, t]) => t.at <= end)
          .sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        timers.delete(due[0]);
        time = Math.max(time, due[1].at);
        due[1].fn();
      }
      time = end;
      await settle();
    },
  };
}
