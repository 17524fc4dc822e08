// Customers on the register: bad input is refused with InvalidCustomer and stores nothing; an
// edit stamps and sends only the fields whose value changed; search finds the store's
// customers by name, email or phone digits, offline, from the local table.
import { describe, expect, it } from 'vitest';
import type { CustomerProblem, InvalidCustomer } from '../../../src/app/db/customers';
import {
  checkCustomerFields,
  customerMatches,
  saveCustomer,
  searchCustomers,
} from '../../../src/app/db/customers';
import type { TillDb } from '../../../src/app/db/database';
import type { Customer } from '../../../src/shared/records/customer';
import { uuidv7 } from '../../../src/shared/uuidv7';
import { sellingDb } from '../../support/till-db';

async function refusal(p: () => unknown): Promise<{ problem: CustomerProblem; field: unknown }> {
  try {
    await p();
  } catch (err) {
    expect((err as Error).name).toBe('InvalidCustomer');
    const { problem, field } = err as InvalidCustomer;
    return { problem, field };
  }
  throw new Error('not refused');
}

async function outboxFields(db: TillDb) {
  return (await db.outbox.toArray()).map((e) =>
    e.kind === 'customer.upsert' ? { fields: e.payload.fields, stamps: e.payload.stamps } : null,
  );
}

describe('checking what was typed', () => {
  it.each([
    [{ name: '   ' }, 'NameMissing', 'name'],
    [{ name: 'Ann', email: 'ann.example.com' }, 'EmailInvalid', 'email'],
    [{ name: 'Ann', email: 'ann@' }, 'EmailInvalid', 'email'],
    [{ name: 'Ann', email: 'a b@example.com' }, 'EmailInvalid', 'email'],
    [{ name: 'Ann', phone: '030-CALL-ME' }, 'PhoneInvalid', 'phone'],
    [{ name: 'Ann', phone: '+-' }, 'PhoneInvalid', 'phone'],
    [{ name: 'A'.repeat(201) }, 'TooLong', 'name'],
    [{ name: 'Ann', note: 'n'.repeat(1001) }, 'TooLong', 'note'],
  ] as const)('refuses %j as %s', async (fields, problem, field) => {
    expect(await refusal(() => checkCustomerFields(fields))).toEqual({ problem, field });
  });

  it('trims, and stores an empty optional field as none', () => {
    expect(
      checkCustomerFields({ name: ' Ann ', email: ' ', phone: ' +49 (30) 123-45 ', note: '' }),
    ).toEqual({ name: 'Ann', email: null, phone: '+49 (30) 123-45', note: null });
  });
});

describe('saving a customer', () => {
  it('creates one with every given field stamped and queued in the same transaction', async () => {
    const db = await sellingDb();
    const c = await saveCustomer(db, {
      fields: { name: 'Ann Lee', email: 'ann@example.com', phone: '', note: '' },
    });
    expect(await db.customers.get(c.id)).toMatchObject({
      name: 'Ann Lee',
      email: 'ann@example.com',
      phone: null,
      note: null,
      base: null,
    });
    const [sent] = await outboxFields(db);
    expect(sent?.fields).toEqual({
      name: 'Ann Lee',
      email: 'ann@example.com',
      phone: null,
      note: null,
    });
    expect(Object.keys(sent?.stamps ?? {}).sort()).toEqual(['email', 'name', 'note', 'phone']);
  });

  it('sends only the fields whose value changed, and nothing for an unchanged save', async () => {
    const db = await sellingDb();
    const c = await saveCustomer(db, {
      fields: { name: 'Ann', email: null, phone: null, note: null },
    });
    const edited = await saveCustomer(db, {
      id: c.id,
      fields: { name: 'Ann', email: '', phone: '0301234', note: null },
    });
    expect(edited.phone).toBe('0301234');
    expect(edited.stamps.name).toBe(c.stamps.name);
    expect(edited.stamps.phone).not.toBe(c.stamps.phone);
    await saveCustomer(db, { id: c.id, fields: { name: 'Ann', phone: '0301234' } });
    const sent = await outboxFields(db);
    expect(sent.map((s) => s?.fields)).toEqual([
      { name: 'Ann', email: null, phone: null, note: null },
      { phone: '0301234' },
    ]);
  });

  it('says per edited field which stamp it had seen: none for a new customer', async () => {
    const db = await sellingDb();
    const c = await saveCustomer(db, { fields: { name: 'Ann', phone: '0301' } });
    const first = await saveCustomer(db, { id: c.id, fields: { phone: '0302', note: 'VIP' } });
    await saveCustomer(db, { id: c.id, fields: { phone: '0303' } });
    const seen = (await db.outbox.toArray()).map((e) =>
      e.kind === 'customer.upsert' ? e.payload.seen : undefined,
    );
    expect(c.stamps.phone).toEqual(expect.any(String));
    expect(first.stamps.phone).not.toBe(c.stamps.phone);
    expect(seen).toEqual([
      { name: null, phone: null },
      // The phone had the stamp of its creation; the note was never stamped.
      { phone: c.stamps.phone, note: null },
      { phone: first.stamps.phone },
    ]);
  });

  it('stores nothing when an edit is refused, and keeps the customer as it was', async () => {
    const db = await sellingDb();
    const c = await saveCustomer(db, { fields: { name: 'Ann', email: 'ann@example.com' } });
    const before = await db.customers.get(c.id);
    expect(
      await refusal(() =>
        saveCustomer(db, { id: c.id, fields: { name: 'Ann B', email: 'not an address' } }),
      ),
    ).toEqual({ problem: 'EmailInvalid', field: 'email' });
    expect(await refusal(() => saveCustomer(db, { fields: { email: 'x@y.de' } }))).toEqual({
      problem: 'NameMissing',
      field: 'name',
    });
    expect(await db.customers.get(c.id)).toEqual(before);
    expect(await db.customers.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('searching customers', () => {
  const base = { storeId: 's', email: null, phone: null, note: null, stamps: {} };
  const jose: Customer = {
    ...base,
    id: '1',
    name: 'José Müller',
    email: 'jm@mail.de',
    phone: '+49 30 1234-567',
  };

  it.each([
    ['jose', true],
    ['MÜLL jos', true],
    ['jm@mail', true],
    ['301234567', true],
    ['1234 567', true],
    ['jose anna', false],
    ['999', false],
    ['', true],
  ])('%j matches José: %s', (query, want) => {
    expect(customerMatches(jose, query)).toBe(want);
  });

  it("finds only this store's customers, by name, from the local table", async () => {
    const db = await sellingDb();
    for (const name of ['Zoe Ball', 'Anna Berg', 'Ben Anders'])
      await saveCustomer(db, { fields: { name } });
    await db.customers.put({
      ...base,
      id: uuidv7(),
      storeId: uuidv7(),
      name: 'Anna Elsewhere',
      base: null,
    });
    expect((await searchCustomers(db, 'an')).map((c) => c.name)).toEqual([
      'Anna Berg',
      'Ben Anders',
    ]);
    expect((await searchCustomers(db, '')).map((c) => c.name)).toEqual([
      'Anna Berg',
      'Ben Anders',
      'Zoe Ball',
    ]);
    expect(await searchCustomers(db, '', 2)).toHaveLength(2);
  });
});
