import { z } from 'zod/mini';
import { id } from './ids';

/** Stock on hand of one product in one store: the sum of its stock movements. */
export const stockLevel = z.object({
  storeId: id,
  productId: id,
  onHand: z.number().check(z.int()),
});
export type StockLevel = z.infer<typeof stockLevel>;

/** A manager's count of one or more products; the server books the difference as movements. */
export const stockCount = z.object({
  id,
  storeId: id,
  countedBy: id,
  deviceTime: z.iso.datetime({ offset: true }),
  lines: z
    .array(z.object({ productId: id, counted: z.number().check(z.int(), z.minimum(0)) }))
    .check(z.minLength(1), z.maxLength(1000)),
});
export type StockCount = z.infer<typeof stockCount>;
