// The pusher drains the outbox in seq order, in batches, until it is empty. While a batch is
// with the server the next one is read and encoded, and it leaves as soon as the answer is in;
// each answer is applied in one transaction (db/apply-push) while that next batch is on its way.
// Transport failures are thrown to the engine, which retries later from the oldest entry: the
// server dedupes by mutation id, so resending a batch whose answer was lost changes nothing.
import { MAX_BATCH, pushResponse } from '../../shared/api/push';
import type { PushRequest, PushResponse } from '../../shared/api/push';
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

/** The server's limit: a batch's fixed costs (a request, a transaction each side) shared widest. */
export const DEFAULT_BATCH = MAX_BATCH;

export interface PushSummary {
  confirmed: number;
  rejected: number;
  /** The server was restored: local records went back into the outbox. */
  requeued: number;
}

function toWire(entry: OutboxEntry): PushRequest['mutations'][number] {
  return { id: entry.id, seq: entry.seq, kind: entry.kind, hlc: entry.hlc, payload: entry.payload };
}

type Sent = { ok: true; answer: PushResponse } | { ok: false; error: unknown };

/** A batch read from the outbox and encoded, ready to go. */
interface Ready {
  batch: OutboxEntry[];
  body: BodyInit;
  headers: Record<string, string>;
}

export async function pushOutbox(
  db: TillDb,
  api: ApiClient,
  opts: { batchSize?: number; now: () => number; onBatch?: () => void },
): Promise<PushSummary> {
  const size = Math.max(1, Math.min(MAX_BATCH, opts.batchSize ?? DEFAULT_BATCH));
  const summary: PushSummary = { confirmed: 0, rejected: 0, requeued: 0 };
  const { deviceId } = await getDevice(db);
  /** The oldest entries (after seq `after`), read and encoded; null when there are none. */
  const prepare = async (after?: number): Promise<Ready | null> => {
    const batch = await nextBatch(db, size, after);
    if (batch.length === 0) return null;
    const { epoch } = await readSyncState(db);
    const request: PushRequest = {
      deviceId,
      ...(epoch ? { epoch } : {}),
      mutations: batch.map(toWire),
    };
    return { batch, ...(await jsonBody(request)) };
  };
  // Settled, never rejected: a batch in flight while another answer is applied must not count
  // as an unhandled rejection if that apply throws first.
  const send = async ({ body, headers }: Ready): Promise<Sent> => {
    try {
      const answer = await api.call(
        '/api/sync/push',
        { method: 'POST', body, headers },
        pushResponse,
      );
      return { ok: true, answer };
    } catch (error) {
      return { ok: false, error };
    }
  };
  const answerOf = (sent: Sent): PushResponse => {
    if (!sent.ok) throw sent.error;
    return sent.answer;
  };

  let ready = await prepare();
  let sent = ready ? send(ready) : null;
  while (ready && sent) {
    // While this batch is with the server, the next one is read and encoded...
    const next = await prepare(ready.batch.at(-1)?.seq);
    const answer = answerOf(await sent);
    // ...and sent as soon as this answer is in, before it is applied: the server has applied
    // this batch, so order holds. Not after a new epoch: entries go back into the outbox under
    // their old seqs, and the next batch is read again from the start.
    const inFlight = next && !answer.epochChanged ? send(next) : null;
    const outcome = await applyPushResults(
      db,
      ready.batch,
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
    if (inFlight) {
      ready = next;
      sent = inFlight;
    } else {
      ready = await prepare();
      sent = ready ? send(ready) : null;
    }
  }
  return summary;
}
