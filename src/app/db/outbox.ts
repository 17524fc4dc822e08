// The transactional outbox: every local write commits together with its mutation here, and an
// entry leaves only when the server confirmed it (applied, duplicate or merged) or rejected it
// (then it moves to needs-attention). Entries are pushed in seq order.
import type { Transaction } from 'dexie';
import type { Mutation } from '../../shared/api/push';
import type { TableSource, TillDb } from './database';
import { getDevice } from './device-meta';
import type { DeviceMeta, OutboxEntry } from './records';

/** A mutation before the outbox gives it its seq. */
export type NewMutation = {
  [K in Mutation['kind']]: Omit<Extract<Mutation, { kind: K }>, 'seq'>;
}[Mutation['kind']];

type DeviceChange = Partial<Omit<DeviceMeta, 'key' | 'nextSeq'>>;

/**
 * The outbox entry of `mutation` as the next of `device`, and the device record after it (its
 * seq moved on, `deviceChange` taken in), for a caller that read the device in its transaction
 * and writes both there.
 */
export function nextEntry(
  device: DeviceMeta,
  mutation: NewMutation,
  recordId: string,
  createdAt: string,
  deviceChange: DeviceChange = {},
): { entry: OutboxEntry; device: DeviceMeta } {
  const entry: OutboxEntry = { ...mutation, seq: device.nextSeq, recordId, createdAt };
  return { entry, device: { ...device, ...deviceChange, nextSeq: device.nextSeq + 1 } };
}

/**
 * Adds a mutation with the device's next seq, inside the caller's transaction (which must
 * include outbox and deviceMeta). `deviceChange` (the HLC, a receipt counter) is written in the
 * same put of the device record as the seq.
 */
export async function enqueue(
  tx: Transaction,
  mutation: NewMutation,
  recordId: string,
  createdAt: string,
  deviceChange: DeviceChange = {},
): Promise<OutboxEntry> {
  const next = nextEntry(await getDevice(tx), mutation, recordId, createdAt, deviceChange);
  await tx.table('deviceMeta').put(next.device);
  await tx.table('outbox').add(next.entry);
  return next.entry;
}

export function pendingCount(db: TillDb): Promise<number> {
  return db.outbox.count();
}

/** The oldest entries in seq order; only those after seq `after` when given. */
export function nextBatch(db: TillDb, limit: number, after?: number): Promise<OutboxEntry[]> {
  const entries =
    after === undefined ? db.outbox.orderBy('seq') : db.outbox.where('seq').above(after);
  return entries.limit(limit).toArray();
}

/** Whether a record has a local change the server has not confirmed yet. */
export async function hasPendingChange(db: TableSource, recordId: string): Promise<boolean> {
  return (
    (await db.table<OutboxEntry, number>('outbox').where('recordId').equals(recordId).count()) > 0
  );
}
