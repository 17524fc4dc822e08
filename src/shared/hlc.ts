// Hybrid logical clock. A stamp is physical time (corrected by the server's clock) plus a
// counter plus the node (device) id, written so that comparing the STRINGS orders the stamps:
// "000001700000000123-00004-<node>". Every stamp a node makes is greater than every stamp it
// made or received before, so stamps are totally ordered and respect causality.

const MILLIS_DIGITS = 15;
const COUNTER_DIGITS = 5;
const MAX_COUNTER = 10 ** COUNTER_DIGITS - 1;
const pattern = /^(\d{15})-(\d{5})-(.+)$/;

export interface HlcState {
  /** Logical milliseconds: the greatest physical time seen, never going back. */
  millis: number;
  counter: number;
}

export interface HlcStamp extends HlcState {
  node: string;
}

export const initialHlc: HlcState = { millis: 0, counter: 0 };

export function formatHlc(stamp: HlcStamp): string {
  if (!Number.isSafeInteger(stamp.millis) || stamp.millis < 0)
    throw new RangeError('HLC millis must be a non-negative integer');
  if (!/^[^\s]+$/.test(stamp.node)) throw new RangeError('HLC node must be a non-empty word');
  return `${String(stamp.millis).padStart(MILLIS_DIGITS, '0')}-${String(stamp.counter).padStart(COUNTER_DIGITS, '0')}-${stamp.node}`;
}

export function parseHlc(text: string): HlcStamp | null {
  const m = pattern.exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return null;
  return { millis: Number(m[1]), counter: Number(m[2]), node: m[3] };
}

/** Compares two stamps as their strings sort: negative, 0 or positive. */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Advances past `state` for a local event at physical time `physical`. */
export function tickHlc(state: HlcState, physical: number): HlcState {
  const now = Math.max(0, Math.floor(physical));
  if (now > state.millis) return { millis: now, counter: 0 };
  // The counter is bounded so the string stays sortable; past it, borrow a millisecond.
  if (state.counter >= MAX_COUNTER) return { millis: state.millis + 1, counter: 0 };
  return { millis: state.millis, counter: state.counter + 1 };
}

/** Merges a received stamp so that the next local stamp sorts after it. */
export function receiveHlc(state: HlcState, remote: HlcState, physical: number): HlcState {
  const now = Math.max(0, Math.floor(physical));
  const millis = Math.max(state.millis, remote.millis, now);
  let counter: number;
  if (millis === state.millis && millis === remote.millis)
    counter = Math.max(state.counter, remote.counter) + 1;
  else if (millis === state.millis) counter = state.counter + 1;
  else if (millis === remote.millis) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) return { millis: millis + 1, counter: 0 };
  return { millis, counter };
}

/** Milliseconds to add to the device clock so it agrees with a server's `Date` header. */
export function serverOffset(dateHeader: string | null, localNow: number): number | null {
  if (!dateHeader) return null;
  const server = Date.parse(dateHeader);
  if (Number.isNaN(server)) return null;
  // The header has whole seconds; an offset under a second is noise, not a wrong clock.
  const offset = server - localNow;
  return Math.abs(offset) < 1000 ? 0 : offset;
}

export interface HlcClockOptions {
  node: string;
  /** The device's clock (Date.now in production). */
  now: () => number;
  state?: HlcState;
  /** Correction from serverOffset(). */
  offset?: number;
  /** Received stamps further ahead of our corrected time than this are not trusted. */
  maxDriftMs?: number;
}

/** A clock for one node: stamps for local events, merges stamps it receives. */
export class HlcClock {
  readonly node: string;
  private state: HlcState;
  private offset: number;
  private readonly now: () => number;
  private readonly maxDrift: number;

  constructor(opts: HlcClockOptions) {
    this.node = opts.node;
    this.now = opts.now;
    this.state = opts.state ?? initialHlc;
    this.offset = opts.offset ?? 0;
    this.maxDrift = opts.maxDriftMs ?? 24 * 60 * 60 * 1000;
  }

  physical(): number {
    return this.now() + this.offset;
  }

  setOffset(offset: number): void {
    this.offset = offset;
  }

  snapshot(): HlcState {
    return { ...this.state };
  }

  /** A new stamp, greater than every stamp made or received before. */
  stamp(): string {
    this.state = tickHlc(this.state, this.physical());
    return formatHlc({ ...this.state, node: this.node });
  }

  /** Takes in a stamp from elsewhere; false (and no change) if it is malformed or too far ahead. */
  receive(stamp: string): boolean {
    const remote = parseHlc(stamp);
    if (!remote) return false;
    const physical = this.physical();
    if (remote.millis - physical > this.maxDrift) return false;
    this.state = receiveHlc(this.state, remote, physical);
    return true;
  }
}
