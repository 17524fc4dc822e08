// GET /api/sync/pull: changes in the device's scope since an opaque cursor.
import { z } from 'zod';
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
export const pulledShift = shiftOpen.extend({
  close: shiftClose.nullable(),
  cashMovements: z.array(cashMovement).max(100_000),
  voids: z.array(saleVoid).max(100_000),
});
export type PulledShift = z.infer<typeof pulledShift>;

export const pullQuery = z.object({
  /** Absent: everything. */
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
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
  data: z.unknown().optional(),
});
export type Change = z.infer<typeof change>;

export const pullResponse = z.object({
  epoch: z.string(),
  changes: z.array(change),
  /** Hand back on the next pull. While `hasMore`, it continues this page run. */
  cursor: z.string(),
  hasMore: z.boolean(),
  /** Rows left in this run, when known, for a progress bar. */
  remaining: z.number().int().optional(),
});
export type PullResponse = z.infer<typeof pullResponse>;
