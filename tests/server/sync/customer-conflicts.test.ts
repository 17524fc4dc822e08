// customer.upsert conflicts on the server: an edit says which stamp each field had when its
// author edited it (`seen`). Only a field someone else wrote since, to another value, is a
// conflict; the answer lists it whether the edit won (`applied`) or lost (`merged`). Edits of
// older registers (no `seen`) keep the rule of before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationResult } from '../../../src/shared/api/push';
import { customer, customerPushRecord } from '../../../src/shared/records/customer';
import { uuidv7 } from '../../../src/shared/uuidv7';
import type { Register } from '../../support/sync-fixtures';
import { signInRegister, wire } from '../../support/sync-fixtures';
import type { TestServer } from '../../support/test-app';
import { testServer } from '../../support/test-app';

let server: TestServer;
let regA: Register;
let regB: Register;
beforeAll(async () => {
  server = await testServer();
  regA = await signInRegister(server, 'cashier1', 'R1');
  regB = await signInRegister(server, 'manager1', 'R2');
});
afterAll(() => server.close());

const t = (n: number, node: string) => `${String(n).padStart(15, '0')}-00000-${node}`;

/** Pushes one edit: every field gets `stamp`; `seen` as given (absent: an older register). */
async function edit(
  reg: Register,
  id: string,
  fields: Record<string, string | null>,
  stamp: string,
  seen?: Record<string, string | null>,
): Promise<MutationResult> {
  const stamps = Object.fromEntries(Object.keys(fields).map((f) => [f, stamp]));
  const payload = { id, storeId: reg.storeId, fields, stamps, ...(seen ? { seen } : {}) };
  const res = await reg.push([wire('customer.upsert', payload, reg.next.seq++)]);
  const [result] = res.results;
  if (!result) throw new Error('no result');
  return result;
}

const conflictsOf = (result: MutationResult) =>
  customerPushRecord.parse(result.record).conflicts ?? null;

async function stored(id: string) {
  const r = await server.db.query<{ phone: string | null; stamps: Record<string, string> }>(
    'select phone, stamps from customers where id = $1',
    [id],
  );
  return r.rows[0];
}

/** Ada, created on A at time 1 with phone 111. */
async function ada(): Promise<string> {
  const id = uuidv7();
  const created = await edit(regA, id, { name: 'Ada', phone: '111' }, t(1, 'A'), {
    name: null,
    phone: null,
  });
  expect(created).toMatchObject({ status: 'applied' });
  expect(created.record).toBeUndefined();
  return id;
}

