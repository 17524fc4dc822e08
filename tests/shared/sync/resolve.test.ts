import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../../src/shared/records/customer';
import type { EntityRules, Stamped } from '../../../src/shared/sync/resolve';
import { applyCustomerUpsert, mergeCustomer, mergeStamped } from '../../../src/shared/sync/resolve';

const id = '0190a0b0-0000-7000-8000-00000000c001';
const storeId = '0190a0b0-0000-7000-8000-00000000a001';

function customer(over: Partial<Customer> & { stamps: Record<string, string> }): Customer {
  return { id, storeId, name: 'Ada', email: null, phone: null, note: null, ...over };
}

const t = (n: number, node = 'dev1') => `${String(n).padStart(15, '0')}-00000-${node}`;

describe('mergeCustomer: per-field last writer wins by HLC', () => {
  const base = customer({
    name: 'Ada',
    phone: '111',
    stamps: { name: t(1), phone: t(1), email: t(1), note: t(1) },
  });

  it.each([
    {
      case: 'only the device changed a field: its value wins, no conflict',
      local: { ...base, phone: '222', stamps: { ...base.stamps, phone: t(5) } },
      remote: base,
      expect: { phone: '222', name: 'Ada' },
      conflicts: [],
    },
    {
      case: 'each side changed a different field: both changes survive',
      local: { ...base, phone: '222', stamps: { ...base.stamps, phone: t(5) } },
      remote: { ...base, email: 'a@x', stamps: { ...base.stamps, email: t(3, 'srv') } },
      expect: { phone: '222', email: 'a@x' },
      conflicts: [],
    },
    {
      case: 'both changed the same field: the newer stamp wins and a conflict is kept',
      local: { ...base, phone: '222', stamps: { ...base.stamps, phone: t(5) } },
      remote: { ...base, phone: '333', stamps: { ...base.stamps, phone: t(7, 'srv') } },
      expect: { phone: '333' },
      conflicts: [{ field: 'phone', winner: '333', loser: '222' }],
    },
    {
      case: 'both changed the same field to the same value: no conflict',
      local: { ...base, phone: '222', stamps: { ...base.stamps, phone: t(5) } },
      remote: { ...base, phone: '222', stamps: { ...base.stamps, phone: t(7, 'srv') } },
      expect: { phone: '222' },
      conflicts: [],
    },
    {
      case: 'equal millis: the counter and then the node break the tie',
      local: { ...base, note: 'mine', stamps: { ...base.stamps, note: t(5, 'aaa') } },
      remote: { ...base, note: 'theirs', stamps: { ...base.stamps, note: t(5, 'bbb') } },
      expect: { note: 'theirs' },
      conflicts: [{ field: 'note', winner: 'theirs', loser: 'mine' }],
    },
  ])('$case', ({ local, remote, expect: fields, conflicts }) => {
    for (const [a, b] of [
      [local, remote],
      [remote, local],
    ] as const) {
      const result = mergeCustomer(a, b, base);
      expect(result.merged).toMatchObject(fields);
      expect(
        result.conflicts.map((c) => ({
          field: c.field,
          winner: c.winner.value,
          loser: c.loser.value,
        })),
      ).toEqual(conflicts);
    }
  });

  it('without a known base, differing stamped values count as changed on both sides', () => {
    const a = customer({ phone: '1', stamps: { phone: t(2) } });
    const b = customer({ phone: '2', stamps: { phone: t(3, 'srv') } });
    const { merged, conflicts } = mergeCustomer(a, b);
    expect(merged.phone).toBe('2');
    expect(conflicts).toHaveLength(1);
  });

  it('a stale copy that only the server changed since the base is no conflict', () => {
    const seen = customer({ phone: '1', stamps: { phone: t(2) } });
    const newer = customer({ phone: '2', stamps: { phone: t(3, 'srv') } });
    expect(mergeCustomer(seen, newer, seen).conflicts).toEqual([]);
  });

  it('refuses to merge two different customers', () => {
    const other = customer({ id: '0190a0b0-0000-7000-8000-00000000c002', stamps: {} });
    expect(() => mergeCustomer(customer({ stamps: {} }), other)).toThrow(RangeError);
  });
});

