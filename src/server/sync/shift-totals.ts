// The server's recompute of a shift's totals from what it holds: the shift's sales and refunds,
// its cash movements and its voided sales, through the same shiftReport the register runs.
import type { Sale } from '../../shared/records/sale';
import type { ShiftTotals } from '../../shared/records/shift';
import { shiftReport } from '../../shared/pos/shift-report';
import type { Queryable } from '../db/database';

export async function recomputeShiftTotals(
  db: Queryable,
  shiftId: string,
  openingFloat: number,
): Promise<ShiftTotals> {
  const sales = await db.query<{ record: Sale }>(
    'select record from sales where shift_id = $1 and not deleted',
    [shiftId],
  );
  const moves = await db.query<{ kind: 'in' | 'out'; amount: number }>(
    'select kind, amount from cash_movements where shift_id = $1',
    [shiftId],
  );
  const voids = await db.query<{ n: number }>(
    'select count(*)::int as n from sale_voids where shift_id = $1',
    [shiftId],
  );
  return shiftReport({
    openingFloat,
    sales: sales.rows.map((r) => r.record),
    cashMovements: moves.rows.map((m) => ({ kind: m.kind, amount: Number(m.amount) })),
    voidedSales: Number(voids.rows[0]?.n ?? 0),
  });
}
