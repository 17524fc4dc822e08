// A shift: a cashier's stretch at a register, opened with a counted float and closed with a
// cash count. The register computes its X and Z totals with shared/pos/shift-report.ts, and the
// server recomputes them from what it holds with the same code.
import { z } from 'zod';
import { basisPoints, id, money } from './ids';
import { paymentMethodKind } from './catalog';

/** A count by denomination: `value` minor units × `count` pieces. */
export const denominationCount = z.object({
  value: z.number().int().min(1),
  count: z.number().int().min(0).max(1_000_000),
});
export type DenominationCount = z.infer<typeof denominationCount>;

export const shiftOpen = z.object({
  id,
  storeId: id,
  registerId: id,
  openedBy: id,
  /** The device's clock when the shift opened. */
  openedAt: z.iso.datetime({ offset: true }),
  openingFloat: money.min(0),
  floatDenominations: z.array(denominationCount).max(50).optional(),
});
export type ShiftOpen = z.infer<typeof shiftOpen>;

export const shiftTotals = z.object({
  salesCount: z.number().int().min(0),
  salesTotal: money,
  refundsCount: z.number().int().min(0),
  /** Negative: what refunds paid back. */
  refundsTotal: money,
  discounts: money,
  tax: money,
  rounding: money,
  taxes: z.array(z.object({ basisPoints, sales: money, tax: money })).max(100),
  payments: z
    .array(
      z.object({ methodId: id, kind: paymentMethodKind, amount: money, count: z.number().int() }),
    )
    .max(100),
  cashIn: money.min(0),
  cashOut: money.min(0),
  openingFloat: money,
  /** Float + cash taken − cash refunded + cash in − cash out. */
  expectedCash: money,
  voidedSales: z.number().int().min(0),
  voidedLines: z.number().int().min(0),
});
export type ShiftTotals = z.infer<typeof shiftTotals>;

export const shiftClose = z.object({
  /** The shift's id. */
  id,
  storeId: id,
  registerId: id,
  closedBy: id,
  closedAt: z.iso.datetime({ offset: true }),
  countedCash: money.min(0),
  countedDenominations: z.array(denominationCount).max(50).optional(),
  /** countedCash − totals.expectedCash. */
  overShort: money,
  /** The manager who confirmed an over/short above the store's limit. */
  confirmedBy: id.optional(),
  /** The register's Z totals. */
  totals: shiftTotals,
});
export type ShiftClose = z.infer<typeof shiftClose>;
