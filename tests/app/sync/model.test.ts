// A model test (fast-check) of the register against the real server in process: any sequence
// of sales, network loss, reloads, lost replies, server restarts and expired tokens keeps every
// committed sale either on the server exactly once or still queued; after healing and one
// flush, the outbox is empty and every sale is on the server exactly once.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saleSync } from '../../../src/app/db/sales';
import type { FastifyInstance } from 'fastify';
import type { InjectNetwork } from '../../support/inject-fetch';
import { injectNetwork } from '../../support/inject-fetch';
import type { Register } from '../../support/register-harness';
import { newRegister } from '../../support/register-harness';
import type { TestServer } from '../../support/test-app';
import { testServer } from '../../support/test-app';

let server: TestServer;
let skew = 0;
const serverNow = () => new Date(Date.now() + skew);
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  server = await testServer({ deps: { now: serverNow } });
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await server.close();
});

interface Model {
  committed: string[];
}

interface Real {
  reg: Register;
  net: InjectNetwork;
}

type Cmd = fc.AsyncCommand<Model, Real>;

async function onServer(ids: readonly string[]): Promise<Map<string, number>> {
  const r = await server.db.query<{ id: string; n: number }>(
    'select id, count(*)::int as n from sales where id = any($1::uuid[]) group by id',
    [ids],
  );
  return new Map(r.rows.map((row) => [row.id, row.n]));
}

/** Every committed sale is on the server exactly once, or still held in the outbox. */
async function checkInvariant(model: Model, real: Real): Promise<void> {
  const stored = await onServer(model.committed);
  const queued = new Set((await real.reg.db.outbox.toArray()).map((e) => e.recordId));
  const attention = new Set((await real.reg.db.needsAttention.toArray()).map((e) => e.recordId));
  for (const id of model.committed) {
    const n = stored.get(id) ?? 0;
    expect(n).toBeLessThanOrEqual(1);
    if (n === 0) expect(queued.has(id) || attention.has(id)).toBe(true);
  }
  const all = await server.db.query<{ id: string }>('select id from sales where register_id = $1', [
    real.reg.registerId,
  ]);
  expect(all.rows.map((r) => r.id).every((id) => model.committed.includes(id))).toBe(true);
}

class RecordSale implements Cmd {
  constructor(readonly product: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const sale = await real.reg.sell(this.product);
    model.committed.push(sale.id);
    await checkInvariant(model, real);
  }
  toString = () => `recordSale(${this.product})`;
}

class GoOffline implements Cmd {
  check = () => true;
  async run(_m: Model, real: Real) {
    real.net.offline = true;
  }
  toString = () => 'goOffline';
}

class GoOnline implements Cmd {
  check = () => true;
  async run(_m: Model, real: Real) {
    real.net.offline = false;
  }
  toString = () => 'goOnline';
}

class Flush implements Cmd {
  check = () => true;
  async run(model: Model, real: Real) {
    await real.reg.engine.syncNow();
    await checkInvariant(model, real);
  }
  toString = () => 'flush';
}

class Reload implements Cmd {
  check = () => true;
  async run(model: Model, real: Real) {
    real.reg = await real.reg.reload();
    await checkInvariant(model, real);
  }
  toString = () => 'reload';
}

/** The next push reaches the server and commits, but its reply is lost. */
class DropReply implements Cmd {
  check = () => true;
  async run(_m: Model, real: Real) {
    let armed = true;
    real.net.plan = ({ path }) => {
      if (armed && path === '/api/sync/push') {
        armed = false;
        return 'drop-reply';
      }
      return 'deliver';
    };
  }
  toString = () => 'dropReply';
}

/** A fresh app over the same database (a deploy or a crash and restart). */
class RestartServer implements Cmd {
  check = () => true;
  async run(model: Model, real: Real) {
    const next = await testServer({ db: server.db, deps: { now: serverNow } });
    apps.push(next.app);
    real.net.app = next.app;
    await checkInvariant(model, real);
  }
  toString = () => 'restartServer';
}

/** Time passes on the server beyond the access token's life. */
class ExpireToken implements Cmd {
  check = () => true;
  async run() {
    skew += 16 * 60_000;
  }
  toString = () => 'expireToken';
}

const commands = [
  fc.nat(9).map((i) => new RecordSale(i)),
  fc.constant(new GoOffline()),
  fc.constant(new GoOnline()),
  fc.constant(new Flush()),
  fc.constant(new Reload()),
  fc.constant(new DropReply()),
  fc.constant(new RestartServer()),
  fc.constant(new ExpireToken()),
];

describe('the register against the real server, as a model', () => {
  it('never loses or duplicates a committed sale, and drains once healed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30 }), async (cmds) => {
        const net = injectNetwork(server.app);
        const real: Real = { reg: await newRegister(server, net), net };
        const model: Model = { committed: [] };
        await fc.asyncModelRun(() => ({ model, real }), cmds);

        // Heal: the network is back and delivers everything; one flush drains the outbox.
        real.net.offline = false;
        real.net.plan = () => 'deliver';
        const healed = await real.reg.engine.syncNow();
        expect(healed.ok).toBe(true);
        expect(await real.reg.db.outbox.count()).toBe(0);
        expect(await real.reg.db.needsAttention.count()).toBe(0);
        const stored = await onServer(model.committed);
        expect(model.committed.every((id) => stored.get(id) === 1)).toBe(true);
        for (const s of await real.reg.db.sales.toArray())
          expect(await saleSync(real.reg.db, s)).toBe('synced');
        real.reg.engine.stop();
        real.reg.db.close();
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
