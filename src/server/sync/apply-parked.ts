// parked.upsert: the server keeps parked orders as shared records. A newer HLC wins, except
// that a final status (resumed, cancelled) is never undone by a version that is still parked:
// the answer is then `merged` with the order as it stands.
import type { ParkedOrder } from '../../shared/records/parked-order';
import { parkedRank } from '../../shared/records/parked-order';
import type { Queryable } from '../db/database';
import type { Applied } from './apply-mutation';
import type { PushContext } from './push-context';
import { reject } from './rejection';
import { checkRegisterScope, checkStoreUser } from './store-user';

export async function applyParked(
  tx: Queryable,
  ctx: PushContext,
  order: ParkedOrder,
): Promise<Applied> {
  checkRegisterScope(ctx, order, 'parked order');
  await checkStoreUser(tx, ctx.storeId, order.parkedBy, 'user who parked the order');
  const r = await tx.query<{ register_id: string; record: ParkedOrder }>(
    'select register_id, record from parked_orders where id = $1 for update',
    [order.id],
  );
  const row = r.rows[0];
  if (!row) {
    await tx.query(
      `insert into parked_orders (id, store_id, register_id, shift_id, status, hlc, record)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        order.id,
        order.storeId,
        order.registerId,
        order.shiftId,
        order.status,
        order.hlc,
        JSON.stringify(order),
      ],
    );
    return { status: 'applied' };
  }
  if (row.register_id !== order.registerId) {
    reject('Forbidden', 'This parked order belongs to another register.');
  }
  const stored = row.record;
  const rankIn = parkedRank(order.status);
  const rankStored = parkedRank(stored.status);
  const wins = rankIn > rankStored || (rankIn === rankStored && order.hlc > stored.hlc);
  if (!wins) {
    return order.hlc === stored.hlc && order.status === stored.status
      ? { status: 'duplicate' }
      : { status: 'merged', record: stored };
  }
  await tx.query(
    `update parked_orders set status = $2, hlc = $3, record = $4, shift_id = $5 where id = $1`,
    [order.id, order.status, order.hlc, JSON.stringify(order), order.shiftId],
  );
  return { status: 'applied' };
}
