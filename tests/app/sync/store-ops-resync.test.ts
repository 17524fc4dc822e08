// A register that is wiped (a reinstall, or its replacement device) and synced again gets its
// open shift, with the shift's cash movements and voids, and its parked orders back from the
// server: it sells on in the same shift, resumes the parked order and closes with the same Z
// totals as the server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TillDb } from '../../../src/app/db/database';
import { initDevice } from '../../../src/app/db/device-meta';
import { recordSale } from '../../../src/app/db/record-sale';
import { listParked, parkOrder, resumeParked } from '../../../src/app/db/parked';
import { closeShift, moveCash, openShiftOf, shiftTotalsOf } from '../../../src/app/db/shifts';
import { voidSale } from '../../../src/app/db/voids';
import { apiClient } from '../../../src/app/sync/api';
import { login } from '../../../src/app/sync/auth-client';
import { SyncEngine } from '../../../src/app/sync/engine';
import type { SyncEnv } from '../../../src/app/sync/env';
import { platformTimers } from '../../../src/app/sync/env';
import { memoryLocks } from '../../../src/app/sync/locks';
import { bindToRegister } from '../../../src/app/sync/setup';
import { dbSessionPersistence } from '../../../src/app/sync/sync-once';
import { TokenStore } from '../../../src/app/sync/token-store';
import { computeTotals } from '../../../src/shared/pos/totals';
import type { Product } from '../../../src/shared/records/catalog';
import { uuidv7 } from '../../../src/shared/uuidv7';
import type { InjectNetwork } from '../../support/inject-fetch';
import { injectNetwork } from '../../support/inject-fetch';
import type { Register } from '../../support/register-harness';
import { newRegister } from '../../support/register-harness';
import type { TestServer } from '../../support/test-app';
import { testServer } from '../../support/test-app';
import { freshDbName, openDb } from '../../support/till-db';

let server: TestServer;
let net: InjectNetwork;
beforeAll(async () => {
  server = await testServer();
  net = injectNetwork(server.app);
});
afterAll(async () => {
  await server.close();
});

/** A new install on a new device, bound to the register `registerId`, synced once. */
async function reinstall(registerId: string): Promise<{ db: TillDb; engine: SyncEngine }> {
  const db = await openDb(freshDbName('reinstalled'));
  const deviceId = uuidv7();
  await initDevice(db, deviceId);
  const env: SyncEnv = {
    fetch: net.fetch,
    baseUrl: '',
    now: Date.now,
    random: Math.random,
    timers: platformTimers,
  };
  const locks = memoryLocks();
  const tokens = new TokenStore(env, locks, dbSessionPersistence(db));
  const engine = new SyncEngine({ db, env, locks, tokens, connectivity: false });
  await tokens.signIn(
    await login(net.fetch, '', { username: 'cashier1', password: 'demo', deviceId }),
  );
  await bindToRegister(db, apiClient(env, tokens), registerId);
  const first = await engine.syncNow();
  if (!first.ok) throw new Error(`first sync failed: ${first.failure.message}`);
  return { db, engine };
}

/** One unit of `p`, paid by card, recorded on `db`. */
async function sellOne(db: TillDb, cashierId: string, p: Product) {
  const store = (await db.stores.toArray())[0];
  const card = (await db.paymentMethods.toArray()).find((m) => m.kind === 'card');
  if (!store || !card) throw new Error('no store or card tender');
  const line = {
    productId: p.id,
    name: p.name,
    quantity: 1,
    unitPrice: p.price,
    taxRateId: p.taxRateId,
    taxBasisPoints: (await db.taxRates.get(p.taxRateId))?.basisPoints ?? 0,
  };
  const { total } = computeTotals({
    lines: [{ ...line, discount: 0 }],
    orderDiscount: 0,
    pricesIncludeTax: store.pricesIncludeTax,
    cashRounding: store.cashRounding,
    paidAllInCash: false,
  });
  return recordSale(db, {
    cashierId,
    lines: [line],
    payments: [{ methodId: card.id, kind: 'card', amount: total }],
  });
}

describe('a wiped register synced again', () => {
  let reg: Register;
  beforeAll(async () => {
    reg = await newRegister(server, net);
  });
  afterAll(() => reg.engine.stop());

  it('gets its open shift and parked orders back, sells on in the shift and closes it', async () => {
    const shift = await openShiftOf(reg.db);
    if (!shift) throw new Error('no open shift');
    await reg.sell(0);
    await moveCash(reg.db, { kind: 'in', amount: 2_000, reason: 'change', userId: reg.cashierId });
    await voidSale(reg.db, { cashierId: reg.cashierId, lines: [], total: 0 });
    const p = reg.products[0];
    if (!p) throw new Error('no product');
    const order = await parkOrder(reg.db, {
      parkedBy: reg.cashierId,
      note: 'Table 4',
      lines: [{ productId: p.id, name: p.name, quantity: 2, unitPrice: p.price, discount: 0 }],
    });
    expect((await reg.engine.syncNow()).ok).toBe(true);
    const before = await shiftTotalsOf(reg.db, shift);
    reg.engine.stop();

    const again = await reinstall(reg.registerId);
    try {
      const back = await openShiftOf(again.db);
      expect(back).toMatchObject({ id: shift.id, status: 'open', sync: 'synced' });
      // The same X totals: its sales, cash movements and voids came back with it.
      expect(await shiftTotalsOf(again.db, back!)).toEqual(before);
      expect((await listParked(again.db)).map((o) => [o.id, o.note, o.sync])).toEqual([
        [order.id, 'Table 4', 'synced'],
      ]);

      // It sells in the shift it got back, resumes the parked order and closes the shift.
      const resumed = await resumeParked(again.db, order.id);
      expect(resumed.status).toBe('resumed');
      const sale = await sellOne(again.db, reg.cashierId, p);
      expect(sale.shiftId).toBe(shift.id);
      const x = await shiftTotalsOf(again.db, back!);
      expect(x.salesCount).toBe(before.salesCount + 1);
      await closeShift(again.db, { closedBy: reg.cashierId, countedCash: x.expectedCash });
      expect((await again.engine.syncNow()).ok).toBe(true);
      expect(await again.db.outbox.count()).toBe(0);

      const stored = await server.db.query<{ totals_match: boolean; status: string }>(
        `select s.totals_match, p.status from shifts s, parked_orders p
          where s.id = $1 and p.id = $2`,
        [shift.id, order.id],
      );
      expect(stored.rows[0]).toEqual({ totals_match: true, status: 'resumed' });
    } finally {
      again.engine.stop();
    }
  });
});