describe('applyCustomerUpsert', () => {
  it('creates a customer from an upsert with a name', () => {
    const { merged } = applyCustomerUpsert(null, {
      id,
      storeId,
      fields: { name: 'Bo', phone: '5' },
      stamps: { name: t(1), phone: t(1) },
    });
    expect(merged).toEqual({
      id,
      storeId,
      name: 'Bo',
      email: null,
      phone: '5',
      note: null,
      stamps: { name: t(1), phone: t(1) },
    });
  });

  it('refuses a new customer without a name', () => {
    expect(() =>
      applyCustomerUpsert(null, { id, storeId, fields: { phone: '5' }, stamps: { phone: t(1) } }),
    ).toThrow(RangeError);
  });

  it('keeps fields the upsert does not carry, and lets an older edit lose', () => {
    const current = customer({
      email: 'old@x',
      phone: '9',
      stamps: { name: t(4), email: t(4), phone: t(9, 'srv') },
    });
    const { merged, conflicts } = applyCustomerUpsert(current, {
      id,
      storeId,
      fields: { email: 'new@x', phone: '1' },
      stamps: { email: t(6), phone: t(5) },
    });
    expect(merged).toMatchObject({ name: 'Ada', email: 'new@x', phone: '9' });
    expect(merged.stamps).toEqual({ name: t(4), email: t(6), phone: t(9, 'srv') });
    expect(conflicts.map((c) => c.field)).toEqual(['email', 'phone']);
  });
});

describe('applyCustomerUpsert with what its author had seen', () => {
  const stored = customer({
    name: 'Ada',
    phone: '333',
    note: 'VIP',
    stamps: { name: t(1), phone: t(7, 'regA'), note: t(1) },
  });
  const edit = (fields: Partial<Customer>, stamp: string, seen?: Record<string, string | null>) =>
    applyCustomerUpsert(stored, {
      id,
      storeId,
      fields,
      stamps: Object.fromEntries(Object.keys(fields).map((f) => [f, stamp])),
      ...(seen ? { seen } : {}),
    });
  const summary = (r: ReturnType<typeof edit>) =>
    r.conflicts.map((c) => ({ field: c.field, winner: c.winner, loser: c.loser }));

  it('a later edit of the stored version is no conflict (the old rule would call it one)', () => {
    const sequential = edit({ phone: '444' }, t(9, 'regB'), { phone: t(7, 'regA') });
    expect(sequential.merged).toMatchObject({ phone: '444' });
    expect(sequential.merged.stamps.phone).toBe(t(9, 'regB'));
    expect(sequential.conflicts).toEqual([]);
    expect(edit({ phone: '444' }, t(9, 'regB')).conflicts).toHaveLength(1);
  });

  it('someone wrote the field since the author saw it, and the edit wins: a conflict', () => {
    const won = edit({ phone: '444' }, t(9, 'regB'), { phone: t(1) });
    expect(won.merged).toMatchObject({ phone: '444' });
    expect(summary(won)).toEqual([
      {
        field: 'phone',
        winner: { value: '444', stamp: t(9, 'regB') },
        loser: { value: '333', stamp: t(7, 'regA') },
      },
    ]);
  });

  it('someone wrote the field since the author saw it, and the edit loses: a conflict', () => {
    const lost = edit({ phone: '222' }, t(5, 'regB'), { phone: t(1) });
    expect(lost.merged).toMatchObject({ phone: '333' });
    expect(summary(lost)).toEqual([
      {
        field: 'phone',
        winner: { value: '333', stamp: t(7, 'regA') },
        loser: { value: '222', stamp: t(5, 'regB') },
      },
    ]);
  });

  it("is no conflict when both wrote the same value, or the stored stamp is the edit's own", () => {
    expect(edit({ phone: '333' }, t(9, 'regB'), { phone: t(1) }).conflicts).toEqual([]);
    expect(edit({ phone: '999' }, t(7, 'regA'), { phone: t(1) }).conflicts).toEqual([]);
  });

  it('a field never stamped when the author saw it counts as seen null (or absent)', () => {
    // The email was never written: no conflict. The phone was, since: a conflict.
    const fields = { email: 'a@x', phone: '444' };
    for (const seen of [{ email: null, phone: null }, {}]) {
      const r = edit(fields, t(9, 'regB'), seen);
      expect(r.merged).toMatchObject(fields);
      expect(r.conflicts.map((c) => c.field)).toEqual(['phone']);
    }
  });

  it('only edited fields count: another field written meanwhile is merged silently', () => {
    const r = edit({ note: 'regular' }, t(9, 'regB'), { note: t(1) });
    expect(r.merged).toMatchObject({ phone: '333', note: 'regular' });
    expect(r.conflicts).toEqual([]);
  });
});

