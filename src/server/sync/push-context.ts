// Who is pushing: everything scope checks need, taken from the access token and the devices
// table, never from the request body.
import type { FastifyBaseLogger } from 'fastify';
import type { Role } from '../../shared/records/user';
import type { Queryable } from '../db/database';

export interface PushContext {
  deviceId: string;
  storeId: string;
  userId: string;
  role: Role;
  /** The register the device is bound to (PUT /api/devices/current/register), if any. */
  registerId: string | null;
  log: FastifyBaseLogger;
}

/**
 * SQL for a device's register (the SQL expressions of the device and of the token's store): a
 * live register of that store, or no row. A statement of its own or a subquery of a larger one.
 */
export const boundRegisterSql = (device: string, store: string) => `select d.register_id
       from devices d join registers r on r.id = d.register_id and not r.deleted
      where d.id = ${device} and d.store_id = ${store} and r.store_id = ${store}`;

/** boundRegisterSql with $1 the device and $2 the store. */
export const BOUND_REGISTER_SQL = boundRegisterSql('$1::uuid', '$2::uuid');

/** The device's register, if it is bound to a live one of the token's store. */
export async function boundRegister(
  db: Queryable,
  deviceId: string,
  storeId: string,
): Promise<string | null> {
  const r = await db.query<{ register_id: string }>(BOUND_REGISTER_SQL, [deviceId, storeId], {
    prepare: true,
  });
  return r.rows[0]?.register_id ?? null;
}
