// What the sync engine takes from the world, passed in so tests can drive it: the network, the
// clock, randomness and timers.
import type { Fetch } from './http';

/** Whatever the platform's setTimeout returns (a number in browsers, an object in Node). */
export type TimerHandle = object | number;

export interface Timers {
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** The platform's timers, looked up at call time (so fake timers in tests apply). */
export const platformTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface SyncEnv {
  fetch: Fetch;
  /** The API's origin ('' for same-origin). */
  baseUrl: string;
  now: () => number;
  random: () => number;
  timers: Timers;
}

export function platformEnv(baseUrl = ''): SyncEnv {
  return {
    fetch: (input, init) => globalThis.fetch(input, init),
    baseUrl,
    now: () => Date.now(),
    random: () => Math.random(),
    timers: platformTimers,
  };
}
