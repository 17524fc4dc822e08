import { z } from 'zod/mini';
import { category, paymentMethod, product, taxRate } from '../records/catalog';
import { register, store } from '../records/store';

export const catalogQuery = z.object({
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(5000)), 1000),
});
export type CatalogQuery = z.infer<typeof catalogQuery>;

/** The caller's store. Products are paged; the small tables come whole on every page. */
export const catalogResponse = z.object({
  store,
  registers: z.array(register),
  categories: z.array(category),
  taxRates: z.array(taxRate),
  paymentMethods: z.array(paymentMethod),
  products: z.array(product),
  nextCursor: z.nullable(z.string()),
});
export type CatalogResponse = z.infer<typeof catalogResponse>;
