// customer.upsert: a register's edit of some fields of a customer, merged per field by HLC
// with the stored copy (the shared resolver, the same the registers run). When a field of the
// edit lost to a newer stamp, the answer is `merged` with the customer as it now stands. The
// real conflicts the edit met (someone else wrote a field it changed since its author's copy)
// travel in the answer's record, also with `applied` when the edit won them, so the register
// that won hears of the value it overwrote.
import type {
  Customer,
  CustomerConflict,
  CustomerField,
  CustomerPushRecord,
  CustomerUpsert,
} from '../../shared/records/customer';
import type { FieldConflict, FieldVersion } from '../../shared/sync/resolve';
import { applyCustomerUpsert, customerRules } from '../../shared/sync/resolve';
import type { Queryable } from '../db/database';
import type { Applied } from './apply-mutation';
import type { PushContext } from './push-context';
import { reject } from './rejection';
import type { CustomerRow } from './sync-records';
import { customerColumns, toCustomer } from './sync-records';

export async function applyCustomer(
  tx: Queryable,
  ctx: PushContext,
  upsert: CustomerUpsert,
): Promise<Applied> {
  if (upsert.storeId !== ctx.storeId)
    reject('Forbidden', 'This customer belongs to another store.');
  const r = await tx.query<CustomerRow>(
    `select ${customerColumns} from customers where id = $1 for update`,
    [upsert.id],
  );
  const row = r.rows[0];
  if (row && row.store_id !== ctx.storeId) {
    reject('Forbidden', 'This customer belongs to another store.');
  }
  const current = row ? toCustomer(row) : null;
  let merged: Customer;
  let conflicts: FieldConflict[];
  try {
    ({ merged, conflicts } = applyCustomerUpsert(current, upsert));
  } catch {
    reject('InvalidMutation', 'A new customer needs a name.');
  }
  if (current) {
    await tx.query(
      `update customers set name = $2, email = $3, phone = $4, note = $5, stamps = $6
        where id = $1`,
      [
        merged.id,
        merged.name,
        merged.email,
        merged.phone,
        merged.note,
        JSON.stringify(merged.stamps),
      ],
    );
  } else {
    await tx.query(
      `insert into customers (id, store_id, name, email, phone, note, stamps)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        merged.id,
        ctx.storeId,
        merged.name,
        merged.email,
        merged.phone,
        merged.note,
        JSON.stringify(merged.stamps),
      ],
    );
  }
  const lost = customerRules.fields.some(
    (f) => upsert.fields[f] !== undefined && merged[f] !== upsert.fields[f],
  );
  if (!lost && conflicts.length === 0) return { status: 'applied' };
  const record: CustomerPushRecord = { ...merged, conflicts: conflicts.map(toWire) };
  return { status: lost ? 'merged' : 'applied', record };
}

/** A conflict as the register reads it: customer fields hold text or nothing. */
function toWire({ field, winner, loser }: FieldConflict): CustomerConflict {
  const version = (v: FieldVersion) => ({ value: v.value as string | null, stamp: v.stamp });
  return { field: field as CustomerField, winner: version(winner), loser: version(loser) };
}
