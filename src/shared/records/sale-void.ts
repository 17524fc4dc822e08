// A whole unpaid sale voided at the till: recorded, never silently discarded.
import { z } from 'zod';
import { id, money } from './ids';

export const saleVoid = z.object({
  id,
  storeId: id,
  registerId: id,
  shiftId: id.nullable().optional(),
  cashierId: id,
  deviceTime: z.iso.datetime({ offset: true }),
  reason: z.string().max(200).optional(),
  lines: z
    .array(
      z.object({
        productId: id,
        name: z.string().min(1).max(200),
        quantity: z.number().int(),
        unitPrice: money,
      }),
    )
    .max(500),
  /** What the cart came to when it was voided. */
  total: money,
});
export type SaleVoid = z.infer<typeof saleVoid>;
