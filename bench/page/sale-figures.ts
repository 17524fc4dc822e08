// Sale figures: a database filled with many sales, then sale commits through the real
// recordSale (strict durability) interleaved with a raw 3-put strict transaction on a raw
// database holding as many sales, so both see the same moment of the machine.
import { allProducts } from '../../src/app/db/catalog';
import { TillDb, openTillDb } from '../../src/app/db/database';
import { getDevice } from '../../src/app/db/device-meta';
import { recordSale } from '../../src/app/db/record-sale';
import { openShift, openShiftOf } from '../../src/app/db/shifts';
import type { LocalSale } from '../../src/app/db/records';
import { uuidv7 } from '../../src/shared/uuidv7';
import type { CommitRun } from './bench-api';
import { done, openRaw, saleSchema } from './raw-idb';
import { randomSale, saleContext } from './sale-input';

const now = () => performance.now();
const CHUNK = 5_000;

function fillerSale(i: number, base: Omit<LocalSale, 'id' | 'receiptNumber' | 'hlc'>): LocalSale {
  return {
    ...base,
    id: uuidv7(),
    receiptNumber: `FILL-X-${String(i).padStart(6, '0')}`,
    hlc: `fill-${i}`,
    lines: base.lines.map((l) => ({ ...l, id: uuidv7() })),
    payments: base.payments.map((p) => ({ ...p, id: uuidv7() })),
  };
}

/** Stores `count` synced one-line sales in the app's and the raw db (confirmed: no pending stock). */
export async function fillSales(
  dbName: string,
  rawName: string,
  count: number,
): Promise<{ ms: number }> {
  const started = now();
  const db = new TillDb(dbName, { chromeTransactionDurability: 'relaxed' });
  await db.open();
  const raw = await openRaw(rawName, saleSchema);
  try {
    const device = await getDevice(db);
    const products = [...(await allProducts(db)).values()];
    const ctx = await saleContext(db, products, uuidv7());
    const at = new Date().toISOString();
    for (let from = 0; from < count; from += CHUNK) {
      const sales: LocalSale[] = [];
      for (let i = from; i < Math.min(count, from + CHUNK); i++) {
        const input = randomSale(ctx);
        const line = input.lines[0];
        const payment = input.payments[0];
        if (!line || !payment) throw new Error('bench: empty sale');
        const amount = line.unitPrice * line.quantity;
        const sale = fillerSale(i, {
          storeId: ctx.store.id,
          registerId: device.registerId ?? uuidv7(),
          cashierId: ctx.cashierId,
          deviceTime: at,
          pricesIncludeTax: ctx.store.pricesIncludeTax,
          lines: [{ ...line, id: '', discount: 0, total: amount, tax: 0 }],
          orderDiscount: 0,
          payments: [{ ...payment, id: '', amount }],
          totals: { subtotal: amount, discount: 0, tax: 0, rounding: 0, total: amount },
          mutationId: null,
          seq: null,
          committedAt: at,
        });
        sales.push(sale);
      }
      await db.sales.bulkAdd(sales);
      const tx = raw.transaction(['sales'], 'readwrite');
      for (const s of sales) tx.objectStore('sales').put(s);
      await done(tx);
    }
  } finally {
    db.close();
    raw.close();
  }
  return { ms: now() - started };
}

