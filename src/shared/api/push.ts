// POST /api/sync/push: a register's outbox, in seq order, at most 100 mutations a batch.
import { z } from 'zod/mini';
import { id } from '../records/ids';
import { sale } from '../records/sale';
import { stockCount } from '../records/stock';
import { customerUpsert } from '../records/customer';
import { shiftClose, shiftOpen } from '../records/shift';
import { cashMovement } from '../records/cash-movement';
import { saleVoid } from '../records/sale-void';
import { parkedOrder } from '../records/parked-order';
import { mutationErrorKind } from './mutation-error';

export const MAX_BATCH = 100;

const base = {
  /** Made on the device (UUIDv7); the server stores each (device, id) once, forever. */
  id,
  /** Per device, 1, 2, 3, ... without gaps; the server reports gaps (a wiped device). */
  seq: z.number().check(z.int(), z.minimum(1)),
  hlc: z.string().check(z.minLength(1), z.maxLength(100)),
};

export const mutation = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('sale.create'), payload: sale }),
  z.object({ ...base, kind: z.literal('stock.count'), payload: stockCount }),
  z.object({ ...base, kind: z.literal('customer.upsert'), payload: customerUpsert }),
  z.object({ ...base, kind: z.literal('shift.open'), payload: shiftOpen }),
  z.object({ ...base, kind: z.literal('shift.close'), payload: shiftClose }),
  z.object({ ...base, kind: z.literal('cash.move'), payload: cashMovement }),
  z.object({ ...base, kind: z.literal('sale.void'), payload: saleVoid }),
  z.object({ ...base, kind: z.literal('parked.upsert'), payload: parkedOrder }),
]);
export type Mutation = z.infer<typeof mutation>;
export type MutationKind = Mutation['kind'];

/**
 * The envelope is checked strictly; each mutation only loosely, so that one malformed
 * mutation is rejected on its own (InvalidMutation) instead of failing the whole batch.
 * More than MAX_BATCH mutations is answered 413 PayloadTooLarge (split the batch), not 400.
 */
export const pushRequest = z.object({
  deviceId: id,
  epoch: z.optional(z.string().check(z.maxLength(100))),
  mutations: z
    .array(
      z.looseObject({
        id,
        seq: z.number().check(z.int(), z.minimum(1)),
        kind: z.string().check(z.maxLength(50)),
        hlc: z.string().check(z.maxLength(100)),
        payload: z.unknown(),
      }),
    )
    .check(z.minLength(1), z.maxLength(MAX_BATCH)),
});
export type PushRequest = z.infer<typeof pushRequest>;

/**
 * `duplicate`: this id was applied before (by this push or an earlier one) and nothing changed
 * now. A rejected id sent again is answered `rejected` with its stored error again, never
 * `duplicate`, so a lost reply cannot turn a refused sale into a "synced" one.
 */
export const mutationStatus = z.enum(['applied', 'duplicate', 'rejected', 'merged']);
export type MutationStatus = z.infer<typeof mutationStatus>;

export const mutationResult = z.object({
  id,
  status: mutationStatus,
  error: z.optional(
    z.object({
      kind: mutationErrorKind,
      message: z.string(),
      /** TotalsMismatch: the mismatches (see pos/check-sale.ts); InvalidMutation: the issues. */
      details: z.optional(z.unknown()),
    }),
  ),
  /**
   * With `merged`: the record as it now stands on the server. A customer.upsert's record
   * (customerPushRecord) also lists the real conflicts the edit met, and comes with `applied`
   * too when the edit won one.
   */
  record: z.optional(z.unknown()),
});
export type MutationResult = z.infer<typeof mutationResult>;

export const pushResponse = z.object({
  epoch: z.string(),
  /** The request carried another epoch: the server was restored; push everything again. */
  epochChanged: z.optional(z.boolean()),
  results: z.array(mutationResult),
});
export type PushResponse = z.infer<typeof pushResponse>;
