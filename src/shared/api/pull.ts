// GET /api/sync/pull: changes in the device's scope since an opaque cursor.
import { z } from 'zod/mini';
import { cashMovement } from '../records/cash-movement';
import { saleVoid } from '../records/sale-void';
import { shiftClose, shiftOpen } from '../records/shift';

export const pullEntity = z.enum([
  'stores',
  'registers',
  'categories',
  'taxRates',
  'paymentMethods',
  'products',
  'stockLevels',
  'customers',
  'sales',
  // New entities go last: the position is the rank that cursors carry.
  'shifts',
  'parkedOrders',
]);
export type PullEntity = z.infer<typeof pullEntity>;

/**
 * A shift as a register pulls it back (`shifts`, the device's register): its open, its close
 * once closed, and the cash movements and voided sales stored in it, so a reinstalled register
 * can go on in its open shift with the same X totals.
 */
export const pulledShift = z.extend(shiftOpen, {
  close: z.nullable(shiftClose),
  cashMovements: z.array(cashMovement).check(z.maxLength(100_000)),
  voids: z.array(saleVoid).check(z.maxLength(100_000)),
});
export type PulledShift = z.infer<typeof pulledShift>;

export const pullQuery = z.object({
  /** Absent: everything. */
  cursor: z.optional(z.string().check(z.maxLength(500))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(5000)), 1000),
});
export type PullQuery = z.infer<typeof pullQuery>;

export const change = z.object({
  entity: pullEntity,
  /** The record's id; for `stockLevels` the product id (one level per product of the store). */
  id: z.string(),
  op: z.enum(['upsert', 'delete']),
  /** The row's version (its writing transaction id), as the digest hashes it. */
  version: z.string(),
  /** The record's wire shape (records/*) with `upsert`; absent with `delete`. */
  data: z.optional(z.unknown()),
});
export type Change = z.infer<typeof change>;

export const pullResponse = z.object({
  epoch: z.string(),
  changes: z.array(change),
  /** Hand back on the next pull. While `hasMore`, it continues this page run. */
  cursor: z.string(),
  hasMore: z.boolean(),
  /** Rows left in this run, when known, for a progress bar. */
  remaining: z.optional(z.number().check(z.int())),
});
export type PullResponse = z.infer<typeof pullResponse>;
