// A cart put aside unpaid, resumed later on the same register. A shared record: once resumed
// or cancelled it stays so, whatever an older copy says.
import { z } from 'zod';
import { basisPoints, id, money } from './ids';

export const parkedStatus = z.enum(['parked', 'resumed', 'cancelled']);
export type ParkedStatus = z.infer<typeof parkedStatus>;

export const parkedLine = z.object({
  productId: id,
  name: z.string().min(1).max(200),
  quantity: z.number().int(),
  unitPrice: money,
  discount: money.min(0),
  /** The line's tax as it was rung up, so a resumed cart sells as it was parked. */
  taxRateId: id.optional(),
  taxBasisPoints: basisPoints.optional(),
});
export type ParkedLine = z.infer<typeof parkedLine>;

export const parkedOrder = z.object({
  id,
  storeId: id,
  registerId: id,
  /** The shift it was parked in; offered back at the next open when that shift is over. */
  shiftId: id.nullable(),
  parkedBy: id,
  parkedAt: z.iso.datetime({ offset: true }),
  note: z.string().max(500),
  status: parkedStatus,
  lines: z.array(parkedLine).min(1).max(500),
  orderDiscount: money.min(0),
  customerId: id.nullable().optional(),
  /** The HLC of this version: a newer one wins, except over a final status. */
  hlc: z.string().min(1).max(100),
});
export type ParkedOrder = z.infer<typeof parkedOrder>;

/** resumed and cancelled are final: parked < resumed = cancelled. */
export const parkedRank = (s: ParkedStatus): number => (s === 'parked' ? 0 : 1);
