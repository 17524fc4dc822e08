// First start on a device: bind it to a register of the signed-in user's store, and keep the
// store's small tables (store, registers, tax rates, payment methods, categories) so the till
// can sell before the first pull has finished. Products come with the pull.
import { catalogResponse } from '../../shared/api/catalog';
import { deviceResponse } from '../../shared/api/device';
import type { TillDb } from '../db/database';
import { bindRegister } from '../db/device-meta';
import type { DeviceMeta } from '../db/records';
import type { ApiClient } from './api';

export async function bindToRegister(
  db: TillDb,
  api: ApiClient,
  registerId: string,
): Promise<DeviceMeta> {
  const device = await api.call(
    '/api/devices/current/register',
    {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ registerId }),
    },
    deviceResponse,
  );
  const catalog = await api.call('/api/catalog?limit=1', { method: 'GET' }, catalogResponse);
  await db.transaction(
    'rw',
    [db.stores, db.registers, db.categories, db.taxRates, db.paymentMethods],
    async () => {
      await db.stores.put(catalog.store);
      await db.registers.bulkPut(catalog.registers);
      await db.categories.bulkPut(catalog.categories);
      await db.taxRates.bulkPut(catalog.taxRates);
      await db.paymentMethods.bulkPut(catalog.paymentMethods);
      if (device.register) await db.registers.put(device.register);
    },
  );
  return bindRegister(db, device.storeId, registerId);
}
