// A crash between commit and reply, on PostgreSQL: the server child process is killed with
// SIGKILL right after a batch committed and before it answered. The retry (the same sales and
// those queued since) on a restarted server answers duplicate for what was committed, applies
// the rest, and nothing is stored twice. (The real server's log is read here too.)
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../../../src/server/db/database';
import { pushResponse } from '../../../src/shared/api/push';
import { createTempDatabase } from '../../support/pg';
import { spawnServer } from '../../support/spawn-server';
import type { SpawnedServer } from '../../support/spawn-server';
import type { TestServer } from '../../support/test-app';
import { testDatabase, testServer } from '../../support/test-app';
import type { Register } from '../../support/sync-fixtures';
import { signInRegister } from '../../support/sync-fixtures';

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let db: Database;
let local: TestServer;
let reg: Register;
const children: SpawnedServer[] = [];

beforeAll(async () => {
  temp = await createTempDatabase('till_sync');
  db = await testDatabase(temp.url);
  // Signed in through an in-process app over the same database: same secret, same devices.
  local = await testServer({ db });
  reg = await signInRegister(local, 'cashier1', 'R1');
});
afterAll(async () => {
  for (const child of children) await child.stop('SIGKILL');
  await local.close();
  await db.close();
  await temp.drop();
});

const entry = 'tests/support/sync-crash-server.ts';

async function waitFor(child: SpawnedServer, text: string) {
  for (let i = 0; i < 600 && !child.output().includes(text); i++) {
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(child.output()).toContain(text);
}

const post = (url: string, body: unknown) =>
  fetch(`${url}/api/sync/push`, {
    method: 'POST',
    headers: { authorization: `Bearer ${reg.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function stored(saleIds: string[]) {
  const r = await db.query<{ sales: number; lines: number; moves: number; mutations: number }>(
    `select (select count(*) from sales where id = any($1::uuid[]))::int as sales,
            (select count(*) from sale_lines where sale_id = any($1::uuid[]))::int as lines,
            (select count(*) from stock_movements where sale_id = any($1::uuid[]))::int as moves,
            (select count(*) from applied_mutations where device_id = $2)::int as mutations`,
    [saleIds, reg.deviceId],
  );
  return r.rows[0];
}

it('answers duplicate for what committed before a kill -9, stores nothing twice, logs id reuse', async () => {
  const tracked = reg.store.products.find((p) => p.stockTracked);
  if (!tracked) throw new Error('no tracked product');
  const batch = Array.from({ length: 10 }, () =>
    reg.saleMutation({ lines: [{ product: tracked, quantity: 2 }] }),
  );
  const saleIds = batch.map((m) => (m.payload as { id: string }).id);
  const body = { deviceId: reg.deviceId, mutations: batch };
  // A run of sales commits in one transaction: the doomed server gets the first four.
  const firstFour = { deviceId: reg.deviceId, mutations: batch.slice(0, 4) };
  const onHand = async () =>
    (
      await db.query<{ on_hand: number }>(
        'select on_hand from stock_levels where store_id = $1 and product_id = $2',
        [reg.storeId, tracked.id],
      )
    ).rows[0]?.on_hand ?? 0;
  // The demo store has opening stock; ten sales of two take 20 off it, once each.
  const before = await onHand();

  const doomed = await spawnServer(
    { DATABASE_URL: temp.url, TILL_TEST_HANG_AFTER_COMMITS: '1' },
    entry,
  );
  children.push(doomed);
  const lost = post(doomed.url, firstFour).then(
    (res) => `answered ${res.status}`,
    () => 'no answer',
  );
  await waitFor(doomed, 'hanging after commit 1');
  await doomed.stop('SIGKILL');
  expect(doomed.child.signalCode).toBe('SIGKILL');
  expect(await lost).toBe('no answer');
  expect(await stored(saleIds)).toEqual({ sales: 4, lines: 4, moves: 4, mutations: 4 });

  const restarted = await spawnServer({ DATABASE_URL: temp.url }, entry);
  children.push(restarted);
  const res = await post(restarted.url, body);
  expect(res.status).toBe(200);
  const answer = pushResponse.parse(await res.json());
  expect(answer.results.map((r) => r.status)).toEqual([
    ...Array<string>(4).fill('duplicate'),
    ...Array<string>(6).fill('applied'),
  ]);
  expect(await stored(saleIds)).toEqual({ sales: 10, lines: 10, moves: 10, mutations: 10 });
  expect(await onHand()).toBe(before - 20);

  // A mutation id sent again with other content is refused and logged as a security event.
  const first = batch[0];
  if (!first) throw new Error('empty batch');
  const reused = { ...first, payload: { ...(first.payload as object), orderDiscount: 1 } };
  const refused = await post(restarted.url, { deviceId: reg.deviceId, mutations: [reused] });
  expect(pushResponse.parse(await refused.json()).results[0]?.error?.kind).toBe('MutationIdReuse');
  await waitFor(restarted, '"kind":"MutationIdReuse"');
  const line =
    restarted
      .output()
      .split('\n')
      .find((l) => l.includes('MutationIdReuse')) ?? '';
  expect(JSON.parse(line)).toMatchObject({ level: 40, event: 'security', mutationId: first.id });
  await restarted.stop();
});
