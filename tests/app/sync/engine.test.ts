// The engine's state machine, driven with a scripted server, a manual clock and fixed
// randomness: which requests go out, when, and what the status says.
import { describe, expect, it, vi } from 'vitest';
import { recordSale } from '../../../src/app/db/record-sale';
import type { TillDb } from '../../../src/app/db/database';
import type { LocalShift } from '../../../src/app/db/records';
import { SyncEngine } from '../../../src/app/sync/engine';
import type { SyncEngineOptions } from '../../../src/app/sync/engine';
import { memoryLocks } from '../../../src/app/sync/locks';
import { TokenStore, memorySessionPersistence } from '../../../src/app/sync/token-store';
import type { PushRequest } from '../../../src/shared/api/push';
import { uuidv7 } from '../../../src/shared/uuidv7';
import { apiError, bodyOf, fakeFetch, json } from '../../support/fake-fetch';
import type { Call, Handler } from '../../support/fake-fetch';
import { manualClock } from '../../support/manual-timers';
import { cashSaleOf, fixture, openTestShift, sellingDb, syncOfSale } from '../../support/till-db';

const user = {
  id: uuidv7(),
  username: 'c',
  name: 'C',
  role: 'cashier' as const,
  storeId: uuidv7(),
};
const cashier = uuidv7();

/**
 * A server that applies everything, unless a test overrides a route. Its pull sends back the
 * register's open shift, as the real server does (a full resync keeps only what it sent).
 */
function scriptedServer(overrides: Record<string, Handler> = {}, shift?: LocalShift) {
  const shiftChanges = shift
    ? [
        {
          entity: 'shifts',
          id: shift.id,
          op: 'upsert',
          version: '1',
          data: { ...shift, close: null, cashMovements: [], voids: [] },
        },
      ]
    : [];
  const stored = new Set<string>();
  const routes: Record<string, Handler> = {
    'GET /api/health': () => json({ status: 'ok', epoch: 'e1', time: new Date().toISOString() }),
    'POST /api/auth/refresh': () => json({ accessToken: 'refreshed', expiresIn: 900, user }),
    'POST /api/sync/push': async (call: Call) => {
      const req = (await bodyOf(call)) as PushRequest;
      return json({
        epoch: 'e1',
        results: req.mutations.map((m) => {
          const status = stored.has(m.id) ? 'duplicate' : 'applied';
          stored.add(m.id);
          return { id: m.id, status };
        }),
      });
    },
    'GET /api/sync/pull': () =>
      json({ epoch: 'e1', changes: shiftChanges, cursor: 'c1', hasMore: false }),
    ...overrides,
  };
  return { routes, stored };
}

async function setup(
  overrides: Record<string, Handler> = {},
  extra: Partial<SyncEngineOptions> = {},
) {
  const fx = fixture();
  const db = await sellingDb(fx);
  const shift = await openTestShift(db);
  const clock = manualClock();
  const server = scriptedServer(overrides, shift);
  const { fetch, calls } = fakeFetch(server.routes);
  const env = { fetch, baseUrl: '', now: clock.now, random: () => 0.5, timers: clock };
  const locks = memoryLocks();
  const tokens = new TokenStore(env, locks, memorySessionPersistence());
  await tokens.signIn({ accessToken: 'token', expiresIn: 3600, user });
  const engine = new SyncEngine({ db, env, locks, tokens, ...extra });
  const sell = (i = 0) =>
    recordSale(db, cashSaleOf(fx.products[i % 3]!, cashier), { now: clock.now });
  const sent = () => calls.filter((c) => c.path === '/api/sync/push');
  return { db, clock, engine, calls, sent, sell, server, fx };
}

const outbox = (db: TillDb) => db.outbox.count();

