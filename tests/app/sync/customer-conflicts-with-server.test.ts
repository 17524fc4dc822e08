// A customer edited on two registers (two register databases, the real server in process).
// Edits of different fields merge without a conflict, and so does a later edit of a value
// pulled from the other register. When both changed the same field, whichever syncs first,
// one register gets the conflict: the one whose edit lost when the winner synced first, the
// one whose edit won when the loser did; a conflict seen on a pull is not shown again by the
// push. A manager there either keeps the merged value (it stays everywhere) or reverts to the
// other, which then wins on the server and on both registers after they sync.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveCustomer } from '../../../src/app/db/customers';
import { createDexieStoreOps } from '../../../src/app/features/store-ops-dexie';
import { apiClient } from '../../../src/app/sync/api';
import { pullChanges } from '../../../src/app/sync/puller';
import { injectNetwork } from '../../support/inject-fetch';
import type { Register } from '../../support/register-harness';
import { newRegister } from '../../support/register-harness';
import type { TestServer } from '../../support/test-app';
import { testServer } from '../../support/test-app';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(async () => {
  await server.close();
});

async function sync(...regs: Register[]) {
  for (const reg of regs) expect((await reg.engine.syncNow()).ok).toBe(true);
}

async function serverCustomer(id: string) {
  const r = await server.db.query<Record<string, unknown>>(
    'select name, email, phone, note from customers where id = $1',
    [id],
  );
  return r.rows[0];
}

/** Ada, made on A and known to both registers; each register has its own browser. */
async function twoRegistersWithAda() {
  const a = await newRegister(server, injectNetwork(server.app));
  const b = await newRegister(server, injectNetwork(server.app));
  const ada = await saveCustomer(a.db, {
    fields: { name: 'Ada', email: 'ada@example.com', phone: '111', note: null },
  });
  await sync(a, b);
  expect(await b.db.customers.get(ada.id)).toMatchObject({ phone: '111' });
  return { a, b, id: ada.id };
}

const later = () => new Promise((r) => setTimeout(r, 5));

/**
 * A's edit of the phone, made on a clock a minute ahead: its stamp is the newer one whatever
 * offsets the two registers took from the server's Date header (up to a second each).
 */
const aChangesPhone = (a: Register, id: string) =>
  saveCustomer(a.db, { id, fields: { phone: '333' } }, () => Date.now() + 60_000);

/** Offline, B changes the phone; later A changes it too. A syncs first, then B. */
async function bothChangePhone() {
  const regs = await twoRegistersWithAda();
  const { a, b, id } = regs;
  await saveCustomer(b.db, { id, fields: { phone: '222' } });
  await aChangesPhone(a, id);
  await sync(a, b);
  return regs;
}

describe('customer edits on two registers', () => {
  it('merges edits of different fields without a conflict', async () => {
    const { a, b, id } = await twoRegistersWithAda();
    await saveCustomer(b.db, { id, fields: { note: 'VIP' } });
    await later();
    await saveCustomer(a.db, { id, fields: { email: 'ada@lovelace.org' } });
    await sync(b, a, b);

    const want = { name: 'Ada', email: 'ada@lovelace.org', phone: '111', note: 'VIP' };
    expect(await serverCustomer(id)).toEqual(want);
    expect(await a.db.customers.get(id)).toMatchObject(want);
    expect(await b.db.customers.get(id)).toMatchObject(want);
    expect(await a.db.conflicts.count()).toBe(0);
    expect(await b.db.conflicts.count()).toBe(0);
  });

  it('records the conflict on the register whose edit lost, with both values', async () => {
    const { a, b, id } = await bothChangePhone();
    expect(await serverCustomer(id)).toMatchObject({ phone: '333' });
    expect(await b.db.customers.get(id)).toMatchObject({ phone: '333' });
    expect(await a.db.conflicts.count()).toBe(0);
    expect(await b.db.conflicts.toArray()).toEqual([
      expect.objectContaining({
        entity: 'customer',
        recordId: id,
        field: 'phone',
        winner: expect.objectContaining({ value: '333' }),
        loser: expect.objectContaining({ value: '222' }),
      }),
    ]);
  });

  it('keep: the conflict goes, nothing is sent, and the merged value stays everywhere', async () => {
    const { a, b, id } = await bothChangePhone();
    const [conflict] = await b.db.conflicts.toArray();
    await createDexieStoreOps({ db: () => b.db }).keepConflict(conflict!.id);
    expect(await b.db.conflicts.count()).toBe(0);
    expect(await b.db.outbox.count()).toBe(0);

    await sync(b, a, b);
    expect(await serverCustomer(id)).toMatchObject({ phone: '333' });
    expect(await a.db.customers.get(id)).toMatchObject({ phone: '333' });
    expect(await b.db.customers.get(id)).toMatchObject({ phone: '333' });
    expect(await a.db.conflicts.count()).toBe(0);
    expect(await b.db.conflicts.count()).toBe(0);
  });

  it('revert: the other value is sent as a new edit and wins on the server and both registers', async () => {
    const { a, b, id } = await bothChangePhone();
    const [conflict] = await b.db.conflicts.toArray();
    let woken = 0;
    const ops = createDexieStoreOps({ db: () => b.db, afterWrite: () => woken++ });
    await ops.revertConflict(conflict!.id);
    expect(woken).toBe(1);
    expect(await b.db.conflicts.count()).toBe(0);
    expect(await b.db.customers.get(id)).toMatchObject({ phone: '222' });
    expect((await b.db.outbox.toArray()).map((e) => [e.kind, e.payload])).toEqual([
      ['customer.upsert', expect.objectContaining({ id, fields: { phone: '222' } })],
    ]);
    // Settled once: a second click (another tab) is told so and changes nothing.
    await expect(ops.revertConflict(conflict!.id)).rejects.toMatchObject({ kind: 'NotFound' });

    await sync(b, a, b);
    const want = { name: 'Ada', email: 'ada@example.com', phone: '222', note: null };
    expect(await serverCustomer(id)).toEqual(want);
    expect(await a.db.customers.get(id)).toMatchObject(want);
    expect(await b.db.customers.get(id)).toMatchObject(want);
    expect(await a.db.conflicts.count()).toBe(0);
    expect(await b.db.conflicts.count()).toBe(0);
    expect(await a.db.outbox.count()).toBe(0);
    expect(await b.db.outbox.count()).toBe(0);
  });
});

