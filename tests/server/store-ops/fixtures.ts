// Store-operations fixtures over a signed-in register: shifts, cash movements, refunds that add
// up by the shared rules, voids and parked orders, each as a wire mutation with the next seq.
import type { FastifyInstance } from 'fastify';
import { paidPerUnit } from '../../../src/shared/pos/refund-price';
import { computeTotals } from '../../../src/shared/pos/totals';
import { shiftReport } from '../../../src/shared/pos/shift-report';
import type { Sale } from '../../../src/shared/records/sale';
import type { ShiftTotals } from '../../../src/shared/records/shift';
import type { ZReportResponse } from '../../../src/shared/api/shifts';
import { formatReceiptNumber } from '../../../src/shared/pos/receipt-number';
import { uuidv7 } from '../../../src/shared/uuidv7';
import type { Register, Wire } from '../../support/sync-fixtures';
import { wire } from '../../support/sync-fixtures';

const now = () => new Date().toISOString();

export function shiftOpen(reg: Register, openingFloat: number, id = uuidv7()): Wire {
  return wire(
    'shift.open',
    {
      id,
      storeId: reg.storeId,
      registerId: reg.registerId,
      openedBy: reg.userId,
      openedAt: now(),
      openingFloat,
    },
    reg.next.seq++,
  );
}

export function shiftClose(
  reg: Register,
  shiftId: string,
  totals: ShiftTotals,
  countedCash: number,
  confirmedBy?: string,
): Wire {
  return wire(
    'shift.close',
    {
      id: shiftId,
      storeId: reg.storeId,
      registerId: reg.registerId,
      closedBy: reg.userId,
      closedAt: now(),
      countedCash,
      overShort: countedCash - totals.expectedCash,
      totals,
      ...(confirmedBy ? { confirmedBy } : {}),
    },
    reg.next.seq++,
  );
}

export function cashMove(reg: Register, shiftId: string, kind: 'in' | 'out', amount: number): Wire {
  return wire(
    'cash.move',
    {
      id: uuidv7(),
      storeId: reg.storeId,
      registerId: reg.registerId,
      shiftId,
      kind,
      amount,
      reason: kind === 'in' ? 'change from the safe' : 'to the bank',
      userId: reg.userId,
      deviceTime: now(),
    },
    reg.next.seq++,
  );
}

/**
 * A refund of `quantity` units of lines of `original`, paid back by card or cash, each unit at
 * what it was paid (paidPerUnit, as the register prices it), or at `unitPrice` when given.
 */
export function refundSale(
  reg: Register,
  original: Sale,
  lines: { index: number; quantity: number; unitPrice?: number }[],
  opts: { pay?: 'cash' | 'card'; approvedBy?: string; shiftId?: string } = {},
): Sale {
  const store = reg.store;
  const perUnit = paidPerUnit(original);
  const picked = lines.map(({ index, quantity, unitPrice }) => {
    const line = original.lines[index];
    if (!line) throw new Error(`no line ${index}`);
    // A line of no units sold (a refund's own line) has no refund price: its listed one.
    return { line, quantity: -quantity, unitPrice: unitPrice ?? perUnit[index] ?? line.unitPrice };
  });
  const pay = opts.pay ?? 'card';
  const totals = computeTotals({
    lines: picked.map((p) => ({
      quantity: p.quantity,
      unitPrice: p.unitPrice,
      discount: 0,
      taxBasisPoints: p.line.taxBasisPoints,
    })),
    orderDiscount: 0,
    pricesIncludeTax: store.pricesIncludeTax,
    cashRounding: store.cashRounding,
    paidAllInCash: pay === 'cash',
  });
  return {
    id: uuidv7(),
    receiptNumber: formatReceiptNumber(store.code, reg.registerCode, reg.next.receipt++),
    storeId: store.id,
    registerId: reg.registerId,
    ...(opts.shiftId ? { shiftId: opts.shiftId } : {}),
    cashierId: reg.userId,
    deviceTime: now(),
    hlc: `${Date.now().toString().padStart(15, '0')}:0000:test`,
    pricesIncludeTax: store.pricesIncludeTax,
    lines: picked.map((p, i) => ({
      id: uuidv7(),
      productId: p.line.productId,
      name: p.line.name,
      quantity: p.quantity,
      unitPrice: p.unitPrice,
      discount: 0,
      taxRateId: p.line.taxRateId,
      taxBasisPoints: p.line.taxBasisPoints,
      total: totals.lines[i]?.total ?? 0,
      tax: totals.lines[i]?.tax ?? 0,
      refundOfLineId: p.line.id,
    })),
    orderDiscount: 0,
    payments: [
      {
        id: uuidv7(),
        methodId: pay === 'cash' ? store.cash : store.card,
        kind: pay,
        amount: totals.total,
      },
    ],
    totals: {
      subtotal: totals.subtotal,
      discount: totals.discount,
      tax: totals.tax,
      rounding: totals.rounding,
      total: totals.total,
    },
    refundOf: original.id,
    ...(opts.approvedBy ? { refundApprovedBy: opts.approvedBy } : {}),
  };
}

export const saleWire = (reg: Register, sale: Sale): Wire =>
  wire('sale.create', sale, reg.next.seq++);

/** The register's own Z totals, as it computes them from what it recorded. */
export function registerTotals(
  openingFloat: number,
  sales: Sale[],
  moves: { kind: 'in' | 'out'; amount: number }[],
  voidedSales = 0,
): ShiftTotals {
  return shiftReport({ openingFloat, sales, cashMovements: moves, voidedSales });
}

export async function zReport(app: FastifyInstance, token: string, shiftId: string) {
  const res = await app.inject({
    method: 'GET',
    url: `/api/shifts/${shiftId}/z-report`,
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.statusCode, body: res.json<ZReportResponse>() };
}
