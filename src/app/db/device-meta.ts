// Who this register is: the device id, its store and register, the receipt counters, the next
// mutation seq and the HLC state. One record, read and written inside the transactions that
// use it, so two tabs can never take the same receipt number or seq.
import { HlcClock, initialHlc } from '../../shared/hlc';
import { uuidv7 } from '../../shared/uuidv7';
import type { TableSource, TillDb } from './database';
import type { DeviceMeta, MetaRecord } from './records';

export class DeviceNotSetUp extends Error {
  override name = 'DeviceNotSetUp';
}

export class NoRegister extends Error {
  override name = 'NoRegister';
}

/** Makes the device record on first use; an existing one is kept as it is. */
export async function initDevice(db: TillDb, deviceId: string): Promise<DeviceMeta> {
  return db.transaction('rw', db.deviceMeta, async () => {
    const existing = await db.deviceMeta.get('device');
    if (existing?.key === 'device') return existing;
    const meta: DeviceMeta = {
      key: 'device',
      deviceId,
      instanceId: uuidv7(),
      storeId: null,
      registerId: null,
      receiptCounters: {},
      nextSeq: 1,
      hlc: initialHlc,
      clockOffset: 0,
      persistRequested: false,
    };
    await db.deviceMeta.put(meta);
    return meta;
  });
}

function asDevice(record: MetaRecord | undefined): DeviceMeta {
  if (record?.key !== 'device') throw new DeviceNotSetUp('This register has not been set up.');
  return record;
}

export async function getDevice(db: TableSource): Promise<DeviceMeta> {
  return asDevice(await db.table<MetaRecord, string>('deviceMeta').get('device'));
}

export async function findDevice(db: TillDb): Promise<DeviceMeta | null> {
  const record = await db.deviceMeta.get('device');
  return record?.key === 'device' ? record : null;
}

export async function updateDevice(
  db: TillDb,
  change: Partial<Omit<DeviceMeta, 'key' | 'deviceId' | 'instanceId'>>,
): Promise<DeviceMeta> {
  return db.transaction('rw', db.deviceMeta, async () => {
    const meta = { ...(await getDevice(db)), ...change };
    await db.deviceMeta.put(meta);
    return meta;
  });
}

/** Binds this device to a register of its store (the server was told first). */
export function bindRegister(db: TillDb, storeId: string, registerId: string) {
  return updateDevice(db, { storeId, registerId });
}

/** The device's hybrid logical clock: its last stamp and the offset measured against the server. */
export function deviceClock(device: DeviceMeta, now: () => number): HlcClock {
  return new HlcClock({
    node: device.deviceId,
    now,
    state: device.hlc,
    offset: device.clockOffset,
  });
}
