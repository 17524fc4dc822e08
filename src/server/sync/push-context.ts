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

/** The device's register, if it is bound to a live one of the token's store. */
export async function boundRegister(
  db: Queryable,
  deviceId: string,
  storeId: string,
): Promise<string | null> {
  const r = await db.query<{ register_id: string }>(
    `select d.register_id from devices d
       join registers r on r.id = d.register_id and not r.deleted
      where d.id = $1 and d.store_id = $2 and r.store_id = $2`,
    [deviceId, storeId],
  );
  return r.rows[0]?.register_id ?? null;
}
