import { z } from 'zod';
import { category, paymentMethod, product, taxRate } from '../records/catalog';
import { register, store } from '../records/store';

export const catalogQuery = z.object({
  /** Opaque: the `nextCursor` of the previous page. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(5000).default(1000),
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
  nextCursor: z.string().nullable(),
});
export type CatalogResponse = z.infer<typeof catalogResponse>;
