// One seeded run: a trading day of a small fleet (sales in shifts, cash movements, refunds,
// customer edits) under a storm of faults, then the heal (the network perfect, clocks right),
// the drain, the over-refund probe, a last pull, and the checks. Everything random comes from the
// seed, so `npm run sim -- --seed S` replays a run.
import type { EvictionReport } from '../src/app/db/storage';
import { SimClock } from './clock';
import type { CheckReport } from './check';
import { checkRun } from './check';
import type { LinkFaults } from './network';
import { NO_FAULTS, SimNetwork } from './network';
import { PACE, often } from './pace';
import { rng } from './prng';
import { overRefundProbe } from './probe';
import type { LostMutation, Receipt } from './register';
import { SimRegister } from './register';
import type { SimServer } from './server';
import { OpsLedger, ensureShift } from './store-ops';
import { opsTurn, sameFieldTurn } from './store-ops-plan';

/** The issue asks for at least 2,000 sales a run; SIM_SALES lowers it while developing. */
export const MIN_SALES = Number(process.env.SIM_SALES ?? 2_000);
const DAY = 24 * 60 * 60_000;
// Per request; a seed sends about a third of the requests per sale it once did (pace.ts), so these
// are about twice the rates that gave the same faults per seed at a real register's pace.
const STORM: LinkFaults = { dropRequest: 0.08, dropReply: 0.08, duplicate: 0.1, delay: 0.06 };

export interface RunStats {
  sales: number;
  registers: number;
  restarts: number;
  reloads: number;
  tokenExpiries: number;
  signIns: number;
  lostInWipe: number;
  simMinutes: number;
  refunds: number;
  overRefundsTried: number;
  shifts: number;
  shiftsClosed: number;
  customerEdits: number;
  sameFieldEdits: number;
  conflicts: number;
}

export interface Wipe {
  register: SimRegister;
  oldRegisterId: string;
  unsynced: LostMutation[];
  eviction: EvictionReport;
}

/** The fleet: registers in stores S1 (EUR, tax-inclusive) and S2 (USD, tax-exclusive). */
const FLEET = [
  { store: 'S1', user: 'cashier1' },
  { store: 'S1', user: 'cashier1' },
  { store: 'S1', user: 'cashier1' },
  { store: 'S2', user: 'cashier2' },
  { store: 'S2', user: 'cashier2' },
] as const;

export interface RunOptions {
  /** Sales to ring up before the heal (default MIN_SALES). */
  minSales?: number;
  /**
   * Called after the drain with the run's own check, before the run checks: the tests check
   * once, damage the server's tables, and expect the run's checks to see it.
   */
  beforeCheck?: (check: () => Promise<CheckReport>) => Promise<void>;
}

