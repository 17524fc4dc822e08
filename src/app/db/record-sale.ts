// recordSale: the one write that makes a sale real. In ONE transaction (strict durability) it
// stores the sale with its lines and payments, its stock movements (pending until the server
// confirms the sale), the register's next
// gapless receipt number, the device's next mutation seq and the outbox entry. Either all of it
// commits and the committed sale is returned, or nothing is stored and the error says why.
// A register sells only inside an open shift: without one, nothing is stored (NoOpenShift).
// What the sale is made from (the device's counters, the register, store and open shift) is
// read in the transaction; after a first sale it is also known, so the next one is written at
// once while the same transaction confirms it (one round to IndexedDB instead of two).
import { computeTotals, saleTotals } from '../../shared/pos/totals';
import { formatReceiptNumber } from '../../shared/pos/receipt-number';
import type { PaymentMethodKind } from '../../shared/records/catalog';
import type { Sale, VoidedLine } from '../../shared/records/sale';
import type { Register, Store } from '../../shared/records/store';
import { storeLimits } from '../../shared/records/store';
import { sale as saleSchema } from '../../shared/records/sale';
import { uuidv7 } from '../../shared/uuidv7';
import type { RandomBytes } from '../../shared/uuidv7';
import { cryptoRandom } from '../../shared/uuidv7';
import type { TableSource, TillDb } from './database';
import { NoRegister, deviceClock, getDevice } from './device-meta';
import { issueText } from './issue-text';
import { nextEntry } from './outbox';
import type { DeviceMeta, LocalSale, LocalShift, OutboxEntry, PendingStock } from './records';
import { mapStorageErrors } from './storage';
import { checkRefundQuantities } from './refund-limits';
import { openShifts } from './shifts';
import { StoreOpsError } from './store-ops-error';

export class InvalidSale extends Error {
  override name = 'InvalidSale';
}

export interface SaleLineInput {
  productId: string;
  name: string;
  quantity: number;
  unitPrice: number;
  discount?: number;
  taxRateId: string;
  taxBasisPoints: number;
  /** Whether selling it moves stock (the product's stockTracked); default true. */
  stockTracked?: boolean;
  priceOverride?: { originalPrice: number; approvedBy: string };
  /** On a refund: the original line given back (quantity < 0). */
  refundOfLineId?: string;
}

export interface PaymentInput {
  methodId: string;
  kind: PaymentMethodKind;
  /** What this tender pays of the total (for cash: tendered − change). */
  amount: number;
  tendered?: number;
  change?: number;
}

export interface RecordSaleInput {
  cashierId: string;
  shiftId?: string | null;
  lines: SaleLineInput[];
  orderDiscount?: number;
  payments: PaymentInput[];
  /** A refund: the sale it gives back; its lines have negative quantities. */
  refundOf?: string;
  /** The manager who approved a refund above the store's limit. */
  refundApprovedBy?: string;
  /** Lines taken off the cart before payment. */
  voidedLines?: VoidedLine[];
  /** The customer attached to the sale at the till. */
  customerId?: string;
}

export interface RecordSaleOptions {
  now?: () => number;
  random?: RandomBytes;
}

const TABLES = ['sales', 'pendingStock', 'outbox', 'deviceMeta', 'stores', 'registers', 'shifts'];

function buildPayments(input: RecordSaleInput, total: number, id: () => string): Sale['payments'] {
  const paid = input.payments.reduce((a, p) => a + p.amount, 0);
  if (paid !== total)
    throw new InvalidSale(`The payments (${paid}) do not add up to the total (${total}).`);
  return input.payments.map((p) => {
    if (p.tendered !== undefined && p.tendered - (p.change ?? 0) !== p.amount)
      throw new InvalidSale('Cash tendered minus change must equal the amount paid.');
    return {
      id: id(),
      methodId: p.methodId,
      kind: p.kind,
      amount: p.amount,
      ...(p.tendered !== undefined ? { tendered: p.tendered } : {}),
      ...(p.change !== undefined ? { change: p.change } : {}),
    };
  });
}

