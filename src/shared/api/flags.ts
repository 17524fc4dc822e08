// GET /api/sync/flags (managers): sales the server accepted but wants a person to look at.
// A sale is never refused for stock or price; it is applied and flagged here instead.
import { z } from 'zod/mini';
import { id, money } from '../records/ids';

export const saleFlagKind = z.enum(['oversell', 'priceDrift', 'late']);
export type SaleFlagKind = z.infer<typeof saleFlagKind>;

const base = {
  id,
  saleId: id,
  receiptNumber: z.string(),
  registerId: id,
  productId: id,
  createdAt: z.iso.datetime({ offset: true }),
};

export const saleFlag = z.discriminatedUnion('kind', [
  /** The sale took stock on hand of the product below zero. */
  z.object({
    ...base,
    kind: z.literal('oversell'),
    /** Units this sale took. */
    quantity: z.number().check(z.int()),
    onHandAfter: z.number().check(z.int()),
  }),
  /** A line sold at another price than the catalog's, without an approved override. */
  z.object({
    ...base,
    kind: z.literal('priceDrift'),
    lineId: id,
    catalogPrice: money,
    soldPrice: money,
  }),
  /** The sale reached the server after its shift was closed there; it keeps its shift. */
  z.object({
    id,
    saleId: id,
    receiptNumber: z.string(),
    registerId: id,
    createdAt: z.iso.datetime({ offset: true }),
    kind: z.literal('late'),
    shiftId: id,
  }),
]);
export type SaleFlag = z.infer<typeof saleFlag>;

export const flagsQuery = z.object({
  kind: z.optional(saleFlagKind),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(1000)), 100),
});
export type FlagsQuery = z.infer<typeof flagsQuery>;

export const flagsResponse = z.object({
  epoch: z.string(),
  /** Newest first. */
  flags: z.array(saleFlag),
});
export type FlagsResponse = z.infer<typeof flagsResponse>;
