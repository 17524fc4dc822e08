// Retry delays: exponential backoff with full jitter (a random delay between 0 and the
// exponential bound, so a fleet of registers does not retry in step), capped at five minutes.
// A server's Retry-After is a floor: never retry sooner than it asked.

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

/** Longest Retry-After obeyed: a misconfigured proxy must not park a register for a day. */
const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * The delay before retry number `attempt` (0 for the first retry). `random` returns [0, 1).
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  retryAfterSeconds?: number,
  policy: BackoffPolicy = defaultBackoff,
): number {
  const bound = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  const jittered = Math.floor(random() * bound);
  if (retryAfterSeconds === undefined) return jittered;
  return Math.max(jittered, Math.min(MAX_RETRY_AFTER_MS, Math.ceil(retryAfterSeconds * 1000)));
}
