// What a simulated register does besides selling, through the same db functions the till's
// store operations call (src/app/features/store-ops-dexie.ts): it works inside shifts (open
// with a float, cash in and out, close with a count, open the next), refunds part of its
// earlier sales (and now and then tries to refund more than is left, which must be refused
// locally), and creates and edits the store's customers. Everything it did goes to the ops
// ledger, which, like the paper receipts, outlives the register's storage.
import { saveCustomer } from '../src/app/db/customers';
import type { RefundableLine } from '../src/app/db/refund-limits';
import { refundableLines } from '../src/app/db/refund-limits';
import { recordSale } from '../src/app/db/record-sale';
import type { LocalSale, SaleSync } from '../src/app/db/records';
import { syncOf, waitingSeqs } from '../src/app/db/sales';
import { closeShift, moveCash, openShift, openShiftOf, shiftTotalsOf } from '../src/app/db/shifts';
import { StoreOpsError } from '../src/app/db/store-ops-error';
import { refundDraft } from '../src/app/db/refund-draft';
import type { CustomerField } from '../src/shared/records/customer';
import type { ShiftTotals } from '../src/shared/records/shift';
import { storeLimits } from '../src/shared/records/store';
import type { Rng } from './prng';
import type { Receipt, SimRegister } from './register';
import { receiptOf } from './register';

export interface ShiftEntry {
  id: string;
  register: string;
  registerId: string;
  openingFloat: number;
  moves: { id: string; kind: 'in' | 'out'; amount: number }[];
  /** The Z totals the register computed when it closed the shift; null while open. */
  closed: ShiftTotals | null;
}

export class OpsLedger {
  readonly shifts = new Map<string, ShiftEntry>();
  refunds = 0;
  overRefundsTried = 0;
  /** Over-refunds the register let through (each a failure). */
  readonly notRefused: string[] = [];
  customersCreated = 0;
  customerEdits = 0;
  sameFieldEdits = 0;
  /** Refunds pushed past the local check on purpose (sale ids): the server must refuse them. */
  readonly probes = new Map<string, string>();
  private serial = 0;

  next(): number {
    return ++this.serial;
  }

  get closedShifts(): number {
    return [...this.shifts.values()].filter((s) => s.closed).length;
  }
}

/** Opens a shift when the register has none open (a new install, after a close). */
export async function ensureShift(r: SimRegister, ops: OpsLedger, rng: Rng): Promise<void> {
  if (await openShiftOf(r.db)) return;
  const shift = await openShift(
    r.db,
    { openedBy: r.cashierId, openingFloat: rng.int(10, 30) * 500 },
    r.now,
  );
  r.engine.saleRecorded();
  ops.shifts.set(shift.id, {
    id: shift.id,
    register: r.name,
    registerId: shift.registerId,
    openingFloat: shift.openingFloat,
    moves: [],
    closed: null,
  });
}

export async function cashMove(r: SimRegister, ops: OpsLedger, rng: Rng): Promise<void> {
  const kind = rng.chance(0.5) ? 'in' : 'out';
  const move = await moveCash(
    r.db,
    {
      kind,
      amount: rng.int(1, 40) * 100,
      reason: kind === 'in' ? 'change from the bank' : 'safe drop',
      userId: r.cashierId,
    },
    r.now,
  );
  r.engine.saleRecorded();
  ops.shifts.get(move.shiftId)?.moves.push({ id: move.id, kind, amount: move.amount });
}

/**
 * Closes the open shift with a count a little over or short (within the store's limit) and
 * opens the next. Online it tries to drain first; offline the close is queued like a sale.
 */
export async function closeAndReopen(
  r: SimRegister,
  ops: OpsLedger,
  rng: Rng,
  managerId: string,
): Promise<void> {
  // As the close form does: online with changes pending, it sends them first ("Sync now",
  // which the engine refuses while a server's Retry-After runs; the run checks it does).
  if (!r.link.offline && (await r.db.outbox.count()) > 0) await r.engine.syncNow();
  const open = await openShiftOf(r.db);
  if (!open) return;
  const { expectedCash } = await shiftTotalsOf(r.db, open);
  const countedCash = Math.max(0, expectedCash + rng.int(-300, 300));
  const store = await r.db.stores.get(open.storeId);
  // A drawer short beyond the store's limit (only when the count cannot go below 0) needs
  // the manager, as at the till.
  const confirm =
    !store || Math.abs(countedCash - expectedCash) > storeLimits(store).overShortLimit;
  const closed = await closeShift(
    r.db,
    { closedBy: r.cashierId, countedCash, ...(confirm ? { confirmedBy: managerId } : {}) },
    r.now,
  );
  const entry = ops.shifts.get(closed.id);
  if (entry && closed.close) entry.closed = closed.close.totals;
  await ensureShift(r, ops, rng);
}

/**
 * This register's own earlier sales (rung up here or pulled back) that the server has not
 * refused, by receipt number, each with its sync state.
 */
export async function ownSales(r: SimRegister): Promise<(LocalSale & { sync: SaleSync })[]> {
  const sales = await r.db.sales.toArray();
  const waiting = await waitingSeqs(r.db);
  return sales
    .filter((s) => !s.refundOf && s.registerId === r.registerId)
    .map((s) => ({ ...s, sync: syncOf(s, waiting) }))
    .filter((s) => s.sync !== 'rejected')
    .sort((a, b) => a.receiptNumber.localeCompare(b.receiptNumber));
}