describe('the same field changed on two registers, the older edit synced first', () => {
  /** Offline, B changes the phone; later A changes it too. B syncs first, then A. */
  async function loserSyncsFirst() {
    const regs = await twoRegistersWithAda();
    const { a, b, id } = regs;
    await saveCustomer(b.db, { id, fields: { phone: '222' } });
    await aChangesPhone(a, id);
    await sync(b, a, b);
    return regs;
  }

  it('the register whose edit won records the value it overwrote, once', async () => {
    const { a, b, id } = await loserSyncsFirst();
    expect(await serverCustomer(id)).toMatchObject({ phone: '333' });
    expect(await a.db.customers.get(id)).toMatchObject({ phone: '333' });
    expect(await b.db.customers.get(id)).toMatchObject({ phone: '333' });
    expect(await a.db.conflicts.toArray()).toEqual([
      expect.objectContaining({
        entity: 'customer',
        recordId: id,
        field: 'phone',
        winner: expect.objectContaining({ value: '333' }),
        loser: expect.objectContaining({ value: '222' }),
      }),
    ]);
    expect(await b.db.conflicts.count()).toBe(0);
    await sync(a, b);
    expect(await a.db.conflicts.count()).toBe(1);
    expect(await b.db.conflicts.count()).toBe(0);
  });

  it("revert on the winning register brings the other register's value back everywhere", async () => {
    const { a, b, id } = await loserSyncsFirst();
    const [conflict] = await a.db.conflicts.toArray();
    await createDexieStoreOps({ db: () => a.db }).revertConflict(conflict!.id);
    expect(await a.db.customers.get(id)).toMatchObject({ phone: '222' });

    await sync(a, b, a);
    expect(await serverCustomer(id)).toMatchObject({ phone: '222' });
    expect(await a.db.customers.get(id)).toMatchObject({ phone: '222' });
    expect(await b.db.customers.get(id)).toMatchObject({ phone: '222' });
    expect(await a.db.conflicts.count()).toBe(0);
    expect(await b.db.conflicts.count()).toBe(0);
  });
});

describe('no conflict where there is none, and none shown twice', () => {
  /** A pull on its own, as when an edit was made while a sync was under way. */
  const pullOnly = (reg: Register) =>
    pullChanges(reg.db, apiClient(reg.env, reg.tokens), { now: Date.now });

  it('a later edit of the value pulled from the other register is no conflict', async () => {
    const { a, b, id } = await twoRegistersWithAda();
    await saveCustomer(a.db, { id, fields: { phone: '333' } });
    await sync(a, b);
    expect(await b.db.customers.get(id)).toMatchObject({ phone: '333' });
    await saveCustomer(b.db, { id, fields: { phone: '444' } });
    const [sent] = await b.db.outbox.toArray();
    const stampOf333 = (await a.db.customers.get(id))?.stamps.phone;
    expect(sent?.kind === 'customer.upsert' && sent.payload.seen).toEqual({ phone: stampOf333 });

    await sync(b, a);
    expect(await serverCustomer(id)).toMatchObject({ phone: '444' });
    expect(await a.db.customers.get(id)).toMatchObject({ phone: '444' });
    expect(await a.db.conflicts.count()).toBe(0);
    expect(await b.db.conflicts.count()).toBe(0);
  });

  it('a conflict the losing register saw on a pull and kept is not raised again by its push', async () => {
    const { a, b, id } = await twoRegistersWithAda();
    await saveCustomer(b.db, { id, fields: { phone: '222' } });
    await aChangesPhone(a, id);
    await sync(a);
    await pullOnly(b);
    const [conflict] = await b.db.conflicts.toArray();
    expect(conflict).toMatchObject({
      winner: expect.objectContaining({ value: '333' }),
      loser: expect.objectContaining({ value: '222' }),
    });
    await createDexieStoreOps({ db: () => b.db }).keepConflict(conflict!.id);

    await sync(b, a);
    expect(await b.db.outbox.count()).toBe(0);
    expect(await b.db.conflicts.count()).toBe(0);
    expect(await a.db.conflicts.count()).toBe(0);
    expect(await serverCustomer(id)).toMatchObject({ phone: '333' });
    expect(await b.db.customers.get(id)).toMatchObject({ phone: '333' });
  });

  it('a conflict the winning register saw on a pull is shown once after its push', async () => {
    const { a, b, id } = await twoRegistersWithAda();
    await saveCustomer(b.db, { id, fields: { phone: '222' } });
    await aChangesPhone(a, id);
    await sync(b);
    await pullOnly(a);
    expect(await a.db.conflicts.count()).toBe(1);

    await sync(a, b);
    expect(await a.db.conflicts.toArray()).toEqual([
      expect.objectContaining({
        field: 'phone',
        winner: expect.objectContaining({ value: '333' }),
        loser: expect.objectContaining({ value: '222' }),
      }),
    ]);
    expect(await b.db.conflicts.count()).toBe(0);
    expect(await serverCustomer(id)).toMatchObject({ phone: '333' });
    expect(await b.db.customers.get(id)).toMatchObject({ phone: '333' });
  });
});