describe('business-rule overrides', () => {
  interface Parked {
    status: 'open' | 'cancelled';
    label: string;
  }
  const rules: EntityRules<Parked> = {
    entity: 'parkedOrder',
    fields: ['status', 'label'],
    rank: { status: (s) => (s === 'cancelled' ? 1 : 0) },
  };
  const order = (status: Parked['status'], stamp: string): Stamped<Parked> => ({
    id,
    stamps: { status: stamp, label: t(1) },
    fields: { status, label: 'table 4' },
  });

  it('a cancelled parked order stays cancelled against a newer reopen', () => {
    const cancelled = order('cancelled', t(2));
    const reopened = order('open', t(9));
    expect(mergeStamped(rules, cancelled, reopened).merged.fields.status).toBe('cancelled');
    expect(mergeStamped(rules, reopened, cancelled).merged.fields.status).toBe('cancelled');
  });
});

// ---- properties: merging is a join (commutative, associative, idempotent) ----

const stamp = fc
  .tuple(
    fc.integer({ min: 0, max: 20 }),
    fc.integer({ min: 0, max: 3 }),
    fc.constantFrom('d1', 'd2', 'srv'),
  )
  .map(([m, c, n]) => `${String(m).padStart(15, '0')}-${String(c).padStart(5, '0')}-${n}`);
const maybeStamp = fc.option(stamp, { nil: undefined });
const small = fc.constantFrom('a', 'b', 'c');
const nullable = fc.option(small, { nil: null });

const arbCustomer: fc.Arbitrary<Customer> = fc
  .record({
    name: small,
    email: nullable,
    phone: nullable,
    note: nullable,
    s: fc.record({ name: maybeStamp, email: maybeStamp, phone: maybeStamp, note: maybeStamp }),
  })
  .map(({ s, ...fields }) => ({
    id,
    storeId,
    ...fields,
    stamps: Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined)) as Record<
      string,
      string
    >,
  }));

describe('merge properties', () => {
  const m = (a: Customer, b: Customer) => mergeCustomer(a, b).merged;

  it('is commutative (merged record and conflicts)', () => {
    fc.assert(
      fc.property(arbCustomer, arbCustomer, (a, b) => {
        expect(m(a, b)).toEqual(m(b, a));
        expect(mergeCustomer(a, b).conflicts).toEqual(mergeCustomer(b, a).conflicts);
      }),
      { numRuns: 500 },
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(arbCustomer, arbCustomer, arbCustomer, (a, b, c) => {
        expect(m(m(a, b), c)).toEqual(m(a, m(b, c)));
      }),
      { numRuns: 500 },
    );
  });

  it('is idempotent and finds no conflict with itself', () => {
    fc.assert(
      fc.property(arbCustomer, (a) => {
        expect(m(a, a)).toEqual(a);
        expect(mergeCustomer(a, a).conflicts).toEqual([]);
      }),
    );
  });

  it('merging in what was already merged changes nothing', () => {
    fc.assert(
      fc.property(arbCustomer, arbCustomer, (a, b) => {
        const ab = m(a, b);
        expect(m(ab, b)).toEqual(ab);
      }),
    );
  });
});
