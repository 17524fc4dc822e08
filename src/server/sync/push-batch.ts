// A pushed batch: the mutations in request order, each in its own transaction, so one bad
// mutation is rejected alone and never blocks those behind it. An unexpected failure stops
// the batch with a 5xx; the client retries it whole, and what was committed answers duplicate.
import type { PushRequest, PushResponse, MutationResult } from '../../shared/api/push';
import type { Database } from '../db/database';
import type { PushContext } from './push-context';
import { applyMutation } from './apply-mutation';

export async function pushBatch(
  db: Database,
  ctx: PushContext,
  request: PushRequest,
  epoch: string,
): Promise<PushResponse> {
  const results: MutationResult[] = [];
  for (const m of request.mutations) results.push(await applyMutation(db, ctx, m));
  const response: PushResponse = { epoch, results };
  if (request.epoch !== undefined && request.epoch !== epoch) response.epochChanged = true;
  return response;
}
