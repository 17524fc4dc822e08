// Named exclusive locks. In the browser these are Web Locks, shared by every tab and the
// service worker of the origin, so only one flusher runs and only one token refresh happens at
// a time. Where Web Locks are missing (Node, tests, old browsers) an in-process lock stands in.

export interface Locks {
  /** Runs `work` holding the named lock, waiting for it if another holder has it. */
  request<T>(name: string, work: () => Promise<T>): Promise<T>;
}

/** The part of the browser's LockManager used here. */
export interface LockManagerLike {
  request<T>(name: string, callback: () => Promise<T>): Promise<T>;
}

export function webLocks(manager: LockManagerLike): Locks {
  return { request: (name, work) => manager.request(name, work) };
}

/** Locks within one JavaScript realm: FIFO per name. Share one instance to share the locks. */
export function memoryLocks(): Locks {
  const tails = new Map<string, Promise<void>>();
  return {
    async request<T>(name: string, work: () => Promise<T>): Promise<T> {
      const before = tails.get(name) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((resolve) => (release = resolve));
      const tail = before.then(() => mine);
      tails.set(name, tail);
      await before;
      try {
        return await work();
      } finally {
        release();
        if (tails.get(name) === tail) tails.delete(name);
      }
    },
  };
}

/** Web Locks when the platform has them, else in-process locks. */
export function defaultLocks(nav: { locks?: LockManagerLike } | undefined): Locks {
  return nav?.locks ? webLocks(nav.locks) : memoryLocks();
}
