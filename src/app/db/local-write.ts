// The common tail of every store-operation write: stamp it with the device's HLC and queue its
// mutation with the next seq, inside the caller's transaction (which must include outbox and
// deviceMeta), so the record and its outbox entry commit together or not at all.
import type { Transaction } from 'dexie';
import { deviceClock } from './device-meta';
import { uuidv7 } from '../../shared/uuidv7';
import type { DeviceMeta, OutboxEntry } from './records';
import type { NewMutation } from './outbox';
import { nextEntry } from './outbox';

type Payloaded = NewMutation extends infer M
  ? M extends { kind: infer K; payload: infer P }
    ? { kind: K; payload: P }
    : never
  : never;

export async function stampAndEnqueue(
  tx: Transaction,
  device: DeviceMeta,
  mutation: Payloaded,
  recordId: string,
  now: () => number,
): Promise<{ entry: OutboxEntry; hlc: string; at: string }> {
  const clock = deviceClock(device, now);
  const hlc = clock.stamp();
  const at = new Date(now()).toISOString();
  const next = nextEntry(device, { id: uuidv7(now()), hlc, ...mutation }, recordId, at, {
    hlc: clock.snapshot(),
  });
  await Promise.all([tx.table('deviceMeta').put(next.device), tx.table('outbox').add(next.entry)]);
  return { entry: next.entry, hlc, at };
}
