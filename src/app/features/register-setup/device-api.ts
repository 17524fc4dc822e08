// What a device's first start shows: which register it sells for now (if any) and the
// registers of the signed-in user's store. (Binding goes through the data port.)
import { catalogResponse } from '../../../shared/api/catalog';
import { deviceResponse } from '../../../shared/api/device';
import type { DeviceResponse } from '../../../shared/api/device';
import type { Register } from '../../../shared/records/store';
import type { Fetch } from '../../sync/http';
import { requestJson } from '../../sync/http';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** This device as the server knows it, and the registers of the user's store. */
export async function loadRegisters(
  fetchFn: Fetch,
  token: string,
): Promise<{ device: DeviceResponse; registers: Register[] }> {
  const [device, catalog] = await Promise.all([
    requestJson(fetchFn, '/api/devices/current', { headers: bearer(token) }, deviceResponse),
    // The registers come with every catalog page; one product is enough.
    requestJson(fetchFn, '/api/catalog?limit=1', { headers: bearer(token) }, catalogResponse),
  ]);
  return { device, registers: catalog.registers };
}
