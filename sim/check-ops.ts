// The store-operations invariants of a run, after the heal, the drain and a final pull: shift
// totals, refund limits, the over-refund probes and customer convergence. Like check.ts they
// compare the ledgers (what the registers did, kept outside their storage) and the registers'
// final state with the server's tables.
import { getDevice } from '../src/app/db/device-meta';
import type { ShiftTotals } from '../src/shared/records/shift';
import { diffShiftTotals } from '../src/shared/pos/shift-report';
import { recomputeShiftTotals } from '../src/server/sync/shift-totals';
import { customerColumns } from '../src/server/sync/sync-records';
import type { CustomerRow } from '../src/server/sync/sync-records';
import type { LostMutation, Receipt, SimRegister } from './register';
import type { SimServer } from './server';
import type { OpsLedger } from './store-ops';

export const OPS_CHECKS = [
  'shift totals = its sales, refunds and cash; closed = Z',
  'no refund exceeds what was sold',
  'over-refunds refused, locally and by the server',
  'customers converge on every register',
] as const;

type Fail = (check: string, message: string) => void;

interface ShiftRow {
  id: string;
  register_id: string;
  opening_float: number;
  closed: boolean;
  register_totals: ShiftTotals | null;
  totals_match: boolean | null;
}

const SIM_SHIFTS = `select s.id, s.register_id, s.opening_float, s.close_hash is not null as closed,
    s.register_totals, s.totals_match
  from shifts s join registers r on r.id = s.register_id where r.code like 'SIM%' and not s.deleted`;

/** Sums per shift straight from the tables, without the shared report code. */
const SHIFT_SUMS = `select shift_id,
    count(*) filter (where refund_of is null)::int as sales_n,
    coalesce(sum(total) filter (where refund_of is null), 0)::bigint as sales_total,
    count(*) filter (where refund_of is not null)::int as refunds_n,
    coalesce(sum(total) filter (where refund_of is not null), 0)::bigint as refunds_total
  from sales where shift_id is not null and not deleted group by shift_id`;

export async function checkOps(
  server: SimServer,
  registers: SimRegister[],
  ledger: Receipt[],
  ops: OpsLedger,
  lost: LostMutation[],
  fail: Fail,
): Promise<void> {
  await checkShifts(server, ledger, ops, lost, (m) => fail(OPS_CHECKS[0], m));
  await checkRefunds(server, (m) => fail(OPS_CHECKS[1], m));
  await checkProbes(server, registers, ops, (m) => fail(OPS_CHECKS[2], m));
  await checkCustomers(server, registers, (m) => fail(OPS_CHECKS[3], m));
}

async function checkShifts(
  server: SimServer,
  ledger: Receipt[],
  ops: OpsLedger,
  lost: LostMutation[],
  fail: (m: string) => void,
): Promise<void> {
  const db = server.db;
  const shifts = new Map((await db.query<ShiftRow>(SIM_SHIFTS)).rows.map((s) => [s.id, s]));
  const sums = new Map(
    (
      await db.query<{
        shift_id: string;
        sales_n: number;
        sales_total: number;
        refunds_n: number;
        refunds_total: number;
      }>(SHIFT_SUMS)
    ).rows.map((s) => [s.shift_id, s]),
  );
  const moves = await db.query<{ id: string; shift_id: string; kind: string; amount: number }>(
    'select id, shift_id, kind, amount from cash_movements',
  );
  const onServer = new Set(
    (await db.query<{ id: string }>('select id from sales')).rows.map((r) => r.id),
  );
  const movesOnServer = new Set(moves.rows.map((m) => m.id));
  const lostKinds = new Set(lost.map((l) => `${l.kind} ${l.recordId}`));

  // What the registers rang up and moved per shift: all of it reached the server, but what
  // the wipe lost (counted only when it did arrive) and the probe the server refused.
  const rung = new Map<
    string,
    { salesN: number; sales: number; refundsN: number; refunds: number }
  >();
  for (const r of ledger) {
    if (!r.shiftId || r.refusedByServer || (r.lostInWipe && !onServer.has(r.saleId))) continue;
    const t = rung.get(r.shiftId) ?? { salesN: 0, sales: 0, refundsN: 0, refunds: 0 };
    if (r.refundOf) [t.refundsN, t.refunds] = [t.refundsN + 1, t.refunds + r.total];
    else [t.salesN, t.sales] = [t.salesN + 1, t.sales + r.total];
    rung.set(r.shiftId, t);
  }

  const orphans = await db.query<{ receipt_number: string }>(
    `select s.receipt_number from sales s join registers r on r.id = s.register_id
      left join shifts sh on sh.id = s.shift_id and sh.register_id = s.register_id
      where r.code like 'SIM%' and sh.id is null limit 5`,
  );
  for (const o of orphans.rows) fail(`sale ${o.receipt_number} is in no shift of its register`);

  for (const shift of shifts.values()) {
    const server = await recomputeShiftTotals(db, shift.id, Number(shift.opening_float));
    const s = sums.get(shift.id);
    const entry = ops.shifts.get(shift.id);
    const label = `shift ${shift.id.slice(-6)} (${entry?.register ?? 'unknown register'})`;
    const mine = moves.rows.filter((m) => m.shift_id === shift.id);
    const sum = (kind: string) =>
      mine.filter((m) => m.kind === kind).reduce((a, m) => a + Number(m.amount), 0);
    const tables = {
      salesCount: s?.sales_n ?? 0,
      salesTotal: Number(s?.sales_total ?? 0),
      refundsCount: s?.refunds_n ?? 0,
      refundsTotal: Number(s?.refunds_total ?? 0),
      cashIn: sum('in'),
      cashOut: sum('out'),
    };
    const t = rung.get(shift.id) ?? { salesN: 0, sales: 0, refundsN: 0, refunds: 0 };
    const kept = (entry?.moves ?? []).filter(
      (m) => !lostKinds.has(`cash.move ${m.id}`) || movesOnServer.has(m.id),
    );
    const registered = {
      salesCount: t.salesN,
      salesTotal: t.sales,
      refundsCount: t.refundsN,
      refundsTotal: t.refunds,
      cashIn: kept.filter((m) => m.kind === 'in').reduce((a, m) => a + m.amount, 0),
      cashOut: kept.filter((m) => m.kind === 'out').reduce((a, m) => a + m.amount, 0),
    };
    for (const key of Object.keys(tables) as (keyof typeof tables)[]) {
      if (server[key] !== tables[key])
        fail(`${label}: server ${key} ${server[key]}, its rows sum to ${tables[key]}`);
      else if (entry && server[key] !== registered[key])
        fail(`${label}: server ${key} ${server[key]}, the register rang up ${registered[key]}`);
    }
    if (shift.closed) {
      const diff = shift.register_totals ? diffShiftTotals(shift.register_totals, server) : ['all'];
      if (diff.length > 0 || shift.totals_match !== true)
        fail(`${label}: closed, its Z differs from the server's in ${diff.join(', ')}`);
      if (entry?.closed && diffShiftTotals(entry.closed, server).length > 0)
        fail(`${label}: the server's totals are not what the register computed at close`);
    }
  }

  for (const entry of ops.shifts.values()) {
    const row = shifts.get(entry.id);
    if (!row && !lostKinds.has(`shift.open ${entry.id}`))
      fail(`shift ${entry.id.slice(-6)} (${entry.register}) never reached the server`);
    else if (row && entry.closed && !row.closed && !lostKinds.has(`shift.close ${entry.id}`))
      fail(`shift ${entry.id.slice(-6)} (${entry.register}) was closed but is open on the server`);
  }
}

