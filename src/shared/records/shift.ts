// A shift: a cashier's stretch at a register, opened with a counted float and closed with a
// cash count. The register computes its X and Z totals with shared/pos/shift-report.ts, and the
// server recomputes them from what it holds with the same code.
import { z } from 'zod/mini';
import { basisPoints, id, money } from './ids';
import { paymentMethodKind } from './catalog';

/** A count by denomination: `value` minor units × `count` pieces. */
export const denominationCount = z.object({
  value: z.number().check(z.int(), z.minimum(1)),
  count: z.number().check(z.int(), z.minimum(0), z.maximum(1_000_000)),
});
export type DenominationCount = z.infer<typeof denominationCount>;

export const shiftOpen = z.object({
  id,
  storeId: id,
  registerId: id,
  openedBy: id,
  /** The device's clock when the shift opened. */
  openedAt: z.iso.datetime({ offset: true }),
  openingFloat: money.check(z.minimum(0)),
  floatDenominations: z.optional(z.array(denominationCount).check(z.maxLength(50))),
});
export type ShiftOpen = z.infer<typeof shiftOpen>;

export const shiftTotals = z.object({
  salesCount: z.number().check(z.int(), z.minimum(0)),
  salesTotal: money,
  refundsCount: z.number().check(z.int(), z.minimum(0)),
  /** Negative: what refunds paid back. */
  refundsTotal: money,
  discounts: money,
  tax: money,
  rounding: money,
  taxes: z.array(z.object({ basisPoints, sales: money, tax: money })).check(z.maxLength(100)),
  payments: z
    .array(
      z.object({
        methodId: id,
        kind: paymentMethodKind,
        amount: money,
        count: z.number().check(z.int()),
      }),
    )
    .check(z.maxLength(100)),
  cashIn: money.check(z.minimum(0)),
  cashOut: money.check(z.minimum(0)),
  openingFloat: money,
  /** Float + cash taken − cash refunded + cash in − cash out. */
  expectedCash: money,
  voidedSales: z.number().check(z.int(), z.minimum(0)),
  voidedLines: z.number().check(z.int(), z.minimum(0)),
});
export type ShiftTotals = z.infer<typeof shiftTotals>;

export const shiftClose = z.object({
  /** The shift's id. */
  id,
  storeId: id,
  registerId: id,
  closedBy: id,
  closedAt: z.iso.datetime({ offset: true }),
  countedCash: money.check(z.minimum(0)),
  countedDenominations: z.optional(z.array(denominationCount).check(z.maxLength(50))),
  /** countedCash − totals.expectedCash. */
  overShort: money,
  /** The manager who confirmed an over/short above the store's limit. */
  confirmedBy: z.optional(id),
  /** The register's Z totals. */
  totals: shiftTotals,
});
export type ShiftClose = z.infer<typeof shiftClose>;
