// GET /api/shifts and GET /api/shifts/:id/z-report (managers): the store's shifts, and one
// shift's Z report with the server's recompute of its totals next to the register's.
import { z } from 'zod/mini';
import { id, money } from '../records/ids';
import { shiftTotals } from '../records/shift';

export const shiftSummary = z.object({
  id,
  registerId: id,
  openedBy: id,
  openedAt: z.iso.datetime({ offset: true }),
  openingFloat: money,
  closedAt: z.nullable(z.iso.datetime({ offset: true })),
  closedBy: z.nullable(id),
  confirmedBy: z.nullable(id),
  countedCash: z.nullable(money),
  expectedCash: z.nullable(money),
  overShort: z.nullable(money),
  /** Whether the register's Z totals equalled the server's recompute at close. */
  totalsMatch: z.nullable(z.boolean()),
});
export type ShiftSummary = z.infer<typeof shiftSummary>;

export const shiftsQuery = z.object({
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 50),
});

export const shiftsResponse = z.object({ shifts: z.array(shiftSummary) });
export type ShiftsResponse = z.infer<typeof shiftsResponse>;

export const zReportParams = z.object({ id });

export const zReportResponse = z.object({
  shift: shiftSummary,
  /** The register's totals as sent with the close; null while the shift is open. */
  registerTotals: z.nullable(shiftTotals),
  /** Recomputed now from the sales, refunds, voids and cash movements the server holds. */
  serverTotals: shiftTotals,
  /** Fields where the two differ; empty when equal to the cent. */
  differences: z.array(z.string()),
  /** Sales that reached the server after the shift was closed there. */
  lateSales: z.number().check(z.int(), z.minimum(0)),
});
export type ZReportResponse = z.infer<typeof zReportResponse>;
