import { z } from 'zod/mini';
import { id } from '../records/ids';
import { register } from '../records/store';

export const bindDeviceRequest = z.object({ registerId: id });
export type BindDeviceRequest = z.infer<typeof bindDeviceRequest>;

/** The device as the server knows it: which register (if any) it sells for. */
export const deviceResponse = z.object({
  id,
  storeId: id,
  register: z.nullable(register),
});
export type DeviceResponse = z.infer<typeof deviceResponse>;
