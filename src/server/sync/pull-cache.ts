// Pull pages, serialized once and shared. Many registers pulling the same change at once (a
// price update reaching a whole store) ask for the same page: the same scope and cursor, read
// in the same snapshot. Two transactions whose pg_current_snapshot() is equal see exactly the
// same rows (the snapshot names every transaction whose work is visible), so a page built for
// one is the page for the other. The key holds the snapshot, so an entry can never be served
// after a change; old entries simply stop being asked for and are evicted by size.
import { gzip } from 'node:zlib';
import { promisify } from 'node:util';

const gzipAsync = promisify(gzip);

/** A page as built: its JSON, and the cursor of the page after it (null: the run's last). */
export interface BuiltPage {
  json: string;
  next: string | null;
}

/** A page as sent: its JSON, its gzip made on first demand, and the cursor of the next page. */
export interface ServedPage extends BuiltPage {
  gzipped(): Promise<Buffer>;
}

interface Entry {
  page: Promise<ServedPage>;
  bytes: number;
}

export class PullPageCache {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly maxBytes = 32 * 1024 * 1024) {}

  /** Whether a page is held under `key` (built or being built), without using it. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The page under `key` if it is built or being built, else null. */
  peek(key: string): Promise<ServedPage> | null {
    const hit = this.entries.get(key);
    if (!hit) return null;
    // Most recently used last: eviction takes from the front.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.page;
  }

  /**
   * The page under `key`, built by `build` if no one built or is building it: requests that
   * arrive together wait for one build. A failed build is forgotten (the next one tries again).
   */
  get(key: string, build: () => Promise<BuiltPage>): Promise<ServedPage> {
    const hit = this.peek(key);
    if (hit) return hit;
    const entry: Entry = { page: Promise.resolve(null as never), bytes: 0 };
    entry.page = build().then(
      ({ json, next }) => {
        let zipped: Promise<Buffer> | null = null;
        const page: ServedPage = {
          json,
          next,
          gzipped: () => (zipped ??= gzipAsync(json)),
        };
        this.account(key, entry, json.length * 2);
        return page;
      },
      (err: unknown) => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        throw err;
      },
    );
    this.entries.set(key, entry);
    return entry.page;
  }

  private account(key: string, entry: Entry, bytes: number): void {
    if (this.entries.get(key) !== entry) return;
    entry.bytes = bytes;
    this.bytes += bytes;
    for (const [k, e] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      if (k === key) continue;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
