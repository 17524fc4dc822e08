// sale.void: a whole unpaid sale cancelled at the till. It moved no money and no stock, but it
// is recorded (and counted in its shift's Z report), never silently discarded.
import type { SaleVoid } from '../../shared/records/sale-void';
import type { Queryable } from '../db/database';
import type { Applied } from './apply-mutation';
import type { PushContext } from './push-context';
import { reject } from './rejection';
import { checkRegisterScope, checkStoreUser } from './store-user';

export async function applySaleVoid(
  tx: Queryable,
  ctx: PushContext,
  v: SaleVoid,
  hash: string,
): Promise<Applied> {
  checkRegisterScope(ctx, v, 'void');
  await checkStoreUser(tx, ctx.storeId, v.cashierId, 'cashier of this void');
  const stored = await tx.query(
    `insert into sale_voids (id, store_id, register_id, shift_id, cashier_id, device_time, total,
       record, payload_hash)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     on conflict (id) do nothing returning 1`,
    [
      v.id,
      v.storeId,
      v.registerId,
      v.shiftId ?? null,
      v.cashierId,
      v.deviceTime,
      v.total,
      JSON.stringify(v),
      hash,
    ],
  );
  if (stored.rows.length > 0) {
    // A new version of its shift, whose pulled record carries the voids.
    if (v.shiftId) {
      await tx.query('update shifts set updated_at = now() where id = $1 and register_id = $2', [
        v.shiftId,
        v.registerId,
      ]);
    }
    return { status: 'applied' };
  }
  const before = await tx.query<{ payload_hash: string }>(
    'select payload_hash from sale_voids where id = $1',
    [v.id],
  );
  if (before.rows[0]?.payload_hash !== hash) {
    reject('Conflict', 'A different void with this id is stored already.');
  }
  return { status: 'duplicate' };
}
