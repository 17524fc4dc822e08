// The puller asks for changes since the stored cursor, page by page, and applies each page with
// its cursor in one transaction (db/apply-pull). While a page is applied the next one is
// already on its way (asked with the cursor that page stores): download and IndexedDB writes
// overlap. The early request is used only if the stored cursor is then the one it was asked
// with, and its answer or its error is handled exactly as if it had been asked afterwards.
// A 410 means the cursor is older than the server's tombstones: start again from no cursor (a
// full resync, which keeps the outbox and unsynced sales). A new epoch means the server was
// restored: local records go back into the outbox and the pull starts again.
import type { PullResponse } from '../../shared/api/pull';
import { pullResponse } from '../../shared/api/pull';
import type { TillDb } from '../db/database';
import { applyPulledPage } from '../db/apply-pull';
import { readLogMeta } from '../db/block-log';
import { CatalogFeed } from '../db/catalog';
import { adoptEpoch } from '../db/epoch';
import type { PulledChange } from '../db/pulled-change';
import { parseChange } from '../db/pulled-change';
import { readSyncState, updateSyncState } from '../db/sync-state';
import type { ApiClient } from './api';
import { ApiError, InvalidResponseError } from './http';

/** The server's largest page: fewer round trips, and each one's fixed cost paid less often. */
export const DEFAULT_PAGE = 5000;

export interface PullSummary {
  pages: number;
  changes: number;
  /** A new epoch was seen: the outbox may hold records to push again. */
  epochChanged: boolean;
  resynced: boolean;
}

export interface PullProgress {
  done: number;
  total: number | null;
}

/** A request sent ahead, with the cursor it was asked with. */
interface Ahead {
  from: string | null;
  answer: Promise<PullResponse>;
}

function validated(page: PullResponse): PulledChange[] {
  const changes: PulledChange[] = [];
  for (const change of page.changes) {
    const parsed = parseChange(change);
    if (typeof parsed === 'string') throw new InvalidResponseError(`pull: ${parsed}`);
    changes.push(parsed);
  }
  return changes;
}

export async function pullChanges(
  db: TillDb,
  api: ApiClient,
  opts: { limit?: number; now: () => number; onProgress?: (p: PullProgress) => void },
): Promise<PullSummary> {
  const limit = opts.limit ?? DEFAULT_PAGE;
  const summary: PullSummary = { pages: 0, changes: 0, epochChanged: false, resynced: false };
  const ask = (from: string | null): Ahead => {
    const query = new URLSearchParams({ limit: String(limit) });
    if (from !== null) query.set('cursor', from);
    const answer = api.call(`/api/sync/pull?${query.toString()}`, { method: 'GET' }, pullResponse);
    // Awaited later (or dropped when not needed): never an unhandled rejection meanwhile.
    answer.catch(() => undefined);
    return { from, answer };
  };
  let ahead: Ahead | null = null;
  // The catalog of a first download, kept as it is applied, for the till (db/catalog).
  let feed: CatalogFeed | null = null;
  let restarts = 0;
  for (;;) {
    const state = await readSyncState(db);
    const from = state.cursor;
    const request: Ahead = ahead?.from === from ? ahead : ask(from);
    ahead = null;
    let page;
    try {
      page = await request.answer;
    } catch (err) {
      if (err instanceof ApiError && err.status === 410 && from !== null && restarts++ < 3) {
        await updateSyncState(db, { cursor: null });
        summary.resynced = true;
        continue;
      }
      throw err;
    }
    if (state.epoch !== null && page.epoch !== state.epoch) {
      await adoptEpoch(db, page.epoch);
      summary.epochChanged = true;
      summary.resynced = true;
      // This page continued the old server's history; ask again from the start.
      if (from !== null && restarts++ < 3) continue;
    }
    if (page.hasMore) ahead = ask(page.cursor);
    const changes = validated(page);
    if (from === null)
      feed = (await readLogMeta(db, 'products')).entries === 0 ? new CatalogFeed() : null;
    await applyPulledPage(
      db,
      { epoch: page.epoch, from, cursor: page.cursor, hasMore: page.hasMore, changes },
      opts.now,
    );
    feed?.add(changes);
    summary.pages++;
    summary.changes += changes.length;
    opts.onProgress?.({
      done: summary.changes,
      total: page.remaining !== undefined ? summary.changes + page.remaining : null,
    });
    if (!page.hasMore) {
      if (feed) await feed.publish(db);
      return summary;
    }
  }
}
