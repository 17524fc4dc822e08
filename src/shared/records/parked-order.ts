// A cart put aside unpaid, resumed later on the same register. A shared record: once resumed
// or cancelled it stays so, whatever an older copy says.
import { z } from 'zod/mini';
import { basisPoints, id, money } from './ids';

export const parkedStatus = z.enum(['parked', 'resumed', 'cancelled']);
export type ParkedStatus = z.infer<typeof parkedStatus>;

export const parkedLine = z.object({
  productId: id,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  quantity: z.number().check(z.int()),
  unitPrice: money,
  discount: money.check(z.minimum(0)),
  /** The line's tax as it was rung up, so a resumed cart sells as it was parked. */
  taxRateId: z.optional(id),
  taxBasisPoints: z.optional(basisPoints),
});
export type ParkedLine = z.infer<typeof parkedLine>;

export const parkedOrder = z.object({
  id,
  storeId: id,
  registerId: id,
  /** The shift it was parked in; offered back at the next open when that shift is over. */
  shiftId: z.nullable(id),
  parkedBy: id,
  parkedAt: z.iso.datetime({ offset: true }),
  note: z.string().check(z.maxLength(500)),
  status: parkedStatus,
  lines: z.array(parkedLine).check(z.minLength(1), z.maxLength(500)),
  orderDiscount: money.check(z.minimum(0)),
  customerId: z.optional(z.nullable(id)),
  /** The HLC of this version: a newer one wins, except over a final status. */
  hlc: z.string().check(z.minLength(1), z.maxLength(100)),
});
export type ParkedOrder = z.infer<typeof parkedOrder>;

/** resumed and cancelled are final: parked < resumed = cancelled. */
export const parkedRank = (s: ParkedStatus): number => (s === 'parked' ? 0 : 1);