/**
 * Gives back `quantity` units of one line of `original` as the till's refund screen does (the
 * same draft: a unit at what it was paid, to the original tender or in cash), with a manager's
 * approval above the store's limit.
 */
export async function recordRefund(
  r: SimRegister,
  rng: Rng,
  original: LocalSale,
  lineId: string,
  quantity: number,
  managerId: string,
): Promise<LocalSale> {
  const draft = await refundDraft(r.db, {
    original,
    cashierId: r.cashierId,
    quantities: { [lineId]: quantity },
    tender: rng.chance(0.5) ? 'original' : 'cash',
  });
  const store = await r.db.stores.get(original.storeId);
  if (!store) throw new Error(`${r.name}: the store of ${original.receiptNumber} is not known`);
  const back = -draft.payments.reduce((a, p) => a + p.amount, 0);
  const approval = back > storeLimits(store).refundApprovalLimit;
  const sale = await recordSale(
    r.db,
    approval ? { ...draft, refundApprovedBy: managerId } : draft,
    { now: r.now, random: (n) => rng.bytes(n) },
  );
  r.engine.saleRecorded();
  return sale;
}

/**
 * Refunds part of a line of one of the last sales. `over`: asks for more than is left of a
 * line and expects the local refusal (RefundTooMany).
 */
export async function refund(
  r: SimRegister,
  ops: OpsLedger,
  rng: Rng,
  managerId: string,
  over = false,
): Promise<Receipt | null> {
  const sales = (await ownSales(r)).slice(-40);
  if (sales.length === 0) return null;
  const original = rng.pick(sales);
  const lines = await refundableLines(r.db, original);
  const open = lines.filter((l) => l.remaining > 0);
  if (!over && open.length === 0) return null;
  const line = over ? rng.pick(lines) : rng.pick(open);
  const quantity = over ? line.remaining + rng.int(1, 2) : rng.int(1, line.remaining);
  if (!over) {
    const sale = await recordRefund(r, rng, original, line.lineId, quantity, managerId);
    ops.refunds++;
    return receiptOf(r, sale);
  }
  return overRefund(r, ops, rng, original, line, quantity, managerId);
}

/** Asks for more of a line than is left and expects the local refusal (RefundTooMany). */
export async function overRefund(
  r: SimRegister,
  ops: OpsLedger,
  rng: Rng,
  original: LocalSale,
  line: RefundableLine,
  quantity: number,
  managerId: string,
): Promise<null> {
  ops.overRefundsTried++;
  try {
    await recordRefund(r, rng, original, line.lineId, quantity, managerId);
    ops.notRefused.push(
      `${r.name}: refunding ${quantity} of "${line.name}" on ${original.receiptNumber} ` +
        `(${line.sold} sold, ${line.refunded} refunded) was not refused`,
    );
  } catch (err) {
    if (!(err instanceof StoreOpsError && err.kind === 'RefundTooMany')) throw err;
  }
  return null;
}

const FIELDS: CustomerField[] = ['email', 'phone', 'note'];

/** The store's customers this register holds, by name (ids are random per run). */
export async function customersOf(r: SimRegister) {
  return (await r.db.customers.toArray()).sort((a, b) => a.name.localeCompare(b.name));
}

export async function createCustomer(r: SimRegister, ops: OpsLedger): Promise<void> {
  const n = ops.next();
  await saveCustomer(
    r.db,
    { fields: { name: `Customer ${n} of ${r.name}`, email: null, phone: null, note: null } },
    r.now,
  );
  r.engine.saleRecorded();
  ops.customersCreated++;
}

/** Edits one field of a customer; without `id`/`field`, of one picked at random. */
export async function editCustomer(
  r: SimRegister,
  ops: OpsLedger,
  rng: Rng,
  id?: string,
  field?: CustomerField,
): Promise<boolean> {
  const customers = await customersOf(r);
  if (customers.length === 0) return false;
  const target = id ?? rng.pick(customers).id;
  const f = field ?? rng.pick(FIELDS);
  const n = ops.next();
  const value =
    f === 'email'
      ? `c${n}@${r.name.toLowerCase()}.test`
      : f === 'phone'
        ? `+49 30 ${100_000 + n}`
        : `note ${n} by ${r.name}`;
  await saveCustomer(r.db, { id: target, fields: { [f]: value } }, r.now);
  r.engine.saleRecorded();
  ops.customerEdits++;
  return true;
}

/**
 * Two registers of one store change the same field of the same customer, one of them
 * offline: a real conflict, merged per field by HLC and listed in the conflict inbox.
 */
export async function editSameField(
  offline: SimRegister,
  online: SimRegister,
  ops: OpsLedger,
  rng: Rng,
): Promise<void> {
  const theirs = new Set((await customersOf(online)).map((c) => c.id));
  const shared = (await customersOf(offline)).filter((c) => theirs.has(c.id));
  if (shared.length === 0) return;
  const id = rng.pick(shared).id;
  const field = rng.pick(FIELDS);
  await editCustomer(offline, ops, rng, id, field);
  await editCustomer(online, ops, rng, id, field);
  ops.sameFieldEdits++;
}