describe('the sync engine', () => {
  it('flushes at start-up once the heartbeat says online, then every 30 s', async () => {
    const { engine, clock, sent, sell, db } = await setup();
    await sell();
    engine.start();
    await clock.advance(0);
    await engine.whenIdle();
    expect(sent()).toHaveLength(1);
    expect(await outbox(db)).toBe(0);
    const status = engine.status.getSnapshot();
    expect(status).toMatchObject({
      connectivity: 'online',
      phase: 'idle',
      pending: 0,
      lastError: null,
    });
    expect(status.lastSyncAt).toBe(new Date(clock.now()).toISOString());

    await sell(1);
    await clock.advance(29_999);
    await engine.whenIdle();
    expect(sent()).toHaveLength(1);
    await clock.advance(1);
    await engine.whenIdle();
    expect(sent()).toHaveLength(2);
    expect(await outbox(db)).toBe(0);
    engine.stop();
  });

  it('flushes shortly after a sale, one flush for a burst of sales', async () => {
    const { engine, clock, sent, sell, db } = await setup({}, { connectivity: false });
    await Promise.all([sell(0), sell(1), sell(2)]);
    engine.saleRecorded();
    engine.saleRecorded();
    engine.saleRecorded();
    expect(engine.status.getSnapshot().pending).toBe(0); // counted asynchronously
    await clock.advance(999);
    expect(sent()).toHaveLength(0);
    await clock.advance(1);
    await engine.whenIdle();
    expect(sent()).toHaveLength(1);
    expect(((await bodyOf(sent()[0]!)) as PushRequest).mutations.map((m) => m.seq)).toEqual([
      1, 2, 3,
    ]);
    expect(await outbox(db)).toBe(0);
  });

  it('backs off on server errors, obeying Retry-After, and drains once the server recovers', async () => {
    let failures = 2;
    const { engine, clock, sent, sell, db, server } = await setup({}, { connectivity: false });
    const ok = server.routes['POST /api/sync/push']!;
    server.routes['POST /api/sync/push'] = (call) =>
      failures-- > 0 ? apiError('RateLimited', 429, { 'retry-after': '20' }) : ok(call);
    await sell();

    const first = await engine.syncNow();
    expect(first).toMatchObject({ ok: false, failure: { kind: 'server', retryAfter: 20 } });
    expect(engine.status.getSnapshot()).toMatchObject({
      phase: 'waiting',
      retryAt: clock.now() + 20_000,
    });
    // Neither "Sync now" (a cashier closing a shift) nor a sale cuts the server's Retry-After short.
    expect(await engine.syncNow()).toMatchObject({ ok: false, failure: { retryAfter: 20 } });
    await clock.advance(5_000);
    expect(await engine.syncNow()).toMatchObject({ ok: false, failure: { retryAfter: 15 } });
    engine.saleRecorded();
    await clock.advance(14_000);
    await engine.whenIdle();
    expect(sent()).toHaveLength(1);
    await clock.advance(1_000);
    await engine.whenIdle();
    expect(sent()).toHaveLength(2);
    await clock.advance(20_000);
    await engine.whenIdle();
    expect(sent()).toHaveLength(3);
    expect(await outbox(db)).toBe(0);
    expect(engine.status.getSnapshot()).toMatchObject({ phase: 'idle', lastError: null });
  });

  it('retries network failures with exponential backoff and full jitter', async () => {
    const { engine, clock, sell, db, server, sent } = await setup({}, { connectivity: false });
    server.routes['POST /api/sync/push'] = () => {
      throw new TypeError('fetch failed');
    };
    await sell();
    await engine.syncNow();
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const { retryAt } = engine.status.getSnapshot();
      waits.push(retryAt! - clock.now());
      await clock.advance(retryAt! - clock.now());
      await engine.whenIdle();
    }
    // random() is 0.5: half of 1 s, 2 s, 4 s, 8 s.
    expect(waits).toEqual([500, 1000, 2000, 4000]);
    expect(sent()).toHaveLength(5);
    expect(engine.status.getSnapshot().lastError?.kind).toBe('offline');
    expect(await outbox(db)).toBe(1);
  });

  it('"Sync now" does not wait out a backoff', async () => {
    let down = true;
    const { engine, sell, db, server } = await setup({}, { connectivity: false });
    const ok = server.routes['POST /api/sync/push']!;
    server.routes['POST /api/sync/push'] = (call) => (down ? apiError('Internal', 503) : ok(call));
    await sell();
    await engine.syncNow();
    expect(engine.status.getSnapshot().phase).toBe('waiting');
    down = false;
    expect((await engine.syncNow()).ok).toBe(true);
    expect(await outbox(db)).toBe(0);
  });

  it('pauses when the session ends, keeps the outbox, and resumes after a sign-in', async () => {
    const { engine, sell, db, server, sent, clock } = await setup({}, { connectivity: false });
    const ok = server.routes['POST /api/sync/push']!;
    server.routes['POST /api/sync/push'] = (call) =>
      call.headers.authorization === 'Bearer new-login' ? ok(call) : apiError('Unauthorized', 401);
    server.routes['POST /api/auth/refresh'] = () => apiError('Unauthorized', 401);
    await sell();

    const result = await engine.syncNow();
    expect(result).toMatchObject({ ok: false, failure: { kind: 'signed-out' } });
    expect(engine.status.getSnapshot().phase).toBe('paused');
    expect(await outbox(db)).toBe(1);
    // Nothing runs while paused.
    engine.saleRecorded();
    await clock.advance(60_000);
    expect(sent()).toHaveLength(1);

    const resumed = await engine.signedIn({ accessToken: 'new-login', expiresIn: 900, user });
    expect(resumed.ok).toBe(true);
    expect(await outbox(db)).toBe(0);
  });

  it('sends large batches gzip-compressed, in seq order, at most the batch size each', async () => {
    const { engine, db, sent, fx, clock } = await setup({}, { connectivity: false, batchSize: 7 });
    // Five lines a sale: a batch of seven is well above the gzip threshold.
    const bigSale = () => {
      const input = cashSaleOf(fx.products[0]!, cashier);
      input.lines = Array.from({ length: 5 }, () => input.lines[0]!);
      input.payments[0]!.amount *= 5;
      return recordSale(db, input, { now: clock.now });
    };
    for (let i = 0; i < 20; i++) await bigSale();
    expect((await engine.syncNow()).ok).toBe(true);
    const batches = await Promise.all(
      sent().map(async (c) => ((await bodyOf(c)) as PushRequest).mutations.map((m) => m.seq)),
    );
    expect(batches).toEqual([
      [1, 2, 3, 4, 5, 6, 7],
      [8, 9, 10, 11, 12, 13, 14],
      [15, 16, 17, 18, 19, 20],
    ]);
    expect(sent()[0]!.headers['content-encoding']).toBe('gzip');
    expect(await outbox(db)).toBe(0);
  });

  it('moves a rejected sale to needs-attention and still syncs the sales behind it', async () => {
    const { engine, sell, db, server } = await setup({}, { connectivity: false });
    const sales = [await sell(0), await sell(1), await sell(2)];
    server.routes['POST /api/sync/push'] = async (call) => {
      const req = (await bodyOf(call)) as PushRequest;
      return json({
        epoch: 'e1',
        results: req.mutations.map((m) =>
          m.id === sales[0]!.mutationId
            ? {
                id: m.id,
                status: 'rejected',
                error: { kind: 'TotalsMismatch', message: 'tax is off by 1' },
              }
            : { id: m.id, status: 'applied' },
        ),
      });
    };
    expect((await engine.syncNow()).ok).toBe(true);
    expect(await outbox(db)).toBe(0);
    expect(await db.needsAttention.toArray()).toEqual([
      expect.objectContaining({
        recordId: sales[0]!.id,
        error: { kind: 'TotalsMismatch', message: 'tax is off by 1' },
      }),
    ]);
    expect(await syncOfSale(db, sales[0]!.id)).toBe('rejected');
    expect(await syncOfSale(db, sales[1]!.id)).toBe('synced');
    expect(engine.status.getSnapshot()).toMatchObject({ pending: 0, needsAttention: 1 });
  });

  it('keeps entries the answer says nothing about, and reports a protocol breach', async () => {
    const { engine, sell, db, server } = await setup({}, { connectivity: false });
    await sell();
    server.routes['POST /api/sync/push'] = () => json({ epoch: 'e1', results: [] });
    expect(await engine.syncNow()).toMatchObject({
      ok: false,
      failure: { kind: 'invalid-response' },
    });
    expect(await outbox(db)).toBe(1);
    server.routes['POST /api/sync/push'] = () => json({ nonsense: true });
    expect(await engine.syncNow()).toMatchObject({
      ok: false,
      failure: { kind: 'invalid-response' },
    });
    expect(await outbox(db)).toBe(1);
  });

  it('measures again at once when the platform says it is online, and flushes', async () => {
    let up = false;
    const down = () => {
      throw new TypeError('fetch failed');
    };
    const events = new EventTarget();
    const { engine, sent, sell, db, server } = await setup({}, { events });
    const health = server.routes['GET /api/health']!;
    const push = server.routes['POST /api/sync/push']!;
    server.routes['GET /api/health'] = (call) => (up ? health(call) : down());
    server.routes['POST /api/sync/push'] = (call) => (up ? push(call) : down());
    await sell();
    engine.start();
    await vi.waitFor(() => expect(engine.status.getSnapshot().phase).toBe('waiting'));
    expect(engine.status.getSnapshot().connectivity).toBe('offline');

    up = true;
    events.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(engine.status.getSnapshot().connectivity).toBe('online'));
    await engine.whenIdle();
    expect(sent().length).toBeGreaterThanOrEqual(2);
    expect(await outbox(db)).toBe(0);
    engine.stop();
  });

  it('reports pull progress while a pull runs', async () => {
    const seen: unknown[] = [];
    let page = 0;
    const { engine } = await setup(
      {
        'GET /api/sync/pull': () => {
          page += 1;
          return json({
            epoch: 'e1',
            changes: [],
            cursor: `c${page}`,
            hasMore: page < 3,
            remaining: (3 - page) * 10,
          });
        },
      },
      { connectivity: false },
    );
    engine.status.subscribe(() => seen.push(engine.status.getSnapshot().pull));
    expect((await engine.syncNow()).ok).toBe(true);
    expect(seen.filter((p) => p !== null)).toEqual([
      { done: 0, total: 20 },
      { done: 0, total: 10 },
      { done: 0, total: 0 },
    ]);
    expect(engine.status.getSnapshot().pull).toBeNull();
  });
});
