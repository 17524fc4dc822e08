// A till for the store-operation screens: the memory data port for the rest, and the real
// store-operations adapter over a Dexie database in fake-indexeddb (reopenable: a reload).
import { useDbQuery } from '../../../../src/app/features/use-db-query';
import type { TillDb } from '../../../../src/app/db/database';
import { createDexieStoreOps } from '../../../../src/app/features/store-ops-dexie';
import type { StoreOpsData } from '../../../../src/app/features/store-ops-data';
import { conflictsOf } from '../../../../src/app/features/till-data-dexie-queries';
import type { Store } from '../../../../src/shared/records/store';
import type { Fixture } from '../../../support/till-db';
import { fixture, freshDbName, openDb, sellingDb } from '../../../support/till-db';
import * as fixtures from '../fixtures';
import { MemoryTillData } from '../memory-till-data';

type OpsTillData = MemoryTillData & { storeOps: StoreOpsData };

export interface StoreOpsTill {
  db: TillDb;
  data: OpsTillData;
  fx: Fixture;
  name: string;
}

function dataOver(db: TillDb, store: Store): OpsTillData {
  const data = new MemoryTillData();
  data.store = store;
  // The memory port's hook answers an array; an empty one while the first read runs.
  data.useConflicts = () => useDbQuery(() => conflictsOf(db), [db]) ?? [];
  return Object.assign(data, { storeOps: createDexieStoreOps({ db: () => db }) });
}

/** `shift: true` gives the register an open shift (see openTestShift), so it can sell. */
export async function storeOpsTill(
  limits: Partial<Store> = {},
  opts: { shift?: boolean } = {},
): Promise<StoreOpsTill> {
  const base = fixture();
  const store: Store = { ...fixtures.store, ...limits };
  const fx: Fixture = { ...base, store, register: fixtures.register };
  const name = freshDbName('store-ops');
  const db = await sellingDb(fx, { name, shift: opts.shift ?? false });
  await db.paymentMethods.bulkPut(fixtures.paymentMethods);
  return { db, data: dataOver(db, store), fx, name };
}

/** The same database opened again with a new adapter, as after a page reload. */
export async function reload(till: StoreOpsTill): Promise<StoreOpsTill> {
  till.db.close();
  const db = await openDb(till.name);
  return { ...till, db, data: dataOver(db, till.fx.store) };
}
