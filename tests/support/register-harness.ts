// A register (a browser install) against the real server in process: its own Dexie database,
// the real sync engine, the network of inject-fetch. Each harness sells on a register of its
// own, so receipt numbers of different tests never meet on the shared server.
import type { TillDb } from '../../src/app/db/database';
import { initDevice } from '../../src/app/db/device-meta';
import { recordSale } from '../../src/app/db/record-sale';
import { openShift } from '../../src/app/db/shifts';
import type { LocalSale } from '../../src/app/db/records';
import { apiClient } from '../../src/app/sync/api';
import { login } from '../../src/app/sync/auth-client';
import { SyncEngine } from '../../src/app/sync/engine';
import type { SyncEngineOptions } from '../../src/app/sync/engine';
import type { SyncEnv } from '../../src/app/sync/env';
import { platformTimers } from '../../src/app/sync/env';
import type { Locks } from '../../src/app/sync/locks';
import { memoryLocks } from '../../src/app/sync/locks';
import { bindToRegister } from '../../src/app/sync/setup';
import { computeTotals } from '../../src/shared/pos/totals';
import { dbSessionPersistence } from '../../src/app/sync/sync-once';
import { TokenStore } from '../../src/app/sync/token-store';
import { allProducts } from '../../src/app/db/catalog';
import { uuidv7 } from '../../src/shared/uuidv7';
import type { Product } from '../../src/shared/records/catalog';
import type { InjectNetwork } from './inject-fetch';
import type { TestServer } from './test-app';
import { freshDbName, openDb } from './till-db';

let registers = 0;

/** A register of its own in the store of `storeCode`, made on the server. */
export async function makeRegister(server: TestServer, storeCode = 'S1'): Promise<string> {
  registers += 1;
  const code = `T${process.pid % 1000}X${registers}`;
  const r = await server.db.query<{ id: string }>(
    `insert into registers (store_id, code, name)
     select id, $2, $3 from stores where code = $1 returning id`,
    [storeCode, code, `Test register ${registers}`],
  );
  const id = r.rows[0]?.id;
  if (!id) throw new Error(`no store ${storeCode}`);
  return id;
}

export interface Register {
  name: string;
  db: TillDb;
  engine: SyncEngine;
  tokens: TokenStore;
  env: SyncEnv;
  locks: Locks;
  deviceId: string;
  registerId: string;
  products: Product[];
  cashierId: string;
  sell(productIndex?: number): Promise<LocalSale>;
  /** A new Dexie instance and engine over the same database (a page reload). */
  reload(): Promise<Register>;
  /** Another tab: a second Dexie instance and engine over the same database, both open. */
  anotherTab(): Promise<Register>;
}

export interface RegisterOptions {
  username?: string;
  locks?: Locks;
  engine?: Partial<SyncEngineOptions>;
  /** Runs on each Dexie instance before it opens (test middleware). */
  prepare?: (db: TillDb) => void;
  now?: () => number;
  /** Open a shift after the first sync (and push it), so the register can sell; default true. */
  openShift?: boolean;
}

function build(
  net: InjectNetwork,
  db: TillDb,
  name: string,
  base: { deviceId: string; registerId: string; products: Product[]; cashierId: string },
  opts: RegisterOptions,
): Register {
  const env: SyncEnv = {
    fetch: net.fetch,
    baseUrl: '',
    now: opts.now ?? Date.now,
    random: Math.random,
    timers: platformTimers,
  };
  const locks = opts.locks ?? memoryLocks();
  const tokens = new TokenStore(env, locks, dbSessionPersistence(db));
  const engine = new SyncEngine({ db, env, locks, tokens, connectivity: false, ...opts.engine });
  const reg: Register = {
    name,
    db,
    engine,
    tokens,
    env,
    locks,
    ...base,
    sell: async (i = 0) => {
      if (base.products.length === 0)
        base.products.push(
          ...[...(await allProducts(db)).values()].filter((p) => p.active).slice(0, 10),
        );
      const p = base.products[i % base.products.length]!;
      const store = (await db.stores.toArray())[0]!;
      const taxBasisPoints = (await db.taxRates.get(p.taxRateId))?.basisPoints ?? 0;
      const line = {
        productId: p.id,
        name: p.name,
        quantity: 1 + (i % 3),
        unitPrice: p.price,
        taxRateId: p.taxRateId,
        taxBasisPoints,
        stockTracked: p.stockTracked,
      };
      const { total } = computeTotals({
        lines: [{ ...line, discount: 0 }],
        orderDiscount: 0,
        pricesIncludeTax: store.pricesIncludeTax,
        cashRounding: store.cashRounding,
        paidAllInCash: false,
      });
      const method = (await db.paymentMethods.toArray()).find((m) => m.kind === 'card');
      return recordSale(
        db,
        {
          cashierId: base.cashierId,
          lines: [line],
          payments: [{ methodId: method?.id ?? uuidv7(), kind: 'card', amount: total }],
        },
        { now: env.now },
      );
    },
    reload: async () => {
      engine.stop();
      db.close();
      const again = await openDb(name, opts.prepare);
      return build(net, again, name, base, { ...opts, locks });
    },
    anotherTab: async () =>
      build(net, await openDb(name, opts.prepare), name, base, { ...opts, locks }),
  };
  return reg;
}

/**
 * Signs in on a new device, binds it to a new register and runs the first sync; then opens a
 * shift with a float of 100.00 and pushes it, so the register sells from a drained outbox.
 */
export async function newRegister(
  server: TestServer,
  net: InjectNetwork,
  opts: RegisterOptions & { dbName?: string } = {},
): Promise<Register> {
  const name = opts.dbName ?? freshDbName('register');
  const db = await openDb(name, opts.prepare);
  const deviceId = uuidv7();
  await initDevice(db, deviceId);
  const registerId = await makeRegister(server);
  const session = await login(net.fetch, '', {
    username: opts.username ?? 'cashier1',
    password: 'demo',
    deviceId,
  });
  const reg = build(
    net,
    db,
    name,
    { deviceId, registerId, products: [], cashierId: session.user.id },
    opts,
  );
  await reg.tokens.signIn(session);
  await bindToRegister(db, apiClient(reg.env, reg.tokens), registerId);
  const first = await reg.engine.syncNow();
  if (!first.ok)
    throw new Error(`first sync failed: ${first.failure.kind} ${first.failure.message}`);
  if (opts.openShift === false) return reg;
  await openShift(db, { openedBy: session.user.id, openingFloat: 10_000 }, reg.env.now);
  const pushed = await reg.engine.syncNow();
  if (!pushed.ok)
    throw new Error(`shift push failed: ${pushed.failure.kind} ${pushed.failure.message}`);
  return reg;
}