async function checkRefunds(server: SimServer, fail: (m: string) => void): Promise<void> {
  const over = await server.db.query<{
    receipt_number: string;
    name: string;
    sold: number;
    amount: number;
    back: number;
    back_amount: number;
  }>(
    `select s.receipt_number, o.name, o.quantity as sold, o.total as amount,
            -sum(l.quantity)::bigint as back, -sum(l.total)::bigint as back_amount
       from sale_lines l join sales r on r.id = l.sale_id and not r.deleted
       join sale_lines o on o.id = l.refund_of_line join sales s on s.id = o.sale_id
      group by s.receipt_number, o.id, o.name, o.quantity, o.total
     having -sum(l.quantity) > o.quantity or -sum(l.total) > o.total`,
  );
  for (const o of over.rows)
    fail(
      `${o.receipt_number} "${o.name}": ${o.sold} sold for ${o.amount}, ` +
        `${o.back} refunded for ${o.back_amount}`,
    );
  const astray = await server.db.query<{ receipt_number: string }>(
    `select r.receipt_number from sale_lines l join sales r on r.id = l.sale_id
       left join sale_lines o on o.id = l.refund_of_line
      where l.refund_of_line is not null and (o.sale_id is null or o.sale_id <> r.refund_of)
      limit 5`,
  );
  for (const a of astray.rows)
    fail(`refund ${a.receipt_number} gives back a line of another sale than it refunds`);
}

async function checkProbes(
  server: SimServer,
  registers: SimRegister[],
  ops: OpsLedger,
  fail: (m: string) => void,
): Promise<void> {
  for (const m of ops.notRefused) fail(m);
  if (ops.overRefundsTried === 0) fail('the plan tried no over-refund at the till');
  if (ops.probes.size === 0) fail('the plan pushed no over-refund past the local check');
  const ids = [...ops.probes.keys()];
  const stored = await server.db.query<{ id: string }>(
    'select id from sales where id = any($1::uuid[])',
    [ids],
  );
  for (const s of stored.rows) fail(`the server stored the over-refund ${ops.probes.get(s.id)}`);
  const attention = (await Promise.all(registers.map((r) => r.db.needsAttention.toArray()))).flat();
  for (const [id, what] of ops.probes) {
    const item = attention.find((a) => a.recordId === id);
    if (item?.error.kind !== 'Conflict')
      fail(
        `${what}: expected in needs-attention as a Conflict, found ${item?.error.kind ?? 'none'}`,
      );
  }
}

async function checkCustomers(
  server: SimServer,
  registers: SimRegister[],
  fail: (m: string) => void,
): Promise<void> {
  const rows = await server.db.query<CustomerRow>(
    `select ${customerColumns} from customers where not deleted`,
  );
  for (const r of registers) {
    const storeId = (await getDevice(r.db)).storeId;
    const theirs = rows.rows.filter((c) => c.store_id === storeId);
    const mine = new Map((await r.db.customers.toArray()).map((c) => [c.id, c]));
    const problems: string[] = [];
    for (const c of theirs) {
      const local = mine.get(c.id);
      mine.delete(c.id);
      if (!local) {
        problems.push(`${c.name}: missing`);
        continue;
      }
      for (const f of ['name', 'email', 'phone', 'note'] as const)
        if (local[f] !== c[f])
          problems.push(`${c.name} ${f}: register "${local[f]}", server "${c[f]}"`);
      if (JSON.stringify(sorted(local.stamps)) !== JSON.stringify(sorted(c.stamps)))
        problems.push(`${c.name}: stamps differ`);
    }
    for (const c of mine.values()) problems.push(`${c.name}: not on the server`);
    for (const p of problems.slice(0, 3)) fail(`${r.name}: ${p}`);
    if (problems.length > 3) fail(`${r.name}: … ${problems.length - 3} more`);
  }
}

const sorted = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
