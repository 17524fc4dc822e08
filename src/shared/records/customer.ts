// Customers are shared records: edited on registers and on the server, merged per field by
// hybrid logical clock (see shared/sync/resolve.ts).
import { z } from 'zod';
import { id } from './ids';

export const customerFields = z.object({
  name: z.string().min(1).max(200),
  email: z.string().max(200).nullable(),
  phone: z.string().max(50).nullable(),
  note: z.string().max(1000).nullable(),
});
export type CustomerFields = z.infer<typeof customerFields>;
export type CustomerField = keyof CustomerFields;

export const customer = customerFields.extend({
  id,
  storeId: id,
  /** The HLC stamp of the last write of each field. */
  stamps: z.record(z.string(), z.string()),
});
export type Customer = z.infer<typeof customer>;

/** An edit of some fields, each with the HLC of the edit. */
export const customerUpsert = z.object({
  id,
  storeId: id,
  fields: customerFields.partial(),
  stamps: z.record(z.string(), z.string()),
});
export type CustomerUpsert = z.infer<typeof customerUpsert>;
