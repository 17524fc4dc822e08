import { z } from 'zod/mini';
import { basisPoints, id, money } from './ids';

export const category = z.object({
  id,
  storeId: id,
  name: z.string(),
  sortOrder: z.number().check(z.int()),
});
export type Category = z.infer<typeof category>;

export const taxRate = z.object({
  id,
  storeId: id,
  name: z.string(),
  basisPoints,
});
export type TaxRate = z.infer<typeof taxRate>;

export const paymentMethodKind = z.enum(['cash', 'card', 'other']);
export type PaymentMethodKind = z.infer<typeof paymentMethodKind>;

export const paymentMethod = z.object({
  id,
  storeId: id,
  code: z.string(),
  name: z.string(),
  kind: paymentMethodKind,
});
export type PaymentMethod = z.infer<typeof paymentMethod>;

export const product = z.object({
  id,
  storeId: id,
  sku: z.string(),
  barcodes: z.array(z.string()),
  name: z.string(),
  /** In minor units, as shown on the shelf (tax-inclusive or not, by the store's rule). */
  price: money,
  taxRateId: id,
  categoryId: z.nullable(id),
  active: z.boolean(),
  stockTracked: z.boolean(),
});
export type Product = z.infer<typeof product>;
