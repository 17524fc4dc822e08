// Crash test on PostgreSQL (Jepsen's total-queue check): 8 registers push overlapping batches
// while the harness kill -9s the API process and restarts it 20 times. Every sale is pushed
// until acknowledged; afterwards the server must hold each exactly once:
// lost = duplicated = unexpected = 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import type { PushResponse } from '../../src/shared/api/push';
import { uuidv7 } from '../../src/shared/uuidv7';
import { createTempDatabase } from '../support/pg';
import { freePort, spawnServer } from '../support/spawn-server';
import type { SpawnedServer } from '../support/spawn-server';
import { testDatabase } from '../support/test-app';
import { makeSale, storeFixture, wire } from '../support/sync-fixtures';
import type { StoreFixture, Wire } from '../support/sync-fixtures';

const PUSHERS = 8;
const SALES_PER_PUSHER = 150;
const KILLS = 20;
const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with CRASH_SEED. */
function prng(s: number) {
  let a = s >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(seed);
const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let db: Database;
let port: number;
let server: SpawnedServer;
let store: StoreFixture;

beforeAll(async () => {
  temp = await createTempDatabase('till_crash');
  db = await testDatabase(temp.url);
  store = await storeFixture(db, 'S1');
  for (let r = 3; r <= PUSHERS; r++) {
    await db.query('insert into registers (store_id, code, name) values ($1, $2, $3)', [
      store.id,
      `R${r}`,
      `Register ${r}`,
    ]);
  }
  port = await freePort();
  server = await spawnServer({ DATABASE_URL: temp.url }, 'src/server/main.ts', port);
});

afterAll(async () => {
  await server.stop('SIGKILL');
  await db.close();
  await temp.drop();
});

async function http<T>(
  path: string,
  init: RequestInit & { token?: string } = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  const res = await fetch(`${server.url}${path}`, {
    ...init,
    headers,
    signal: AbortSignal.timeout(10_000),
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as T };
}

/** Retries through crashes: a refused connection or a 5xx means the server is restarting. */
async function untilAnswered<T>(
  call: () => Promise<{ status: number; body: T }>,
): Promise<{ status: number; body: T }> {
  for (;;) {
    try {
      const res = await call();
      if (res.status < 500) return res;
    } catch {
      // connection refused or reset: the server is down
    }
    await sleep(between(20, 150));
  }
}

interface Pusher {
  token: string;
  deviceId: string;
  mutations: Wire[];
  acked: Set<string>;
  rejected: PushResponse['results'];
  batches: number;
}

async function makePusher(index: number): Promise<Pusher> {
  const deviceId = uuidv7();
  const login = await untilAnswered(() =>
    http<{ accessToken: string; user: { id: string } }>('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({
        username: index % 2 ? 'manager1' : 'cashier1',
        password: 'demo',
        deviceId,
      }),
    }),
  );
  expect(login.status).toBe(200);
  const token = login.body.accessToken;
  const registerCode = `R${index + 1}`;
  const reg = await db.query<{ id: string }>(
    'select id from registers where store_id = $1 and code = $2',
    [store.id, registerCode],
  );
  const registerId = reg.rows[0]?.id ?? '';
  const bind = await untilAnswered(() =>
    http('/api/devices/current/register', {
      method: 'PUT',
      token,
      body: JSON.stringify({ registerId }),
    }),
  );
  expect(bind.status).toBe(200);
  const mutations = Array.from({ length: SALES_PER_PUSHER }, (_, i) => {
    const lines = Array.from({ length: between(1, 3) }, () => ({
      product: store.products[between(0, store.products.length - 1)] ?? store.products[0]!,
      quantity: between(1, 4),
    }));
    const sale = makeSale({
      store,
      registerId,
      registerCode,
      cashierId: login.body.user.id,
      receipt: i + 1,
      lines,
      pay: random() < 0.5 ? 'cash' : 'card',
    });
    return wire('sale.create', sale, i + 1);
  });
  return { token, deviceId, mutations, acked: new Set(), rejected: [], batches: 0 };
}

let crashing = true;
/**
 * The sales are rung up in KILLS + 1 slices: the next slice is released just before each
 * crash, so every kill lands while new sales are in flight, however fast the machine is.
 */
let released = 1;
const rungUp = (p: Pusher) =>
  p.mutations.slice(0, Math.ceil((p.mutations.length * released) / (KILLS + 1)));
const pending = () => pushers.some((p) => p.acked.size < p.mutations.length);
let pushers: Pusher[] = [];

