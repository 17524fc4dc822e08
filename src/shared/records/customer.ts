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
  /**
   * What its author had seen: per edited field, the stamp the register's copy had when the
   * cashier edited it (null or absent: never stamped). The server counts a conflict only when
   * someone else wrote the field meanwhile. Absent altogether in edits of older registers.
   */
  seen: z.record(z.string(), z.string().nullable()).optional(),
});
export type CustomerUpsert = z.infer<typeof customerUpsert>;

const fieldVersion = z.object({ value: z.string().nullable(), stamp: z.string() });

/** One field both sides had changed: `winner` is what the merge kept, `loser` the other. */
export const customerConflict = z.object({
  field: z.enum(['name', 'email', 'phone', 'note']),
  winner: fieldVersion,
  loser: fieldVersion,
});
export type CustomerConflict = z.infer<typeof customerConflict>;

/**
 * The `record` of a customer.upsert's push result (with `merged`, and with `applied` when the
 * edit won a real conflict): the customer as it now stands on the server, plus the conflicts
 * this edit met. Older servers sent the customer alone; read without `conflicts`, older
 * registers still see the customer.
 */
export const customerPushRecord = customer.extend({
  conflicts: z.array(customerConflict).optional(),
});
export type CustomerPushRecord = z.infer<typeof customerPushRecord>;
