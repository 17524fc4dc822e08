// A sale that reaches the server after its shift was closed there stays in that shift (its day
// does not move) and is flagged late for a manager.
import type { Sale } from '../../shared/records/sale';
import type { Queryable } from '../db/database';
import { reject } from './rejection';

export async function markLate(tx: Queryable, sale: Sale): Promise<void> {
  if (!sale.shiftId) return;
  const r = await tx.query<{ register_id: string; closed: boolean }>(
    'select register_id, close_hash is not null as closed from shifts where id = $1',
    [sale.shiftId],
  );
  const shift = r.rows[0];
  if (!shift) return;
  if (shift.register_id !== sale.registerId) {
    reject('InvalidMutation', 'The shift of this sale is of another register.');
  }
  if (!shift.closed) return;
  await tx.query('update sales set late = true where id = $1', [sale.id]);
  await tx.query(
    `insert into sale_flags (store_id, sale_id, kind, product_id, details)
     values ($1, $2, 'late', null, $3)`,
    [sale.storeId, sale.id, JSON.stringify({ shiftId: sale.shiftId })],
  );
}
