// A whole unpaid sale voided at the till: recorded, never silently discarded.
import { z } from 'zod/mini';
import { id, money } from './ids';

export const saleVoid = z.object({
  id,
  storeId: id,
  registerId: id,
  shiftId: z.optional(z.nullable(id)),
  cashierId: id,
  deviceTime: z.iso.datetime({ offset: true }),
  reason: z.optional(z.string().check(z.maxLength(200))),
  lines: z
    .array(
      z.object({
        productId: id,
        name: z.string().check(z.minLength(1), z.maxLength(200)),
        quantity: z.number().check(z.int()),
        unitPrice: money,
      }),
    )
    .check(z.maxLength(500)),
  /** What the cart came to when it was voided. */
  total: money,
});
export type SaleVoid = z.infer<typeof saleVoid>;
