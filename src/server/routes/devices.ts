// A device (one browser install) is bound to one register of its store, so receipts and
// pushes from it can be checked against that register.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bindDeviceRequest, deviceResponse } from '../../shared/api/device';
import type { DeviceResponse } from '../../shared/api/device';
import { authOf, requireRole } from '../auth/guard';
import type { Queryable } from '../db/database';
import type { RegisterRow } from '../db/records';
import { toRegister } from '../db/records';
import { AppError } from '../errors';

export async function loadDevice(db: Queryable, deviceId: string): Promise<DeviceResponse | null> {
  const r = await db.query<{ id: string; store_id: string; register: RegisterRow | null }>(
    `select d.id, d.store_id,
            case when r.id is null then null
                 else json_build_object('id', r.id, 'store_id', r.store_id, 'code', r.code, 'name', r.name)
            end as register
       from devices d left join registers r on r.id = d.register_id and not r.deleted
      where d.id = $1`,
    [deviceId],
  );
  const row = r.rows[0];
  if (!row) return null;
  return {
    id: row.id,
    storeId: row.store_id,
    register: row.register ? toRegister(row.register) : null,
  };
}

export const deviceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.till;
  const guarded = { onRequest: requireRole() };

  app.get(
    '/api/devices/current',
    {
      ...guarded,
      schema: { tags: ['devices'], security: [{ bearer: [] }], response: { 200: deviceResponse } },
    },
    async (request) => {
      const device = await loadDevice(db, authOf(request).deviceId);
      if (!device) throw new AppError('NotFound', 'This device is not known: sign in again.');
      return device;
    },
  );

  app.put(
    '/api/devices/current/register',
    {
      ...guarded,
      schema: {
        tags: ['devices'],
        security: [{ bearer: [] }],
        body: bindDeviceRequest,
        response: { 200: deviceResponse },
      },
    },
    async (request) => {
      const { deviceId, storeId } = authOf(request);
      const { registerId } = request.body;
      await db.transaction(async (tx) => {
        const reg = await tx.query(
          'select 1 from registers where id = $1 and store_id = $2 and not deleted',
          [registerId, storeId],
        );
        if (reg.rows.length === 0)
          throw new AppError('NotFound', 'No such register in your store.');
        // A register sells from one device at a time. A new install (a wiped or replaced
        // tablet) takes the register over; the old device must be bound again to sell.
        const previous = await tx.query<{ id: string }>(
          'update devices set register_id = null where register_id = $1 and id <> $2 returning id',
          [registerId, deviceId],
        );
        if (previous.rows.length > 0) {
          request.log.warn(
            { registerId, previous: previous.rows[0]?.id, deviceId },
            'register taken over',
          );
        }
        const updated = await tx.query(
          'update devices set register_id = $2, last_seen_at = now() where id = $1 and store_id = $3 returning id',
          [deviceId, registerId, storeId],
        );
        if (updated.rows.length === 0) {
          throw new AppError('NotFound', 'This device is not known: sign in again.');
        }
      });
      const device = await loadDevice(db, deviceId);
      if (!device) throw new AppError('NotFound', 'This device is not known: sign in again.');
      return device;
    },
  );
};
