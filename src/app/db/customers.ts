// Customer edits at the till: each edited field gets a fresh HLC stamp, and the record and its
// outbox entry commit together. The server merges per field with the shared resolver.
import { HlcClock } from '../../shared/hlc';
import type { CustomerFields } from '../../shared/records/customer';
import { customerFields } from '../../shared/records/customer';
import { uuidv7 } from '../../shared/uuidv7';
import type { TillDb } from './database';
import { getDevice } from './device-meta';
import { enqueue } from './outbox';
import type { LocalCustomer } from './records';
import { mapStorageErrors } from './storage';

export class InvalidCustomer extends Error {
  override name = 'InvalidCustomer';
}

export interface CustomerEdit {
  /** Absent: a new customer. */
  id?: string;
  fields: Partial<CustomerFields>;
}

export async function saveCustomer(
  db: TillDb,
  edit: CustomerEdit,
  now: () => number = Date.now,
): Promise<LocalCustomer> {
  const checked = customerFields.partial().safeParse(edit.fields);
  if (!checked.success) throw new InvalidCustomer(checked.error.issues[0]?.message ?? 'invalid');
  const fields = checked.data;
  return mapStorageErrors(() =>
    db.transaction('rw', [db.customers, db.outbox, db.deviceMeta], async (tx) => {
      const device = await getDevice(tx);
      if (!device.storeId) throw new InvalidCustomer('This register has no store yet.');
      const existing = edit.id ? await db.customers.get(edit.id) : undefined;
      if (!existing && !fields.name) throw new InvalidCustomer('A new customer needs a name.');
      const clock = new HlcClock({
        node: device.deviceId,
        now,
        state: device.hlc,
        offset: device.clockOffset,
      });
      const stamp = clock.stamp();
      const id = existing?.id ?? edit.id ?? uuidv7(now());
      const edited = Object.keys(fields) as (keyof CustomerFields)[];
      const stamps = Object.fromEntries(edited.map((f) => [f, stamp]));
      const record: LocalCustomer = {
        id,
        storeId: existing?.storeId ?? device.storeId,
        name: fields.name ?? existing?.name ?? '',
        email: fields.email !== undefined ? fields.email : (existing?.email ?? null),
        phone: fields.phone !== undefined ? fields.phone : (existing?.phone ?? null),
        note: fields.note !== undefined ? fields.note : (existing?.note ?? null),
        stamps: { ...existing?.stamps, ...stamps },
        base: existing?.base ?? null,
      };
      await tx.table('deviceMeta').put({ ...device, hlc: clock.snapshot() });
      await db.customers.put(record);
      await enqueue(
        tx,
        {
          id: uuidv7(now()),
          kind: 'customer.upsert',
          hlc: stamp,
          payload: { id, storeId: record.storeId, fields, stamps },
        },
        id,
        new Date(now()).toISOString(),
      );
      return record;
    }),
  );
}
