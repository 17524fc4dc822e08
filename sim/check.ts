// The invariants a run must hold after the heal and the drain. Each check is named; a run
// passes when every check has no failure. The ledger (what the registers receipted) and the
// server's tables are compared, never the server with itself.
import type { SimNetwork } from './network';
import type { Receipt, SimRegister } from './register';
import type { Wipe } from './run';
import type { SimServer } from './server';
import type { OpsLedger } from './store-ops';
import { OPS_CHECKS, checkOps } from './check-ops';

export interface CheckReport {
  /** Check name → failures (empty: held). */
  checks: Map<string, string[]>;
  gap: string;
}

const SHOW = 5;

function fail(report: CheckReport, check: string, message: string): void {
  report.checks.get(check)?.push(message);
}

export const CHECKS = [
  'receipted sales exactly once, same totals',
  'no server sale without its register',
  'outboxes empty, nothing needs attention',
  'stock on hand = sum of movements',
  'wiped register: its loss is detected',
  'Retry-After obeyed',
  ...OPS_CHECKS,
] as const;

export async function checkRun(
  server: SimServer,
  registers: SimRegister[],
  ledger: Receipt[],
  wipe: Wipe | null,
  net: SimNetwork,
  ops: OpsLedger,
): Promise<CheckReport> {
  const report: CheckReport = { checks: new Map(CHECKS.map((c) => [c, []])), gap: 'none' };
  const [c1, c2, c3, c4, c5, c6] = CHECKS;
  const db = server.db;

  const rows = await db.query<{
    id: string;
    register_id: string;
    receipt_number: string;
    total: number;
  }>(
    `select s.id, s.register_id, s.receipt_number, s.total from sales s
       join registers r on r.id = s.register_id where r.code like 'SIM%'`,
  );
  const byId = new Map<string, typeof rows.rows>();
  for (const row of rows.rows) byId.set(row.id, [...(byId.get(row.id) ?? []), row]);
  const receipts = new Map<string, number>();
  for (const row of rows.rows) {
    const key = `${row.register_id}/${row.receipt_number}`;
    receipts.set(key, (receipts.get(key) ?? 0) + 1);
  }
  for (const r of ledger) {
    const found = byId.get(r.saleId) ?? [];
    if (r.refusedByServer) {
      if (found.length > 0) fail(report, c1, `${r.receiptNumber}: stored, but must be refused`);
      continue;
    }
    if (r.lostInWipe) {
      if (found.length > 1) fail(report, c1, `${r.receiptNumber}: ${found.length} copies`);
      continue;
    }
    if (found.length !== 1) {
      fail(
        report,
        c1,
        `${r.receiptNumber} (${r.register}, seq ${r.seq}): ${found.length} on the server`,
      );
      continue;
    }
    const row = found[0]!;
    if (
      row.total !== r.total ||
      row.receipt_number !== r.receiptNumber ||
      row.register_id !== r.registerId
    )
      fail(
        report,
        c1,
        `${r.receiptNumber}: server ${row.receipt_number} total ${row.total}, register total ${r.total}`,
      );
    if (receipts.get(`${row.register_id}/${row.receipt_number}`) !== 1)
      fail(report, c1, `${r.receiptNumber}: receipt number stored more than once`);
  }

  const known = new Set(ledger.map((l) => l.saleId));
  for (const row of rows.rows)
    if (!known.has(row.id))
      fail(report, c2, `server sale ${row.receipt_number} was never receipted`);
  const orphans = await db.query<{ n: number }>(
    `select count(*)::int as n from sales s left join registers r on r.id = s.register_id where r.id is null`,
  );
  if ((orphans.rows[0]?.n ?? 0) > 0)
    fail(report, c2, `${orphans.rows[0]?.n} sales without a register`);

  for (const r of registers) {
    const pending = await r.db.outbox.count();
    // The probe's over-refund goes there on purpose (checked with the refunds).
    const attention = await r.db.needsAttention.filter((i) => !ops.probes.has(i.recordId)).count();
    if (pending > 0) fail(report, c3, `${r.name}: ${pending} still in the outbox`);
    if (attention > 0) {
      const items = await r.db.needsAttention
        .filter((i) => !ops.probes.has(i.recordId))
        .limit(3)
        .toArray();
      fail(
        report,
        c3,
        `${r.name}: ${attention} need attention (${JSON.stringify(items.map((i) => i.error))})`,
      );
    }
  }

  const stock = await db.query<{ product_id: string; on_hand: number; moved: number }>(
    `select coalesce(l.product_id, m.product_id) as product_id, coalesce(l.on_hand, 0)::bigint as on_hand,
            coalesce(m.moved, 0)::bigint as moved
       from stock_levels l
       full join (select store_id, product_id, sum(delta) as moved from stock_movements
                   group by store_id, product_id) m
         on m.store_id = l.store_id and m.product_id = l.product_id
      where coalesce(l.on_hand, 0) <> coalesce(m.moved, 0)`,
  );
  for (const s of stock.rows)
    fail(report, c4, `product ${s.product_id}: on hand ${s.on_hand}, movements ${s.moved}`);
  const unbooked = await db.query<{ n: number }>(
    // Movements counted per line in one pass (a correlated count per line scans them all).
    `select count(*)::int as n from sale_lines l join sales s on s.id = l.sale_id
       join products p on p.id = l.product_id
       left join (select sale_line_id, count(*) as moves from stock_movements
                   where sale_line_id is not null group by sale_line_id) m
         on m.sale_line_id = l.id
      where p.stock_tracked and coalesce(m.moves, 0) <> 1`,
  );
  if ((unbooked.rows[0]?.n ?? 0) > 0)
    fail(
      report,
      c4,
      `${unbooked.rows[0]?.n} stock-tracked sale lines without exactly one movement`,
    );

  if (!wipe) fail(report, c5, 'the plan did not wipe a register');
  else report.gap = await checkGap(server, wipe, ledger, (m) => fail(report, c5, m));

  for (const v of net.retryAfterViolations.slice(0, SHOW)) fail(report, c6, v);
  await checkOps(server, registers, ledger, ops, wipe?.unsynced ?? [], (c, m) =>
    fail(report, c, m),
  );
  return report;
}