/**
 * Sends overlapping windows of the queue (some already acknowledged) until all are, and
 * keeps replaying acknowledged windows while the crashes go on, so every kill hits traffic.
 */
async function drain(p: Pusher): Promise<void> {
  while (p.acked.size < p.mutations.length || crashing) {
    const open = rungUp(p).findIndex((m) => !p.acked.has(m.id));
    const firstOpen = open >= 0 ? open : between(0, rungUp(p).length - 1);
    const start = Math.max(0, firstOpen - between(0, 4));
    const batch = rungUp(p).slice(start, start + between(1, 12));
    const res = await untilAnswered(() =>
      http<PushResponse>('/api/sync/push', {
        method: 'POST',
        token: p.token,
        body: JSON.stringify({ deviceId: p.deviceId, mutations: batch }),
      }),
    );
    expect(res.status).toBe(200);
    p.batches += 1;
    for (const r of res.body.results) {
      if (r.status === 'applied' || r.status === 'duplicate') p.acked.add(r.id);
      else p.rejected.push(r);
    }
    if (p.rejected.length > 0) return;
    // Replays only keep traffic flowing during the crashes; they need not saturate the server.
    if (open < 0) await sleep(between(10, 40));
  }
}

describe('kill -9 under load', () => {
  it(
    `8 pushers, ${KILLS} crashes: lost = duplicated = unexpected = 0`,
    { timeout: 280_000 },
    async () => {
      pushers = await Promise.all(Array.from({ length: PUSHERS }, (_, i) => makePusher(i)));
      let kills = 0;
      let killsWithSalesPending = 0;
      const killer = (async () => {
        for (let k = 0; k < KILLS; k++) {
          released = k + 2;
          await sleep(between(20, 250));
          if (pending()) killsWithSalesPending += 1;
          await server.stop('SIGKILL');
          kills += 1;
          server = await spawnServer({ DATABASE_URL: temp.url }, 'src/server/main.ts', port);
        }
      })().finally(() => {
        released = KILLS + 1;
        crashing = false;
      });
      const progress = setInterval(() => {
        const acked = pushers.reduce((a, p) => a + p.acked.size, 0);
        const batches = pushers.reduce((a, p) => a + p.batches, 0);
        console.log(
          `crash test progress: ${kills} kills, ${acked} acknowledged, ${batches} batches`,
        );
      }, 10_000);
      await Promise.all([killer, ...pushers.map(drain)]).finally(() => clearInterval(progress));

      const expected = new Map(
        pushers.flatMap((p) => p.mutations.map((m) => [(m.payload as { id: string }).id, m])),
      );
      const stored = await db.query<{ id: string; lines: number; moves: number }>(
        `select s.id,
              (select count(*)::int from sale_lines l where l.sale_id = s.id) as lines,
              (select count(*)::int from stock_movements m where m.sale_id = s.id) as moves
         from sales s where s.store_id = $1`,
        [store.id],
      );
      const storedIds = new Map<string, number>();
      for (const r of stored.rows) storedIds.set(r.id, (storedIds.get(r.id) ?? 0) + 1);
      const lost = [...expected.keys()].filter((id) => !storedIds.has(id));
      const unexpected = [...storedIds.keys()].filter((id) => !expected.has(id));
      const duplicated = stored.rows.filter((r) => {
        const sale = expected.get(r.id)?.payload as { lines: unknown[] } | undefined;
        return (
          (storedIds.get(r.id) ?? 0) > 1 ||
          (sale !== undefined && (r.lines !== sale.lines.length || r.moves > sale.lines.length))
        );
      });
      const dedupe = await db.query<{ n: number }>(
        'select count(*)::int as n from applied_mutations',
      );
      const rejected = pushers.flatMap((p) => p.rejected);
      console.log(
        `crash test (seed ${seed}): ${KILLS} kill -9s, ${pushers.reduce((a, p) => a + p.batches, 0)} batches, ` +
          `${killsWithSalesPending} of them with sales still unacknowledged, ${expected.size} sales: lost=${lost.length} duplicated=${duplicated.length} unexpected=${unexpected.length} rejected=${rejected.length}`,
      );
      expect(rejected).toEqual([]);
      expect({
        lost: lost.length,
        duplicated: duplicated.length,
        unexpected: unexpected.length,
      }).toEqual({ lost: 0, duplicated: 0, unexpected: 0 });
      expect(dedupe.rows[0]?.n).toBe(PUSHERS * SALES_PER_PUSHER);
      // The check means something only if crashes hit new sales, not just replays.
      expect(killsWithSalesPending).toBeGreaterThanOrEqual(KILLS / 2);
    },
  );
});
