// A pull page that never skips a change committed late. In one REPEATABLE READ transaction the
// FIRST statement reads the watermark pg_snapshot_xmin(pg_current_snapshot()): every
// transaction below it has finished and is visible to this snapshot; any that could still
// commit has an xid >= it. So rows with xid >= the previous watermark, read in this snapshot,
// cover everything, and the next run starting from this watermark re-reads whatever was in
// flight. Pages of one run keep the first page's watermark and hand it on at the end; they
// stop below the first page's xmax, so writes during a run cannot keep it from ending.
import { z } from 'zod';
import type { PullResponse } from '../../shared/api/pull';
import { pullEntity, pullResponse } from '../../shared/api/pull';
import type { Database, Queryable } from '../db/database';
import { AppError } from '../errors';
import { decodeCursor, encodeCursor, epochTag } from './pull-cursor';
import type { PullCursor } from './pull-cursor';
import { entitySpecs } from './pull-entities';
import { PullPageCache } from './pull-cache';
import type { ServedPage } from './pull-cache';
import { Coalescer } from './coalesce';
import { pageRows, pullHeads, runSize } from './pull-query';
import type { PageBounds, PullHead, PullScope } from './pull-query';

const resync = (why: string) =>
  new AppError(
    'ResyncRequired',
    `This cursor can no longer be served (${why}): pull from the start.`,
  );

/** 410 for a cursor that may have missed something: from another database or below the purge. */
function checkCursor(cursor: PullCursor, epoch: string, xmax: bigint, purged: string | null) {
  if (cursor.e !== epochTag(epoch)) throw resync('another server epoch');
  const xids = [cursor.w, cursor.n, cursor.m, cursor.a?.[0]].filter((x): x is string => x != null);
  if (xids.some((x) => BigInt(x) > xmax)) throw resync('it is ahead of this database');
  if (cursor.w !== null && purged !== null && BigInt(cursor.w) <= BigInt(purged)) {
    throw resync('deleted rows it had not seen were purged');
  }
}

interface HeadAsk {
  storeId: string;
  deviceId: string;
  bounds: PageBounds;
}

/**
 * What a server shares between pull requests: pages built once per scope, cursor and snapshot,
 * and the heads of requests from one store and cursor, read together while one read runs (one
 * statement for a wave of registers, not one each).
 */
export interface PullSharing {
  pages: PullPageCache;
  heads: Coalescer<HeadAsk, PullHead>;
  /**
   * When a page of each store, cursor and limit was last asked to be built: the shared path
   * (a head read first) pays off only where others pulled the same lately; elsewhere it would
   * be one statement more per pull.
   */
  recent: Map<string, { at: number; key?: string }>;
  /**
   * The next pages of runs being built before they are asked for, by run: a device in a long
   * run (a first sync) asks for page N+1 only once page N has arrived, so its server would
   * otherwise build one page at a time while the device downloads and applies the last one.
   */
  ahead: Map<string, Promise<void>>;
}

/** How long a store's cursor counts as pulled lately, and how many are remembered. */
const RECENT_MS = 30_000;
const RECENT_MAX = 10_000;

export function pullSharing(db: Database): PullSharing {
  return {
    pages: new PullPageCache(),
    heads: new Coalescer<HeadAsk, PullHead>((_, asked) => {
      const first = asked[0];
      if (!first) return Promise.resolve([]);
      return pullHeads(
        db,
        first.storeId,
        asked.map((a) => a.deviceId),
        first.bounds,
      );
    }),
    recent: new Map(),
    ahead: new Map(),
  };
}

/** Waits for the pages being built ahead (a closing server lets them finish). */
export async function settleAhead(sharing: PullSharing): Promise<void> {
  while (sharing.ahead.size > 0) await Promise.all(sharing.ahead.values());
}

function pulledLately(recent: PullSharing['recent'], run: string): boolean {
  const asked = recent.get(run);
  return asked !== undefined && Date.now() - asked.at < RECENT_MS;
}

/** Whether the page last built for a run lately is still held (then no need to build it ahead). */
function stillHeld({ recent, pages }: PullSharing, run: string): boolean {
  const key = pulledLately(recent, run) ? recent.get(run)?.key : undefined;
  return key !== undefined && pages.has(key);
}

const runKey = (storeId: string, cursorText: string | undefined, limit: number, epoch: string) =>
  JSON.stringify([storeId, cursorText ?? null, limit, epoch]);

/** Who pulls: the token's store and device; the device's register is looked up in the page. */
export interface Puller {
  storeId: string;
  deviceId: string;
}

/**
 * A pull page as sent (its JSON, gzip on demand), shared with every request of the same scope
 * and cursor that reads an equal snapshot. A register none of whose own records (sales,
 * shifts, parked orders) is in the run gets its store's page, shared by every such register of
 * the store.
 *
 * Where the same store and cursor were pulled lately, the head is read first (with the heads of
 * the others asking at once): when a page for its snapshot is built or being built, that is the
 * answer, for one round trip. Otherwise a REPEATABLE READ transaction reads the head again and,
 * unless that snapshot's page is built or being built by then, builds it, so the rows, the
 * cursor and the key all come from one snapshot.
 */
export async function pullPage(
  db: Database,
  puller: Puller,
  cursorText: string | undefined,
  limit: number,
  epoch: string,
  sharing: PullSharing,
): Promise<ServedPage> {
  // A page built ahead for this request: wait for it, then take it as any shared page.
  await sharing.ahead.get(runKey(puller.storeId, cursorText, limit, epoch));
  const ahead = (next: string) => buildAhead(db, puller, next, limit, epoch, sharing);
  const { page, built } = await servePage(db, puller, cursorText, limit, epoch, sharing, ahead);
  // A page built here asked for its next one as soon as its rows were read; one built before
  // asks for it now, unless it is built and held.
  const next = page.next;
  if (!built && next !== null && !stillHeld(sharing, runKey(puller.storeId, next, limit, epoch)))
    ahead(next);
  return page;
}