export async function runSeed(server: SimServer, seed: number, options: RunOptions = {}) {
  const minSales = options.minSales ?? MIN_SALES;
  const random = rng(seed);
  const start = Date.UTC(2026, 0, 5, 8) + random.int(0, 30) * DAY;
  const clock = new SimClock(start);
  server.now = clock.now;
  const net = new SimNetwork(server.app, clock.now);
  const registers: SimRegister[] = [];
  for (const [i, f] of FLEET.entries()) {
    const name = `SIM${i + 1}`;
    const id = await server.addRegister(f.store, name);
    registers.push(
      new SimRegister(name, f.user, id, clock, net.link(name, random.fork()), random.fork()),
    );
  }
  const spareId = await server.addRegister('S1', 'SIM9');
  const managers = {
    S1: await server.userId('manager1'),
    S2: await server.userId('manager2'),
  };
  const storeOf = (r: SimRegister) => FLEET[registers.indexOf(r)]?.store ?? 'S1';
  const managerOf = (r: SimRegister) => managers[storeOf(r)];
  const ops = new OpsLedger();
  const opsRandom = random.fork();
  for (const r of registers) {
    await r.setUp();
    await ensureShift(r, ops, opsRandom);
    r.skew = random.int(-3 * DAY, 3 * DAY);
    r.link.faults = STORM;
  }

  const ledger: Receipt[] = [];
  const pick = random.fork();
  const wipeAt = random.int(Math.floor(minSales * 0.45), Math.floor(minSales * 0.6));
  const victim = registers[0]!;
  let wipe: Wipe | null = null;

  const settle = async () => {
    for (;;) {
      await Promise.all(registers.map((r) => r.engine.whenIdle()));
      if (!registers.some((r) => r.engine.status.getSnapshot().phase === 'syncing')) return;
    }
  };

  let sales = 0;
  while (sales < minSales) {
    await clock.advanceTo(clock.now() + random.int(20_000, 120_000), settle);
    net.app = server.app;
    await net.deliverHeld();
    if (random.chance(often(0.03))) {
      await settle();
      await server.restart();
      net.app = server.app;
    }
    for (const r of registers) {
      const link = r.link;
      if (link.offline && random.chance(often(0.3))) link.offline = false;
      else if (!link.offline && random.chance(often(0.08))) link.offline = true;
      if (random.chance(often(0.04))) link.limitedUntil = clock.now() + random.int(5_000, 90_000);
      if (random.chance(often(0.02))) await r.expireToken();
      if (random.chance(often(0.02))) {
        await settle();
        await r.reload();
        await settle();
      }
      if (random.chance(often(0.01))) r.skew = random.int(-3 * DAY, 3 * DAY);
      await r.signInAgainIfPaused();
      // After the wipe the victim trades slowly (its staff set it up again).
      const busy = r === victim && wipe ? 0.3 : 0.85;
      for (let k = 0; k < PACE; k++)
        for (let n = pick.int(0, 8); n > 0 && pick.chance(busy); n--) {
          const receipt = await r.sell(pick);
          ledger.push(receipt);
          sales++;
        }
      ledger.push(...(await opsTurn(r, ops, opsRandom, managerOf(r))));
    }
    await sameFieldTurn(registers, storeOf, ops, opsRandom);
    if (!wipe && ledger.length >= wipeAt) {
      // Make sure the wipe loses something: the victim is offline for its last few sales.
      await settle();
      victim.link.offline = true;
      for (let n = 0; n < 3; n++, sales++) ledger.push(await victim.sell(pick));
      const oldRegisterId = victim.registerId;
      const { unsynced, eviction } = await victim.wipe(spareId);
      const lost = new Set(unsynced.map((u) => u.id));
      for (const l of ledger) if (lost.has(l.mutationId)) l.lostInWipe = true;
      wipe = { register: victim, oldRegisterId, unsynced, eviction };
      // Its staff open a shift again (unless the open one came back with the pull).
      await ensureShift(victim, ops, opsRandom);
    }
    await settle();
  }

  // The heal: the network is perfect and clocks are right; everything held back arrives.
  for (const r of registers) {
    r.link.offline = false;
    r.link.faults = NO_FAULTS;
    r.link.limitedUntil = 0;
    r.skew = 0;
  }
  await settle();
  await clock.advanceTo(clock.now() + 10 * 60_000, settle);
  await net.deliverHeld(true);
  for (let round = 0; round < 20; round++) {
    await settle();
    let pending = 0;
    for (const r of registers) {
      await r.signInAgainIfPaused();
      if ((await r.db.outbox.count()) > 0) {
        pending++;
        await r.engine.syncNow();
      }
    }
    if (pending === 0) break;
    await clock.advanceTo(clock.now() + 60_000, settle);
  }
  await settle();
  ledger.push(...(await overRefundProbe(registers[1]!, ops, opsRandom, managers.S1)));
  // A last pull everywhere: each register's copy of the shared records is the server's.
  for (const r of registers) await r.engine.syncNow();
  await settle();
  for (const r of registers) r.engine.stop();

  const check = () => checkRun(server, registers, ledger, wipe, net, ops);
  await options.beforeCheck?.(check);
  const report: CheckReport = await check();
  const stats: RunStats = {
    sales,
    registers: registers.length,
    restarts: server.restarts,
    reloads: registers.reduce((a, r) => a + r.reloads, 0),
    tokenExpiries: registers.reduce((a, r) => a + r.tokenExpiries, 0),
    signIns: registers.reduce((a, r) => a + r.signIns, 0),
    lostInWipe: ledger.filter((l) => l.lostInWipe).length,
    simMinutes: Math.round((clock.now() - start) / 60_000),
    refunds: ops.refunds,
    overRefundsTried: ops.overRefundsTried,
    shifts: ops.shifts.size,
    shiftsClosed: ops.closedShifts,
    customerEdits: ops.customersCreated + ops.customerEdits,
    sameFieldEdits: ops.sameFieldEdits,
    conflicts: (await Promise.all(registers.map((r) => r.db.conflicts.count()))).reduce(
      (a, n) => a + n,
      0,
    ),
  };
  for (const r of registers) r.db.close();
  return { report, stats, faults: net.counts, requests: net.requests };
}
