// The puller asks for changes since the stored cursor, page by page, and applies each page with
// its cursor in one transaction (db/apply-pull). A 410 means the cursor is older than the
// server's tombstones: start again from no cursor (a full resync, which keeps the outbox and
// unsynced sales). A new epoch means the server was restored: local records go back into the
// outbox and the pull starts again.
import { pullResponse } from '../../shared/api/pull';
import type { TillDb } from '../db/database';
import { applyPulledPage } from '../db/apply-pull';
import { adoptEpoch } from '../db/epoch';
import type { PulledChange } from '../db/pulled-change';
import { parseChange } from '../db/pulled-change';
import { readSyncState, updateSyncState } from '../db/sync-state';
import type { ApiClient } from './api';
import { ApiError, InvalidResponseError } from './http';

export const DEFAULT_PAGE = 2000;

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

export async function pullChanges(
  db: TillDb,
  api: ApiClient,
  opts: { limit?: number; now: () => number; onProgress?: (p: PullProgress) => void },
): Promise<PullSummary> {
  const limit = opts.limit ?? DEFAULT_PAGE;
  const summary: PullSummary = { pages: 0, changes: 0, epochChanged: false, resynced: false };
  let restarts = 0;
  for (;;) {
    const state = await readSyncState(db);
    const from = state.cursor;
    const query = new URLSearchParams({ limit: String(limit) });
    if (from !== null) query.set('cursor', from);
    let page;
    try {
      page = await api.call(`/api/sync/pull?${query.toString()}`, { method: 'GET' }, pullResponse);
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
    const changes: PulledChange[] = [];
    for (const change of page.changes) {
      const parsed = parseChange(change);
      if (typeof parsed === 'string') throw new InvalidResponseError(`pull: ${parsed}`);
      changes.push(parsed);
    }
    await applyPulledPage(
      db,
      { epoch: page.epoch, from, cursor: page.cursor, hasMore: page.hasMore, changes },
      opts.now,
    );
    summary.pages++;
    summary.changes += changes.length;
    opts.onProgress?.({
      done: summary.changes,
      total: page.remaining !== undefined ? summary.changes + page.remaining : null,
    });
    if (!page.hasMore) return summary;
  }
}
