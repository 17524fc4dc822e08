// The pusher drains the outbox in seq order, in batches, until it is empty. Each answer is
// applied in one transaction (db/apply-push). Transport failures are thrown to the engine,
// which retries the whole batch later: the server dedupes by mutation id, so resending a batch
// whose answer was lost changes nothing.
import { MAX_BATCH, pushResponse } from '../../shared/api/push';
import type { PushRequest } from '../../shared/api/push';
import { applyPushResults } from '../db/apply-push';
import type { TillDb } from '../db/database';
import { getDevice } from '../db/device-meta';
import { adoptEpoch } from '../db/epoch';
import { nextBatch } from '../db/outbox';
import type { OutboxEntry } from '../db/records';
import { readSyncState } from '../db/sync-state';
import type { ApiClient } from './api';
import { jsonBody } from './gzip';
import { InvalidResponseError } from './http';

export const DEFAULT_BATCH = 50;

export interface PushSummary {
  confirmed: number;
  rejected: number;
  /** The server was restored: local records went back into the outbox. */
  requeued: number;
}

function toWire(entry: OutboxEntry): PushRequest['mutations'][number] {
  return { id: entry.id, seq: entry.seq, kind: entry.kind, hlc: entry.hlc, payload: entry.payload };
}

export async function pushOutbox(
  db: TillDb,
  api: ApiClient,
  opts: { batchSize?: number; now: () => number; onBatch?: () => void },
): Promise<PushSummary> {
  const size = Math.max(1, Math.min(MAX_BATCH, opts.batchSize ?? DEFAULT_BATCH));
  const summary: PushSummary = { confirmed: 0, rejected: 0, requeued: 0 };
  const { deviceId } = await getDevice(db);
  for (;;) {
    const batch = await nextBatch(db, size);
    if (batch.length === 0) return summary;
    const { epoch } = await readSyncState(db);
    const request: PushRequest = {
      deviceId,
      ...(epoch ? { epoch } : {}),
      mutations: batch.map(toWire),
    };
    const { body, headers } = await jsonBody(request);
    const answer = await api.call(
      '/api/sync/push',
      { method: 'POST', body, headers },
      pushResponse,
    );
    const outcome = await applyPushResults(
      db,
      batch,
      answer.results,
      new Date(opts.now()).toISOString(),
    );
    summary.confirmed += outcome.confirmed;
    summary.rejected += outcome.rejected;
    summary.requeued += await adoptEpoch(db, answer.epoch);
    opts.onBatch?.();
    // An answer that settles nothing would loop forever: the server is not speaking the protocol.
    if (outcome.confirmed + outcome.rejected === 0)
      throw new InvalidResponseError('the push answer had no result for any mutation sent');
  }
}