export async function recordSale(
  db: TillDb,
  input: RecordSaleInput,
  options: RecordSaleOptions = {},
): Promise<LocalSale> {
  if (input.lines.length === 0) throw new InvalidSale('A sale needs at least one line.');
  return mapStorageErrors(async () => {
    // A plain sale after another one on this database: written in one round with what the last
    // sale read, which the same transaction confirms (refunds read more, and always go below).
    const known = input.refundOf ? undefined : lastFacts.get(db);
    if (known) {
      try {
        return await commitWithKnown(db, input, known, options);
      } catch (err) {
        if (!(err instanceof StaleFacts)) throw err;
      }
    }
    return commit(db, input, options);
  });
}

/** What a sale is made from: the device with its counters, its register, store and open shift. */
interface SaleFacts {
  device: DeviceMeta;
  register: Register;
  store: Store;
  shift: LocalShift;
}

/** The facts the last sale on each database committed with (a guess, always confirmed). */
const lastFacts = new WeakMap<TillDb, SaleFacts>();

/** The known facts were not the stored ones (another tab or write changed them): read them. */
class StaleFacts extends Error {}

/** Reads the facts, all asked together: one round trip. */
async function readFacts(db: TillDb, tx: TableSource): Promise<SaleFacts> {
  // The few registers, stores and open shifts this register holds, to pick its own from.
  const [device, registers, stores, shifts] = await Promise.all([
    getDevice(tx),
    db.registers.toArray(),
    db.stores.toArray(),
    openShifts(tx),
  ]);
  const register = registers.find((r) => r.id === device.registerId);
  const store = stores.find((s) => s.id === device.storeId);
  const shift = shifts.find((s) => s.registerId === device.registerId);
  if (!register || !store || register.storeId !== store.id)
    throw new NoRegister('This device is not bound to a register of its store.');
  // A register sells (and refunds) only inside its open shift.
  if (!shift)
    throw new StoreOpsError('NoOpenShift', 'No shift is open on this register: open one first.');
  return { device, register, store, shift };
}

/** A sale that names its shift must name the open one. */
function checkNamedShift(input: RecordSaleInput, shift: LocalShift): void {
  if (input.shiftId && input.shiftId !== shift.id)
    throw new StoreOpsError('NoOpenShift', 'The shift of this sale is not open.');
}

const sameFacts = (a: SaleFacts, b: SaleFacts) => JSON.stringify(a) === JSON.stringify(b);

/** The classic way: read the facts, then write. */
function commit(db: TillDb, input: RecordSaleInput, options: RecordSaleOptions) {
  return db.transaction('rw', TABLES, async (tx) => {
    const facts = await readFacts(db, tx);
    checkNamedShift(input, facts.shift);
    if (input.refundOf) await checkRefundQuantities(tx, input.refundOf, input.lines);
    const made = makeSale(input, facts, options);
    await writeSale(db, tx, made);
    lastFacts.set(db, made.facts);
    return made.local;
  });
}

/**
 * The sale written at once with the known facts, while the same transaction reads the stored
 * ones: requests run in order, so the reads answer before any write is done, and where the
 * facts differ the transaction is aborted before it can commit (nothing is stored) and the
 * sale is made again from what was read. A sale the known facts would refuse is also made again.
 */
function commitWithKnown(
  db: TillDb,
  input: RecordSaleInput,
  known: SaleFacts,
  options: RecordSaleOptions,
) {
  return db.transaction('rw', TABLES, async (tx) => {
    const reading = readFacts(db, tx);
    let made: MadeSale | null;
    try {
      checkNamedShift(input, known.shift);
      made = makeSale(input, known, options);
    } catch {
      made = null;
    }
    const writes = made ? writeSale(db, tx, made) : null;
    // A failure is answered below (and an aborted transaction fails every request).
    writes?.catch(() => undefined);
    const stored = await reading.catch(() => null);
    if (!made || !writes || !stored || !sameFacts(stored, known)) throw new StaleFacts();
    await writes;
    lastFacts.set(db, made.facts);
    return made.local;
  });
}

interface MadeSale {
  local: LocalSale;
  entry: OutboxEntry;
  stock: PendingStock;
  /** The facts as this sale leaves them (the device with its next seq and counter). */
  facts: SaleFacts;
}

/**
 * The sale, its outbox entry and pending stock from the facts (throws if it is not valid); the
 * caller has checked the shift it names.
 */
