// A pushed batch, answered per mutation in request order. Consecutive plain sales (the bulk of
// any outbox) are applied together in one transaction (apply-sale-run); every other mutation,
// and a run that cannot go as a set, is applied alone in its own transaction, so one bad
// mutation is rejected alone and never blocks those behind it. Order is kept: a shift opened
// in the batch is stored before the sales after it, a close after the sales before it. An
// unexpected failure stops the batch with a 5xx; the client retries it whole, and what was
// committed answers duplicate.
import type { PushRequest, PushResponse, MutationResult } from '../../shared/api/push';
import type { Database } from '../db/database';
import type { PushContext } from './push-context';
import type { RawMutation } from './apply-mutation';
import { applyMutation } from './apply-mutation';
import type { RunItem } from './apply-sale-run';
import { applySaleRun } from './apply-sale-run';
import { compiledMutation } from './mutation-schema';
import { payloadHash } from './payload-hash';

/** A sale that is not a refund (refunds lock their original one at a time), else null. */
function plainSale(raw: RawMutation): RunItem | null {
  if (raw.kind !== 'sale.create') return null;
  const parsed = compiledMutation.safeParse(raw);
  if (!parsed.success || parsed.data.kind !== 'sale.create' || parsed.data.payload.refundOf) {
    return null;
  }
  return { raw, sale: parsed.data.payload, hash: payloadHash(raw.kind, raw.payload) };
}

export async function pushBatch(
  db: Database,
  ctx: PushContext,
  request: PushRequest,
  epoch: string,
): Promise<PushResponse> {
  const results: MutationResult[] = [];
  const mutations = request.mutations;
  for (let i = 0; i < mutations.length;) {
    const run: RunItem[] = [];
    while (i + run.length < mutations.length) {
      const item = plainSale(mutations[i + run.length] as RawMutation);
      if (!item) break;
      run.push(item);
    }
    const answers = run.length > 0 ? await applySaleRun(db, ctx, run) : null;
    if (answers) {
      results.push(...answers);
      i += run.length;
      continue;
    }
    // Not a plain sale, or a run to be applied one by one.
    const alone = Math.max(run.length, 1);
    for (const m of mutations.slice(i, i + alone)) results.push(await applyMutation(db, ctx, m));
    i += alone;
  }
  const response: PushResponse = { epoch, results };
  if (request.epoch !== undefined && request.epoch !== epoch) response.epochChanged = true;
  return response;
}