/** `count` commits each way, alternating which goes first. */
export async function commits(
  dbName: string,
  rawName: string,
  count: number,
  cashierId: string,
): Promise<CommitRun> {
  const db = await openTillDb(dbName);
  const raw = await openRaw(rawName, saleSchema);
  const run: CommitRun = { app: [], raw: [], rawSame: [] };
  let seq = Date.now() * 100;
  try {
    const ctx = await saleContext(db, [...(await allProducts(db)).values()], cashierId);
    // A register sells only inside an open shift: open one once, before the timed commits.
    if (!(await openShiftOf(db))) await openShift(db, { openedBy: cashierId, openingFloat: 0 });
    // The same-work baseline reads and writes copies of the till's own records.
    const [device, registers, stores, shifts] = await Promise.all([
      getDevice(db),
      db.registers.toArray(),
      db.stores.toArray(),
      db.shifts.toArray(),
    ]);
    const seed = raw.transaction(['deviceMeta', 'registers', 'stores', 'shifts'], 'readwrite');
    seed.objectStore('deviceMeta').put(device);
    for (const r of registers) seed.objectStore('registers').put(r);
    for (const s of stores) seed.objectStore('stores').put(s);
    for (const s of shifts) seed.objectStore('shifts').put(s);
    await done(seed);
    let last: LocalSale | null = null;
    const appCommit = async () => {
      const input = randomSale(ctx);
      const t = now();
      last = await recordSale(db, input);
      run.app.push(now() - t);
    };
    const rawCommit = async () => {
      const model: LocalSale | null = last;
      if (!model) return;
      const sale = { ...model, id: uuidv7(), receiptNumber: `RAW-X-${seq}` };
      const moves = sale.lines.map((l) => ({ productId: l.productId, delta: -l.quantity }));
      const entry = { seq: ++seq, id: uuidv7(), kind: 'sale.create', payload: sale };
      const t = now();
      const tx = raw.transaction(['sales', 'pendingStock', 'outbox'], 'readwrite', {
        durability: 'strict',
      });
      tx.objectStore('sales').put(sale);
      tx.objectStore('pendingStock').put({ seq, saleId: sale.id, at: sale.committedAt, moves });
      tx.objectStore('outbox').put({ ...entry, recordId: sale.id, createdAt: sale.committedAt });
      await done(tx);
      run.raw.push(now() - t);
    };
    // The device as the last same-work commit left it: like recordSale after a first sale, the
    // writes go with the reads that confirm it, in one round.
    let rawDevice = { ...device } as typeof device;
    const rawSameCommit = async () => {
      const model: LocalSale | null = last;
      if (!model) return;
      const sale = { ...model, id: uuidv7(), receiptNumber: `RAW-Y-${seq}` };
      const moves = sale.lines.map((l) => ({ productId: l.productId, delta: -l.quantity }));
      const s = ++seq;
      const t = now();
      const stores = ['deviceMeta', 'registers', 'stores', 'shifts', 'sales', 'pendingStock'];
      const tx = raw.transaction([...stores, 'outbox'], 'readwrite', { durability: 'strict' });
      const known = rawDevice;
      const stored = tx.objectStore('deviceMeta').get('device') as IDBRequest<typeof device>;
      tx.objectStore('registers').getAll();
      tx.objectStore('stores').getAll();
      tx.objectStore('shifts').index('status').getAll('open');
      const next = { ...known, nextSeq: known.nextSeq + 1 };
      tx.objectStore('deviceMeta').put(next);
      tx.objectStore('sales').put(sale);
      tx.objectStore('pendingStock').put({ seq: s, saleId: sale.id, at: sale.committedAt, moves });
      tx.objectStore('outbox').put({
        seq: s,
        id: uuidv7(),
        kind: 'sale.create',
        payload: sale,
        recordId: sale.id,
        createdAt: sale.committedAt,
      });
      // The stored device must be the known one, or nothing commits.
      stored.onsuccess = () => {
        if (JSON.stringify(stored.result) !== JSON.stringify(known)) tx.abort();
      };
      await done(tx);
      rawDevice = next;
      run.rawSame.push(now() - t);
    };
    await appCommit(); // a model for the raw record, and a warm-up
    run.app.length = 0;
    for (let i = 0; i < count; i++) {
      // Each goes first, second and third in turn.
      const order = [appCommit, rawCommit, rawSameCommit];
      for (let k = 0; k < 3; k++) await order[(i + k) % 3]!();
    }
  } finally {
    db.close();
    raw.close();
  }
  return run;
}
