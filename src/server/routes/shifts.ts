// Shifts for managers: the store's shifts, newest first, and a shift's Z report with the
// totals recomputed on the server and compared with the register's to the cent.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ShiftSummary } from '../../shared/api/shifts';
import {
  shiftsQuery,
  shiftsResponse,
  zReportParams,
  zReportResponse,
} from '../../shared/api/shifts';
import type { ShiftTotals } from '../../shared/records/shift';
import { diffShiftTotals } from '../../shared/pos/shift-report';
import { authOf, requireRole } from '../auth/guard';
import { AppError } from '../errors';
import { recomputeShiftTotals } from '../sync/shift-totals';

interface ShiftRow {
  id: string;
  register_id: string;
  opened_by: string;
  opened_at: Date | string;
  opening_float: number;
  closed_at: Date | string | null;
  closed_by: string | null;
  confirmed_by: string | null;
  counted_cash: number | null;
  expected_cash: number | null;
  over_short: number | null;
  totals_match: boolean | null;
  register_totals: ShiftTotals | null;
}

const columns = `id, register_id, opened_by, opened_at, opening_float, closed_at, closed_by,
  confirmed_by, counted_cash, expected_cash, over_short, totals_match, register_totals`;

const num = (v: number | null) => (v === null ? null : Number(v));
const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

const toSummary = (r: ShiftRow): ShiftSummary => ({
  id: r.id,
  registerId: r.register_id,
  openedBy: r.opened_by,
  openedAt: new Date(r.opened_at).toISOString(),
  openingFloat: Number(r.opening_float),
  closedAt: iso(r.closed_at),
  closedBy: r.closed_by,
  confirmedBy: r.confirmed_by,
  countedCash: num(r.counted_cash),
  expectedCash: num(r.expected_cash),
  overShort: num(r.over_short),
  totalsMatch: r.totals_match,
});

export const shiftRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.till;
  const security = [{ bearer: [] }];

  app.get(
    '/api/shifts',
    {
      onRequest: requireRole('manager', 'admin'),
      schema: {
        tags: ['shifts'],
        security,
        querystring: shiftsQuery,
        response: { 200: shiftsResponse },
      },
    },
    async (request) => {
      const r = await db.query<ShiftRow>(
        `select ${columns} from shifts where store_id = $1 and not deleted
          order by opened_at desc, id limit $2`,
        [authOf(request).storeId, request.query.limit],
      );
      return { shifts: r.rows.map(toSummary) };
    },
  );

  app.get(
    '/api/shifts/:id/z-report',
    {
      onRequest: requireRole('manager', 'admin'),
      schema: {
        tags: ['shifts'],
        security,
        params: zReportParams,
        response: { 200: zReportResponse },
      },
    },
    async (request) => {
      const r = await db.query<ShiftRow>(
        `select ${columns} from shifts where id = $1 and store_id = $2 and not deleted`,
        [request.params.id, authOf(request).storeId],
      );
      const row = r.rows[0];
      if (!row) throw new AppError('NotFound', 'No such shift in this store.');
      const serverTotals = await recomputeShiftTotals(db, row.id, Number(row.opening_float));
      const late = await db.query<{ n: number }>(
        'select count(*)::int as n from sales where shift_id = $1 and late',
        [row.id],
      );
      return {
        shift: toSummary(row),
        registerTotals: row.register_totals,
        serverTotals,
        differences: row.register_totals ? diffShiftTotals(row.register_totals, serverTotals) : [],
        lateSales: Number(late.rows[0]?.n ?? 0),
      };
    },
  );
};
