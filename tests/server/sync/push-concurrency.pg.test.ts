// Pushing on PostgreSQL, where requests really run at once: the same batch twice, two
// identical batches at the same moment through two servers (two pools), and overlapping
// batches in opposite orders. Every sale is stored once; every result is applied or duplicate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/server/db/database';
import { openPostgres } from '../../../src/server/db/postgres';
import type { PushResponse } from '../../../src/shared/api/push';
import { createTempDatabase } from '../../support/pg';
import type { TestServer } from '../../support/test-app';
import { testDatabase, testServer } from '../../support/test-app';
import type { Register, Wire } from '../../support/sync-fixtures';
import { registerApi, signInRegister } from '../../support/sync-fixtures';

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let dbA: Database;
let dbB: Database;
let serverA: TestServer;
let serverB: TestServer;
let viaA: Register;
let viaB: Register;

beforeAll(async () => {
  temp = await createTempDatabase('till_sync');
  dbA = await testDatabase(temp.url);
  dbB = openPostgres(temp.url);
  serverA = await testServer({ db: dbA });
  serverB = await testServer({ db: dbB });
  viaA = await signInRegister(serverA, 'cashier1', 'R1');
  // The same device and token, sent to the second server.
  viaB = registerApi(serverB.app, viaA);
});
afterAll(async () => {
  await serverA.close();
  await serverB.close();
  await dbA.close();
  await dbB.close();
  await temp.drop();
});

async function storedOnce(batch: Wire[]) {
  const saleIds = batch.map((m) => (m.payload as { id: string }).id);
  const r = await dbA.query<{
    sales: number;
    distinct_sales: number;
    lines: number;
    moves: number;
    mutations: number;
  }>(
    `select (select count(*) from sales where id = any($1::uuid[]))::int as sales,
            (select count(distinct id) from sales where id = any($1::uuid[]))::int as distinct_sales,
            (select count(*) from sale_lines where sale_id = any($1::uuid[]))::int as lines,
            (select count(*) from stock_movements where sale_id = any($1::uuid[]))::int as moves,
            (select count(*) from applied_mutations where mutation_id = any($2::uuid[]))::int as mutations`,
    [saleIds, batch.map((m) => m.id)],
  );
  const lines = batch.reduce((n, m) => n + (m.payload as { lines: unknown[] }).lines.length, 0);
  expect(r.rows[0]).toEqual({
    sales: batch.length,
    distinct_sales: batch.length,
    lines,
    // Every product of batchOf is stock-tracked: one movement per line.
    moves: lines,
    mutations: batch.length,
  });
}

/** Per mutation: exactly one `applied` over all answers, the others `duplicate`. */
function appliedOnce(batch: Wire[], answers: PushResponse[]) {
  for (const m of batch) {
    const statuses = answers.flatMap((a) =>
      a.results.filter((r) => r.id === m.id).map((r) => r.status),
    );
    expect(
      statuses.filter((s) => s === 'applied'),
      m.id,
    ).toHaveLength(1);
    expect(statuses.every((s) => s === 'applied' || s === 'duplicate')).toBe(true);
  }
}

const products = () => viaA.store.products.filter((p) => p.stockTracked).slice(0, 6);

function batchOf(n: number): Wire[] {
  const ps = products();
  return Array.from({ length: n }, (_, i) =>
    viaA.saleMutation({
      // Several products per sale, in varying order: stock rows are locked in id order anyway.
      lines: [ps[i % ps.length], ps[(i + 3) % ps.length], ps[(i + 1) % ps.length]].flatMap((p) =>
        p ? [{ product: p, quantity: 1 + (i % 3) }] : [],
      ),
    }),
  );
}

describe('on PostgreSQL', () => {
  it('the same batch twice: applied, then duplicate; every sale stored once', async () => {
    const batch = batchOf(20);
    const first = await viaA.push(batch);
    const second = await viaA.push(batch);
    expect(first.results.every((r) => r.status === 'applied')).toBe(true);
    expect(second.results.every((r) => r.status === 'duplicate')).toBe(true);
    await storedOnce(batch);
  });

  it('two identical batches at once, through two servers: each sale applied exactly once', async () => {
    for (let round = 0; round < 5; round++) {
      const batch = batchOf(40);
      const answers = await Promise.all([viaA.push(batch), viaB.push(batch)]);
      appliedOnce(batch, answers);
      await storedOnce(batch);
    }
  });

  it('overlapping batches in opposite orders, four at once, never deadlock or double-apply', async () => {
    const batch = batchOf(60);
    const reversed = [...batch].reverse();
    const answers = await Promise.all([
      viaA.push(batch.slice(0, 40)),
      viaB.push(reversed.slice(0, 40)),
      viaA.push(reversed),
      viaB.push(batch.slice(20)),
    ]);
    appliedOnce(batch, answers);
    await storedOnce(batch);
    const level = await dbA.query<{ ok: boolean }>(
      `select bool_and(l.on_hand = (select coalesce(sum(m.delta), 0) from stock_movements m
                                     where m.store_id = l.store_id and m.product_id = l.product_id)) as ok
         from stock_levels l where l.store_id = $1`,
      [viaA.storeId],
    );
    expect(level.rows[0]?.ok).toBe(true);
  });

  it('keeps the seq of the device contiguous through concurrent pushes', async () => {
    const r = await dbA.query<{ contiguous: number; max_seq: number }>(
      'select contiguous, max_seq from device_seq where device_id = $1',
      [viaA.deviceId],
    );
    expect(r.rows[0]).toEqual({ contiguous: viaA.next.seq - 1, max_seq: viaA.next.seq - 1 });
  });
});