/**
 * The wipe lost the mutations that never reached the server. The register must notice at
 * start-up (its marker outside IndexedDB: wiped, with unsynced changes) and go on numbering
 * where the lost database stopped, so the server lists the lost seqs as a hole on
 * GET /api/sync/devices. The marker is written just after each commit, so the very last lost
 * seq may be taken again by the resumed register; every lost seq below it must be in a gap.
 */
async function checkGap(
  server: SimServer,
  wipe: Wipe,
  ledger: Receipt[],
  failed: (m: string) => void,
): Promise<string> {
  const ids = wipe.unsynced.map((u) => u.id);
  const applied = await server.db.query<{ mutation_id: string }>(
    'select mutation_id from applied_mutations where device_id = $1 and mutation_id = any($2::uuid[])',
    [wipe.register.deviceId, ids],
  );
  const arrived = new Set(applied.rows.map((r) => r.mutation_id));
  const lost = wipe.unsynced.filter((u) => !arrived.has(u.id)).map((u) => u.seq);
  const lostSales = ledger.filter((l) => l.lostInWipe && !arrived.has(l.mutationId)).length;
  if (lost.length === 0) {
    failed(
      `nothing was lost in the wipe (${wipe.unsynced.length} unsynced, all arrived): the plan must lose some`,
    );
    return 'none';
  }
  const { wiped, unsyncedLost } = wipe.eviction;
  if (!wiped || unsyncedLost === 0)
    failed(
      `the register did not notice the wipe: marker says wiped=${wiped}, unsynced lost ${unsyncedLost}`,
    );
  const gaps = await serverGaps(server, wipe);
  const last = Math.max(...lost);
  const unreported = lost.filter(
    (seq) => seq < last && !gaps.some((g) => g.from <= seq && seq <= g.to),
  );
  if (unreported.length > 0)
    failed(
      `the server lists no gap for lost seqs ${unreported.join(', ')} (gaps ${JSON.stringify(gaps)})`,
    );
  return `seq ${Math.min(...lost)}–${last} lost (${lostSales} sales), marker: ${unsyncedLost} unsynced lost, server gaps ${JSON.stringify(gaps)}`;
}

async function serverGaps(server: SimServer, wipe: Wipe): Promise<{ from: number; to: number }[]> {
  const manager = wipe.register.username.replace('cashier', 'manager');
  const login = await server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: manager, password: 'demo', deviceId: crypto.randomUUID() },
  });
  const token = login.json<{ accessToken: string }>().accessToken;
  const res = await server.app.inject({
    method: 'GET',
    url: '/api/sync/devices',
    headers: { authorization: `Bearer ${token}` },
  });
  const body = res.json<{
    devices: { deviceId: string; gaps: { from: number; to: number }[] }[];
  }>();
  const device = body.devices.find((d) => d.deviceId === wipe.register.deviceId);
  return device?.gaps ?? [];
}
