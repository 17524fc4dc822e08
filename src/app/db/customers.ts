// Customers at the till: search the store's customers offline, create and edit them. An edit
// is checked first (nothing is stored when it is refused), then only the fields whose value
// changed get a fresh HLC stamp, and the record and its outbox entry commit together. The
// server merges per field with the shared resolver, so an untouched field never competes; the
// edit also says which stamp each field had here (`seen`), so only a field someone else wrote
// meanwhile counts as a conflict.
import { z } from 'zod/mini';
import type { Customer, CustomerField, CustomerFields } from '../../shared/records/customer';
import { customerFields } from '../../shared/records/customer';
import { customerRules } from '../../shared/sync/resolve';
import { uuidv7 } from '../../shared/uuidv7';
import type { TillDb } from './database';
import { deviceClock, findDevice, getDevice } from './device-meta';
import { enqueue } from './outbox';
import type { LocalCustomer } from './records';
import { mapStorageErrors } from './storage';

/** Why an edit was refused: a closed list the screen turns into words. */
export type CustomerProblem =
  'NameMissing' | 'TooLong' | 'NotText' | 'EmailInvalid' | 'PhoneInvalid' | 'NoStore';

export class InvalidCustomer extends Error {
  override name = 'InvalidCustomer';
  constructor(
    readonly problem: CustomerProblem,
    /** The field at fault, if one is. */
    readonly field: CustomerField | null,
    message: string,
  ) {
    super(message);
  }
}

export interface CustomerEdit {
  /** Absent: a new customer. */
  id?: string;
  fields: Partial<CustomerFields>;
}

/** Text, one @, text, no spaces: enough to catch a typo without refusing a real address. */
const EMAIL = /^[^\s@]+@[^\s@]+$/;
/** Digits with the usual separators, an optional leading +, at least three digits. */
const PHONE = /^\+?[0-9 ()./-]+$/;

/**
 * Trims what was typed, turns an empty optional field into "none" and refuses what a cashier
 * would call wrong: no name, an address without @, a phone number with letters, too long.
 */
export function checkCustomerFields(input: Partial<CustomerFields>): Partial<CustomerFields> {
  const out: Partial<CustomerFields> = {};
  if (input.name !== undefined) {
    const name = typeof input.name === 'string' ? input.name.trim() : '';
    if (!name) throw new InvalidCustomer('NameMissing', 'name', 'A customer needs a name.');
    out.name = name;
  }
  for (const field of ['email', 'phone', 'note'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    const text = typeof value === 'string' ? value.trim() : value;
    out[field] = text === '' ? null : text;
  }
  if (out.email && !EMAIL.test(out.email))
    throw new InvalidCustomer('EmailInvalid', 'email', 'An email address looks like a@b.de.');
  if (out.phone && (!PHONE.test(out.phone) || out.phone.replace(/\D/g, '').length < 3))
    throw new InvalidCustomer('PhoneInvalid', 'phone', 'A phone number is digits, +, spaces.');
  const checked = z.partial(customerFields).safeParse(out);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const at = customerRules.fields.find((f) => f === issue?.path[0]) ?? null;
    if (issue?.code === 'too_big')
      throw new InvalidCustomer('TooLong', at, `The ${at ?? 'text'} is too long.`);
    throw new InvalidCustomer('NotText', at, `The ${at ?? 'value'} must be text.`);
  }
  return out;
}

export async function saveCustomer(
  db: TillDb,
  edit: CustomerEdit,
  now: () => number = Date.now,
): Promise<LocalCustomer> {
  const checked = checkCustomerFields(edit.fields);
  return mapStorageErrors(() =>
    db.transaction('rw', [db.customers, db.outbox, db.deviceMeta], async (tx) => {
      const device = await getDevice(tx);
      if (!device.storeId)
        throw new InvalidCustomer('NoStore', null, 'This register has no store yet.');
      const existing = edit.id ? await db.customers.get(edit.id) : undefined;
      if (!existing && !checked.name)
        throw new InvalidCustomer('NameMissing', 'name', 'A new customer needs a name.');
      // Only what changed is an edit: a field saved as it was keeps its stamp.
      const fields = Object.fromEntries(
        Object.entries(checked).filter(([f, v]) => !existing || existing[f as CustomerField] !== v),
      ) as Partial<CustomerFields>;
      const edited = Object.keys(fields) as CustomerField[];
      if (existing && edited.length === 0) return existing;
      const clock = deviceClock(device, now);
      const stamp = clock.stamp();
      const id = existing?.id ?? edit.id ?? uuidv7(now());
      const stamps = Object.fromEntries(edited.map((f) => [f, stamp]));
      // What the cashier had in front of them: the server counts a conflict only when someone
      // else wrote one of these fields since (a later edit of what was pulled is none).
      const seen = Object.fromEntries(edited.map((f) => [f, existing?.stamps[f] ?? null]));
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
          payload: { id, storeId: record.storeId, fields, stamps, seen },
        },
        id,
        new Date(now()).toISOString(),
      );
      return record;
    }),
  );
}

/** Lower case without accents, so "jose" finds "José". */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Every word of the query is in the name or the email, or its digits are in the phone. */
export function customerMatches(c: Customer, query: string): boolean {
  const hay = fold(`${c.name} ${c.email ?? ''}`);
  const phone = (c.phone ?? '').replace(/\D/g, '');
  return fold(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => {
      const digits = word.replace(/\D/g, '');
      return hay.includes(word) || (digits.length > 0 && phone.includes(digits));
    });
}

/**
 * The store's customers matching a query, by name; all of them (up to `limit`) for an empty
 * query. Read from the local table, so it answers offline. A store keeps thousands of
 * customers at most: a scan in name order costs a few milliseconds and needs no new index.
 */
export async function searchCustomers(
  db: TillDb,
  query: string,
  limit = 50,
): Promise<LocalCustomer[]> {
  const storeId = (await findDevice(db))?.storeId;
  if (!storeId) return [];
  const found: LocalCustomer[] = [];
  await db.customers
    .orderBy('name')
    .until(() => found.length >= limit)
    .each((c) => {
      if (c.storeId === storeId && customerMatches(c, query)) found.push(c);
    });
  return found;
}
