// Counts failed logins per key (an address, a username) in a sliding window. Once a key has
// `maxFailures` inside the window, further attempts are refused until the oldest one ages out.

export interface LoginLimiter {
  /** Seconds to wait if any key is locked, else 0. */
  retryAfter(keys: readonly string[], now?: number): number;
  fail(keys: readonly string[], now?: number): void;
  reset(key: string): void;
}

export function loginLimiter(maxFailures: number, windowSeconds: number): LoginLimiter {
  const windowMs = windowSeconds * 1000;
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const list = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (list.length === 0) failures.delete(key);
    else failures.set(key, list);
    return list;
  };
  return {
    retryAfter(keys, now = Date.now()) {
      let wait = 0;
      for (const key of keys) {
        const list = recent(key, now);
        if (list.length >= maxFailures) {
          const oldest = list[list.length - maxFailures] ?? now;
          wait = Math.max(wait, Math.ceil((oldest + windowMs - now) / 1000));
        }
      }
      return wait;
    },
    fail(keys, now = Date.now()) {
      for (const key of keys) failures.set(key, [...recent(key, now), now]);
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
