// Who a mutation names (an opener, a confirming manager, an approver) must be a user of the
// pushing device's store, and for approvals a manager or admin.
import type { Role } from '../../shared/records/user';
import type { Queryable } from '../db/database';
import { reject } from './rejection';

const MANAGER_ROLES: readonly Role[] = ['manager', 'admin'];

export async function checkStoreUser(
  tx: Queryable,
  storeId: string,
  userId: string,
  what: string,
  needs: 'any' | 'manager' = 'any',
): Promise<void> {
  const r = await tx.query<{ store_id: string; role: Role }>(
    'select store_id, role from users where id = $1',
    [userId],
  );
  const user = r.rows[0];
  if (!user || user.store_id !== storeId)
    reject('NotFound', `The ${what} is not a user of this store.`);
  if (needs === 'manager' && !MANAGER_ROLES.includes(user.role)) {
    reject('Forbidden', `The ${what} must be a manager of this store.`);
  }
}

/** Register-scoped kinds: the payload's store and register must be the device's. */
export function checkRegisterScope(
  ctx: { storeId: string; registerId: string | null },
  record: { storeId: string; registerId: string },
  what: string,
): void {
  if (record.storeId !== ctx.storeId) reject('Forbidden', `This ${what} belongs to another store.`);
  if (!ctx.registerId) reject('Forbidden', 'This device is not bound to a register.');
  if (record.registerId !== ctx.registerId) {
    reject('Forbidden', `This ${what} is for another register than the one of this device.`);
  }
}