/**
 * Builds the page after one being served, in its own transaction, unless it is being built: its
 * request then finds it shared (when its snapshot is the same, as it is unless something was
 * written meanwhile). A page built ahead asks for no further one, so a device that stops asking
 * leaves at most one page behind (evicted by size like any other).
 */
function buildAhead(
  db: Database,
  puller: Puller,
  next: string,
  limit: number,
  epoch: string,
  sharing: PullSharing,
): void {
  const run = runKey(puller.storeId, next, limit, epoch);
  if (sharing.ahead.has(run)) return;
  const building: Promise<void> = servePage(db, puller, next, limit, epoch, sharing).then(
    () => undefined,
    // The request itself will build it again and answer whatever went wrong.
    () => undefined,
  );
  sharing.ahead.set(run, building);
  void building.then(() => {
    if (sharing.ahead.get(run) === building) sharing.ahead.delete(run);
  });
}

async function servePage(
  db: Database,
  puller: Puller,
  cursorText: string | undefined,
  limit: number,
  epoch: string,
  { pages: cache, heads, recent }: PullSharing,
  onNext?: (next: string) => void,
): Promise<{ page: ServedPage; built: boolean }> {
  const cursor = cursorText === undefined ? null : decodeCursor(cursorText);
  const bounds = { from: cursor?.w ?? null, below: cursor?.m ?? null, after: cursor?.a ?? null };
  const keyOf = (head: PullHead) => {
    if (cursor) checkCursor(cursor, epoch, BigInt(head.xmax), head.purged);
    const scope: PullScope = {
      storeId: puller.storeId,
      registerId: head.registerHasRows ? head.registerId : null,
    };
    const key = JSON.stringify([
      scope.storeId,
      scope.registerId,
      cursorText ?? null,
      limit,
      epoch,
      head.snapshot,
    ]);
    return { scope, key };
  };
  const run = runKey(puller.storeId, cursorText, limit, epoch);
  if (pulledLately(recent, run)) {
    const head = await heads.call(run, {
      storeId: puller.storeId,
      deviceId: puller.deviceId,
      bounds,
    });
    const shared = cache.peek(keyOf(head).key);
    if (shared) return { page: await shared, built: false };
  }
  const asked: { at: number; key?: string } = { at: Date.now() };
  recent.delete(run);
  recent.set(run, asked);
  // Oldest first: a Map keeps insertion order.
  for (const old of recent.keys()) {
    if (recent.size <= RECENT_MAX) break;
    recent.delete(old);
  }
  // A transaction is held only to build: one that finds its page built or being built ends at
  // once and waits without a connection, so a whole store asking at once does not queue on the
  // pool behind one build.
  const got = await db.transaction(async (tx) => {
    const [head] = await pullHeads(tx, puller.storeId, [puller.deviceId], bounds);
    if (!head) throw new Error('no head');
    const { scope, key } = keyOf(head);
    asked.key = key;
    const building = cache.peek(key);
    if (building) return { wait: building };
    const page = await cache.get(key, async () => {
      const built = await buildPage(tx, scope, cursor, bounds, head, limit, epoch, onNext);
      // As the route's response schema would encode it.
      return {
        json: JSON.stringify(z.encode(pullResponse, built)),
        next: built.hasMore ? built.cursor : null,
      };
    });
    return { page };
  }, 'repeatable read');
  return 'page' in got ? { page: got.page, built: true } : { page: await got.wait, built: false };
}

async function buildPage(
  tx: Queryable,
  scope: PullScope,
  cursor: PullCursor | null,
  bounds: PageBounds,
  watermark: { xmin: string; xmax: string },
  limit: number,
  epoch: string,
  onNext?: (next: string) => void,
): Promise<PullResponse> {
  const handOn = cursor?.n ?? watermark.xmin;
  const below = cursor?.m ?? watermark.xmax;
  const rows = await pageRows(tx, scope, bounds, limit + 1);
  const page = rows.slice(0, limit);
  const hasMore = rows.length > limit;
  // The run's size is counted once, on its first page, and only if more pages follow.
  const before = !hasMore
    ? page.length
    : bounds.after
      ? (cursor?.r ?? 0)
      : await runSize(tx, scope, bounds);
  const remaining = hasMore ? Math.max(0, before - page.length) : 0;

  const last = page[page.length - 1];
  const next: PullCursor =
    hasMore && last
      ? {
          v: 1,
          e: epochTag(epoch),
          w: bounds.from,
          n: handOn,
          m: below,
          a: [last.version, last.rank, last.id],
          r: remaining,
        }
      : { v: 1, e: epochTag(epoch), w: handOn };
  const cursorText = encodeCursor(next);
  // The next page's statement can run while this one is encoded and sent.
  if (hasMore) onNext?.(cursorText);

  const changes = page.map((row) => {
    const spec = entitySpecs[row.rank];
    const entity = pullEntity.options[row.rank];
    if (!spec || !entity) throw new Error(`unknown entity rank ${row.rank}`);
    return row.deleted || row.data === null
      ? { entity, id: row.id, op: 'delete' as const, version: row.version }
      : {
          entity,
          id: row.id,
          op: 'upsert' as const,
          version: row.version,
          data: spec.toData(row.data as never),
        };
  });
  return { epoch, changes, cursor: cursorText, hasMore, remaining };
}
