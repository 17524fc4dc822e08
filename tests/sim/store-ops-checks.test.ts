// The fleet simulator's store-operations invariants on a short seeded run: with shifts, refunds
// and customer edits under the fault storm every check holds, and when the server's tables are
// damaged behind the registers' backs (a refund line giving back more than was sold, a sale
// total off by a cent, a customer field changed) the matching checks fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckReport } from '../../sim/check';
import { OPS_CHECKS } from '../../sim/check-ops';
import { runSeed } from '../../sim/run';
import { SimServer } from '../../sim/server';

const failing = (report: CheckReport | null) =>
  [...(report?.checks ?? [])].filter(([, f]) => f.length > 0).map(([c]) => c);

describe('fleet simulator: shifts, refunds and customers', () => {
  let server: SimServer;
  beforeAll(async () => {
    server = await SimServer.open();
  }, 60_000);
  afterAll(() => server.close());

  it('holds every check on a short run, and fails the matching check for each damage', async () => {
    let before: CheckReport | null = null;
    const { report, stats } = await runSeed(server, 4, {
      minSales: 300,
      beforeCheck: async (check) => {
        before = await check();
        const db = server.db;
        await db.query(
          `update sale_lines set quantity = quantity - 100 where id =
             (select id from sale_lines where refund_of_line is not null order by id limit 1)`,
        );
        await db.query(
          `update sales set total = total + 1 where id =
             (select id from sales where refund_of is null and shift_id is not null
               order by id limit 1)`,
        );
        await db.query(
          `update customers set note = 'changed behind the registers' where id =
             (select id from customers order by id limit 1)`,
        );
      },
    });

    expect(failing(before)).toEqual([]);
    expect(stats.shifts).toBeGreaterThan(5);
    expect(stats.refunds).toBeGreaterThan(0);
    expect(stats.overRefundsTried).toBeGreaterThan(0);
    expect(stats.customerEdits).toBeGreaterThan(0);

    const [shifts, refunds, probes, customers] = OPS_CHECKS;
    expect(failing(report)).toEqual(
      expect.arrayContaining([
        'receipted sales exactly once, same totals',
        shifts,
        refunds,
        customers,
      ]),
    );
    expect(failing(report)).not.toContain(probes);
    expect(report.checks.get(refunds)?.[0]).toMatch(/refunded for/);
    expect(report.checks.get(shifts)?.join('\n')).toMatch(/salesTotal/);
    expect(report.checks.get(customers)?.join('\n')).toMatch(/note: register/);
  }, 240_000);
});
