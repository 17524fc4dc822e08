// Applies one pushed mutation exactly once. In ONE transaction: claim the (device, id) row of
// applied_mutations first, apply the kind's writes, store the result. A second push of the same
// id (a retry, a replayed batch, an identical batch running at the same time on another
// connection) finds the claim taken, waits for it to commit, and answers from what was stored.
import type { $ZodError } from 'zod/v4/core';
import type { MutationResult, PushRequest } from '../../shared/api/push';
import type { Database, Queryable } from '../db/database';
import type { PushContext } from './push-context';
import { compiledMutation } from './mutation-schema';
import { payloadHash } from './payload-hash';
import { MutationRejection, rejectionFromDatabase } from './rejection';
import { recordSeq } from './device-seq';
import { applySale } from './apply-sale';
import { applyStockCount } from './apply-stock-count';
import { applyCustomer } from './apply-customer';
import { applyShiftClose, applyShiftOpen } from './apply-shift';
import { applyCashMove } from './apply-cash-move';
import { applySaleVoid } from './apply-sale-void';
import { applyParked } from './apply-parked';

export type RawMutation = PushRequest['mutations'][number];

/** What an applier achieved; rejections are thrown as MutationRejection. */
export interface Applied {
  status: 'applied' | 'duplicate' | 'merged';
  record?: unknown;
}

export type Stored = Omit<MutationResult, 'id'>;

/** Lone surrogates and NULs cannot go into jsonb; stored messages never need them. */
const clean = (s: string) =>
  s.replace(/\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '?');

function invalid(error: $ZodError): MutationRejection {
  const issues = error.issues.slice(0, 5).map((i) => ({
    path: clean(i.path.map(String).join('.')).slice(0, 200),
    message: clean(i.message).slice(0, 200),
  }));
  return new MutationRejection(
    'InvalidMutation',
    'The mutation does not match its schema.',
    issues,
  );
}

/** What is stored and answered for a refused mutation. */
export function rejected(rejection: MutationRejection): Stored {
  const error =
    rejection.details === undefined
      ? { kind: rejection.kind, message: clean(rejection.message) }
      : { kind: rejection.kind, message: clean(rejection.message), details: rejection.details };
  return { status: 'rejected', error };
}

async function dispatch(
  tx: Queryable,
  ctx: PushContext,
  raw: RawMutation,
  hash: string,
): Promise<Applied> {
  const parsed = compiledMutation.safeParse(raw);
  if (!parsed.success) throw invalid(parsed.error);
  const m = parsed.data;
  switch (m.kind) {
    case 'sale.create':
      return applySale(tx, ctx, m.payload, { mutationId: m.id, hash });
    case 'stock.count':
      return applyStockCount(tx, ctx, m.payload, hash);
    case 'customer.upsert':
      return applyCustomer(tx, ctx, m.payload);
    case 'shift.open':
      return applyShiftOpen(tx, ctx, m.payload, hash);
    case 'shift.close':
      return applyShiftClose(tx, ctx, m.payload, hash);
    case 'cash.move':
      return applyCashMove(tx, ctx, m.payload, hash);
    case 'sale.void':
      return applySaleVoid(tx, ctx, m.payload, hash);
    case 'parked.upsert':
      return applyParked(tx, ctx, m.payload);
  }
}

/** Kinds are stored for the record; an unknown one is kept only if it looks like a kind. */
export const storedKind = (kind: string) =>
  /^[a-z][a-zA-Z0-9.]{0,49}$/.test(kind) ? kind : 'unknown';

async function applyOnce(
  tx: Queryable,
  ctx: PushContext,
  raw: RawMutation,
  hash: string,
): Promise<Stored | null> {
  const claimed = await tx.query(
    `insert into applied_mutations
       (device_id, mutation_id, seq, kind, payload_hash, status, store_id, user_id)
     values ($1, $2, $3, $4, $5, 'pending', $6, $7)
     on conflict (device_id, mutation_id) do nothing
     returning 1`,
    [ctx.deviceId, raw.id, raw.seq, storedKind(raw.kind), hash, ctx.storeId, ctx.userId],
  );
  if (claimed.rows.length === 0) return null;

  await tx.query('savepoint apply');
  let result: Stored;
  try {
    const applied = await dispatch(tx, ctx, raw, hash);
    result =
      applied.record === undefined
        ? { status: applied.status }
        : { status: applied.status, record: applied.record };
  } catch (err) {
    const rejection = err instanceof MutationRejection ? err : rejectionFromDatabase(err);
    if (!rejection) throw err;
    await tx.query('rollback to savepoint apply');
    result = rejected(rejection);
  }
  await tx.query(
    `update applied_mutations set status = $3, result = $4
      where device_id = $1 and mutation_id = $2`,
    [ctx.deviceId, raw.id, result.status, JSON.stringify(result)],
  );
  await recordSeq(tx, ctx.deviceId, ctx.storeId, raw.seq);
  return result;
}

/** The answer for an id seen before: its stored result, or MutationIdReuse for new content. */
export function answerSeenBefore(
  ctx: PushContext,
  raw: RawMutation,
  hash: string,
  row: { payload_hash: string; result: Stored | null } | undefined,
): MutationResult {
  if (!row?.result) throw new Error(`applied_mutations row ${raw.id} vanished or is pending`);
  if (row.payload_hash !== hash) {
    ctx.log.warn(
      { event: 'security', kind: 'MutationIdReuse', deviceId: ctx.deviceId, mutationId: raw.id },
      'a mutation id was sent again with other content',
    );
    return {
      id: raw.id,
      status: 'rejected',
      error: {
        kind: 'MutationIdReuse',
        message: 'This mutation id was used before with other content; nothing was applied.',
      },
    };
  }
  if (row.result.status === 'rejected') return { id: raw.id, ...row.result };
  // What the first answer carried (a merged customer, its conflicts) goes with the repeat: a
  // register whose first answer was lost hears it now.
  return row.result.record === undefined
    ? { id: raw.id, status: 'duplicate' }
    : { id: raw.id, status: 'duplicate', record: row.result.record };
}

/** The answers for ids seen before, read in one query. */
export async function replay(
  db: Queryable,
  ctx: PushContext,
  seen: readonly { raw: RawMutation; hash: string }[],
): Promise<MutationResult[]> {
  if (seen.length === 0) return [];
  const r = await db.query<{ mutation_id: string; payload_hash: string; result: Stored | null }>(
    `select mutation_id, payload_hash, result from applied_mutations
      where device_id = $1 and mutation_id = any($2::uuid[])`,
    [ctx.deviceId, seen.map((s) => s.raw.id)],
  );
  // uuid columns come back in lower case; a device may send upper case.
  const rows = new Map(r.rows.map((row) => [row.mutation_id, row]));
  return seen.map((s) => answerSeenBefore(ctx, s.raw, s.hash, rows.get(s.raw.id.toLowerCase())));
}

export async function applyMutation(
  db: Database,
  ctx: PushContext,
  raw: RawMutation,
): Promise<MutationResult> {
  const hash = payloadHash(raw.kind, raw.payload);
  const stored = await db.transaction((tx) => applyOnce(tx, ctx, raw, hash));
  if (stored) return { id: raw.id, ...stored };
  const [answer] = await replay(db, ctx, [{ raw, hash }]);
  if (!answer) throw new Error(`no answer for mutation ${raw.id}`);
  return answer;
}