function makeSale(
  input: RecordSaleInput,
  { device, register, store, shift }: SaleFacts,
  options: RecordSaleOptions,
): MadeSale {
  const now = options.now ?? Date.now;
  const random = options.random ?? cryptoRandom;
  const newId = () => uuidv7(now(), random);
  const shiftId = shift.id;
  if (!input.refundOf && (input.lines.some((l) => l.refundOfLineId) || input.refundApprovedBy))
    throw new InvalidSale('Only a refund refers to refunded lines.');

  const orderDiscount = input.orderDiscount ?? 0;
  const totals = computeTotals({
    lines: input.lines.map((l) => ({ ...l, discount: l.discount ?? 0 })),
    orderDiscount,
    pricesIncludeTax: store.pricesIncludeTax,
    cashRounding: store.cashRounding,
    paidAllInCash: input.payments.length > 0 && input.payments.every((p) => p.kind === 'cash'),
  });
  const payments = buildPayments(input, totals.total, newId);
  const { refundApprovalLimit } = storeLimits(store);
  if (input.refundOf && -totals.total > refundApprovalLimit && !input.refundApprovedBy)
    throw new StoreOpsError(
      'NeedsManager',
      `A refund above ${refundApprovalLimit} needs a manager.`,
    );

  const clock = deviceClock(device, now);
  const hlc = clock.stamp();
  const counter = (device.receiptCounters[register.id] ?? 0) + 1;
  const committedAt = new Date(now()).toISOString();
  const parsed = saleSchema.safeParse({
    id: newId(),
    receiptNumber: formatReceiptNumber(store.code, register.code, counter),
    storeId: store.id,
    registerId: register.id,
    shiftId,
    cashierId: input.cashierId,
    ...(input.customerId ? { customerId: input.customerId } : {}),
    deviceTime: committedAt,
    hlc,
    pricesIncludeTax: store.pricesIncludeTax,
    lines: input.lines.map((l, i) => ({
      id: newId(),
      productId: l.productId,
      name: l.name,
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discount: l.discount ?? 0,
      taxRateId: l.taxRateId,
      taxBasisPoints: l.taxBasisPoints,
      total: totals.lines[i]?.total ?? 0,
      tax: totals.lines[i]?.tax ?? 0,
      ...(l.priceOverride ? { priceOverride: l.priceOverride } : {}),
      ...(l.refundOfLineId ? { refundOfLineId: l.refundOfLineId } : {}),
    })),
    orderDiscount,
    payments,
    totals: saleTotals(totals),
    ...(input.refundOf ? { refundOf: input.refundOf } : {}),
    ...(input.refundApprovedBy ? { refundApprovedBy: input.refundApprovedBy } : {}),
    ...(input.voidedLines?.length ? { voidedLines: input.voidedLines } : {}),
  } satisfies Sale);
  if (!parsed.success)
    throw new InvalidSale(
      `The sale is not valid: ${parsed.error.issues.map(issueText).join('; ')}`,
    );
  const sale = parsed.data;

  const mutationId = newId();
  const next = nextEntry(
    device,
    { id: mutationId, kind: 'sale.create', hlc, payload: sale },
    sale.id,
    committedAt,
    {
      hlc: clock.snapshot(),
      receiptCounters: { ...device.receiptCounters, [register.id]: counter },
    },
  );
  const local: LocalSale = { ...sale, mutationId, seq: next.entry.seq, committedAt };
  const stock: PendingStock = {
    seq: next.entry.seq,
    saleId: sale.id,
    at: committedAt,
    moves: input.lines
      .filter((l) => l.stockTracked !== false)
      .map((l) => ({ productId: l.productId, delta: -l.quantity })),
  };
  return {
    local,
    entry: next.entry,
    stock,
    facts: { device: next.device, register, store, shift },
  };
}

/** Writes the sale, asked together: the transaction runs them in order and commits all or none. */
function writeSale(db: TillDb, tx: TableSource, made: MadeSale): Promise<unknown> {
  return Promise.all([
    tx.table('deviceMeta').put(made.facts.device),
    tx.table('outbox').add(made.entry),
    db.sales.add(made.local),
    made.stock.moves.length > 0 ? db.pendingStock.add(made.stock) : null,
  ]);
}
