// cash.move: cash put into or taken out of the drawer, stored once, in its shift (whose pulled
// record carries its movements, so storing one touches the shift).
import type { CashMovement } from '../../shared/records/cash-movement';
import type { Queryable } from '../db/database';
import type { Applied } from './apply-mutation';
import type { PushContext } from './push-context';
import { reject } from './rejection';
import { checkRegisterScope, checkStoreUser } from './store-user';

export async function applyCashMove(
  tx: Queryable,
  ctx: PushContext,
  move: CashMovement,
  hash: string,
): Promise<Applied> {
  checkRegisterScope(ctx, move, 'cash movement');
  const shift = await tx.query<{ register_id: string }>(
    'select register_id from shifts where id = $1 and store_id = $2',
    [move.shiftId, ctx.storeId],
  );
  const row = shift.rows[0];
  if (!row) reject('NotFound', 'The shift of this cash movement is not on the server.');
  if (row.register_id !== move.registerId) {
    reject('Forbidden', 'The shift of this cash movement is of another register.');
  }
  await checkStoreUser(tx, ctx.storeId, move.userId, 'user who moved the cash');
  const stored = await tx.query(
    `insert into cash_movements (id, store_id, register_id, shift_id, kind, amount, reason, user_id,
       device_time, payload_hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (id) do nothing returning 1`,
    [
      move.id,
      move.storeId,
      move.registerId,
      move.shiftId,
      move.kind,
      move.amount,
      move.reason,
      move.userId,
      move.deviceTime,
      hash,
    ],
  );
  if (stored.rows.length > 0) {
    // A new version of the shift: the register pulls its shift back with the movement in it.
    await tx.query('update shifts set updated_at = now() where id = $1', [move.shiftId]);
    return { status: 'applied' };
  }
  const before = await tx.query<{ payload_hash: string }>(
    'select payload_hash from cash_movements where id = $1',
    [move.id],
  );
  if (before.rows[0]?.payload_hash !== hash) {
    reject('Conflict', 'A different cash movement with this id is stored already.');
  }
  return { status: 'duplicate' };
}