describe('customer.upsert with what its author had seen', () => {
  it('a later edit of the stored version is applied without a conflict', async () => {
    const id = await ada();
    const b = await edit(regB, id, { phone: '222' }, t(2, 'B'), { phone: t(1, 'A') });
    expect(b).toEqual({ id: expect.any(String), status: 'applied' });
    const a = await edit(regA, id, { phone: '333' }, t(3, 'A'), { phone: t(2, 'B') });
    expect(a).toEqual({ id: expect.any(String), status: 'applied' });
    expect(await stored(id)).toMatchObject({ phone: '333' });
  });

  it('the edit that wins over a value written meanwhile is applied and lists the conflict', async () => {
    const id = await ada();
    // Both saw 111. B syncs first, A's edit is newer.
    await edit(regB, id, { phone: '222' }, t(2, 'B'), { phone: t(1, 'A') });
    const a = await edit(regA, id, { phone: '333' }, t(3, 'A'), { phone: t(1, 'A') });
    expect(a.status).toBe('applied');
    expect(customer.parse(a.record)).toMatchObject({ id, phone: '333' });
    expect(conflictsOf(a)).toEqual([
      {
        field: 'phone',
        winner: { value: '333', stamp: t(3, 'A') },
        loser: { value: '222', stamp: t(2, 'B') },
      },
    ]);
    expect(await stored(id)).toMatchObject({ phone: '333', stamps: { phone: t(3, 'A') } });
  });

  it('the edit that loses to a value written meanwhile is merged and lists the conflict', async () => {
    const id = await ada();
    await edit(regA, id, { phone: '333' }, t(3, 'A'), { phone: t(1, 'A') });
    const b = await edit(regB, id, { phone: '222', note: 'VIP' }, t(2, 'B'), {
      phone: t(1, 'A'),
      note: null,
    });
    expect(b.status).toBe('merged');
    expect(customer.parse(b.record)).toMatchObject({ phone: '333', note: 'VIP' });
    // The note was never written by anyone else: merged in, no conflict.
    expect(conflictsOf(b)).toEqual([
      {
        field: 'phone',
        winner: { value: '333', stamp: t(3, 'A') },
        loser: { value: '222', stamp: t(2, 'B') },
      },
    ]);
    expect(await stored(id)).toMatchObject({ phone: '333' });
  });

  it('answers a repeat of a merged edit (its answer was lost) with the same record', async () => {
    const id = await ada();
    await edit(regA, id, { phone: '333' }, t(3, 'A'), { phone: t(1, 'A') });
    const payload = {
      id,
      storeId: regB.storeId,
      fields: { phone: '222' },
      stamps: { phone: t(2, 'B') },
      seen: { phone: t(1, 'A') },
    };
    const mutation = wire('customer.upsert', payload, regB.next.seq++);
    const first = (await regB.push([mutation])).results[0];
    const repeat = (await regB.push([mutation])).results[0];
    expect(first?.status).toBe('merged');
    expect(repeat).toEqual({ id: mutation.id, status: 'duplicate', record: first?.record });
  });

  it('a value written meanwhile that equals the edit is no conflict', async () => {
    const id = await ada();
    await edit(regB, id, { phone: '222' }, t(2, 'B'), { phone: t(1, 'A') });
    const a = await edit(regA, id, { phone: '222' }, t(3, 'A'), { phone: t(1, 'A') });
    expect(a).toEqual({ id: expect.any(String), status: 'applied' });
  });

  it('keeps what it answered: the same mutation again is a duplicate with the same record', async () => {
    const id = await ada();
    await edit(regB, id, { phone: '222' }, t(2, 'B'), { phone: t(1, 'A') });
    const payload = {
      id,
      storeId: regA.storeId,
      fields: { phone: '333' },
      stamps: { phone: t(3, 'A') },
      seen: { phone: t(1, 'A') },
    };
    const m = wire('customer.upsert', payload, regA.next.seq++);
    const first = await regA.push([m]);
    expect(conflictsOf(first.results[0]!)).toHaveLength(1);
    const again = await regA.push([m]);
    // Only a register that never got the first answer sends it again: it hears the conflict now.
    expect(again.results).toEqual([
      { id: m.id, status: 'duplicate', record: first.results[0]?.record },
    ]);
    expect(await stored(id)).toMatchObject({ phone: '333' });
  });
});

describe('customer.upsert from an older register (no seen)', () => {
  it('counts every edited field with another stamp and value as a conflict, as before', async () => {
    const id = await ada();
    // A sequential edit, but the register does not say so.
    const b = await edit(regB, id, { phone: '222' }, t(2, 'B'));
    expect(b.status).toBe('applied');
    expect(conflictsOf(b)).toEqual([
      {
        field: 'phone',
        winner: { value: '222', stamp: t(2, 'B') },
        loser: { value: '111', stamp: t(1, 'A') },
      },
    ]);
  });

  it('a merged answer still reads as the customer for a register that knows no conflicts', async () => {
    const id = await ada();
    await edit(regA, id, { phone: '333' }, t(3, 'A'));
    const b = await edit(regB, id, { phone: '222' }, t(2, 'B'));
    expect(b.status).toBe('merged');
    const asBefore = customer.parse(b.record);
    expect(asBefore).toEqual({
      id,
      storeId: regB.storeId,
      name: 'Ada',
      email: null,
      phone: '333',
      note: null,
      stamps: { name: t(1, 'A'), phone: t(3, 'A') },
    });
  });
});
