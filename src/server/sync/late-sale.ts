// A sale that reaches the server after its shift was closed there stays in that shift (its day
// does not move) and is flagged late for a manager. A sale naming another register's shift is
// refused.
import type { Sale } from '../../shared/records/sale';
import type { Queryable } from '../db/database';
import { reject } from './rejection';

export interface ShiftState {
  registerId: string;
  closed: boolean;
}

/** The shifts (by id) that these sales name, as stored. */
export async function loadShiftStates(
  tx: Queryable,
  sales: readonly Sale[],
): Promise<Map<string, ShiftState>> {
  const ids = [...new Set(sales.flatMap((s) => (s.shiftId ? [s.shiftId] : [])))];
  if (ids.length === 0) return new Map();
  const r = await tx.query<{ id: string; register_id: string; closed: boolean }>(
    'select id, register_id, close_hash is not null as closed from shifts where id = any($1::uuid[])',
    [ids],
  );
  return new Map(r.rows.map((s) => [s.id, { registerId: s.register_id, closed: s.closed }]));
}

/** Whether the sale is late; throws if its shift is another register's. */
export function isLate(sale: Sale, shifts: ReadonlyMap<string, ShiftState>): boolean {
  const shift = sale.shiftId ? shifts.get(sale.shiftId) : undefined;
  if (!shift) return false;
  if (shift.registerId !== sale.registerId) {
    reject('InvalidMutation', 'The shift of this sale is of another register.');
  }
  return shift.closed;
}

export const lateFlag = (sale: Sale) => ({
  saleId: sale.id,
  kind: 'late' as const,
  productId: null,
  details: { shiftId: sale.shiftId },
});

export async function markLate(tx: Queryable, sale: Sale): Promise<void> {
  if (!isLate(sale, await loadShiftStates(tx, [sale]))) return;
  await tx.query('update sales set late = true where id = $1', [sale.id]);
  await tx.query(
    `insert into sale_flags (store_id, sale_id, kind, product_id, details)
     values ($1, $2, 'late', null, $3)`,
    [sale.storeId, sale.id, JSON.stringify(lateFlag(sale).details)],
  );
}
