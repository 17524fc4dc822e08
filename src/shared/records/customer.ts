// Customers are shared records: edited on registers and on the server, merged per field by
// hybrid logical clock (see shared/sync/resolve.ts).
import { z } from 'zod/mini';
import { id } from './ids';

export const customerFields = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  email: z.nullable(z.string().check(z.maxLength(200))),
  phone: z.nullable(z.string().check(z.maxLength(50))),
  note: z.nullable(z.string().check(z.maxLength(1000))),
});
export type CustomerFields = z.infer<typeof customerFields>;
export type CustomerField = keyof CustomerFields;

export const customer = z.extend(customerFields, {
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
  fields: z.partial(customerFields),
  stamps: z.record(z.string(), z.string()),
  /**
   * What its author had seen: per edited field, the stamp the register's copy had when the
   * cashier edited it (null or absent: never stamped). The server counts a conflict only when
   * someone else wrote the field meanwhile. Absent altogether in edits of older registers.
   */
  seen: z.optional(z.record(z.string(), z.nullable(z.string()))),
});
export type CustomerUpsert = z.infer<typeof customerUpsert>;

const fieldVersion = z.object({ value: z.nullable(z.string()), stamp: z.string() });

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
export const customerPushRecord = z.extend(customer, {
  conflicts: z.optional(z.array(customerConflict)),
});
export type CustomerPushRecord = z.infer<typeof customerPushRecord>;
