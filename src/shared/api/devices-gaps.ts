// GET /api/sync/devices (managers): each device of the store that pushed, with the highest seq
// it delivered without a hole and the holes above it. A hole that stays is a wiped device or
// lost mutations, for a manager to look into.
import { z } from 'zod/mini';
import { id } from '../records/ids';

/** The seqs `from`..`to` (inclusive) never arrived, though later ones did. */
export const seqGap = z.object({ from: z.number().check(z.int()), to: z.number().check(z.int()) });
export type SeqGap = z.infer<typeof seqGap>;

export const deviceSeqState = z.object({
  deviceId: id,
  /** The register the device is bound to now, if any. */
  registerId: z.nullable(id),
  /** Every seq from 1 to this one has arrived. */
  contiguousSeq: z.number().check(z.int()),
  maxSeq: z.number().check(z.int()),
  /** The holes between contiguousSeq and maxSeq, lowest first (at most 100 listed). */
  gaps: z.array(seqGap),
  /** How many seqs are missing in all. */
  missing: z.number().check(z.int()),
  lastPushAt: z.iso.datetime({ offset: true }),
});
export type DeviceSeqState = z.infer<typeof deviceSeqState>;

export const syncDevicesResponse = z.object({
  epoch: z.string(),
  /** Devices with gaps first, then by last push, newest first. */
  devices: z.array(deviceSeqState),
});
export type SyncDevicesResponse = z.infer<typeof syncDevicesResponse>;
