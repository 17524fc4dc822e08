// Seq tracking: every device numbers its mutations 1, 2, 3, ...; the server keeps the highest
// seq below which none is missing, so a hole (a wiped device, a lost outbox) shows up for a
// manager. Rows lock per device, so concurrent pushes of one device take turns here.
import type { DeviceSeqState } from '../../shared/api/devices-gaps';
import type { Queryable } from '../db/database';

/** Notes that `seqs` arrived for the device; in the transaction that applied them. */
export async function recordSeqs(
  tx: Queryable,
  deviceId: string,
  storeId: string,
  seqs: readonly number[],
): Promise<void> {
  if (seqs.length === 0) return;
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  const lo = sorted[0] ?? 0;
  const hi = sorted[sorted.length - 1] ?? 0;
  // The usual push: the seqs right after the contiguous ones, with none beyond them stored.
  // Then the contiguous seq moves to the last one here, without the scan below.
  const block = hi - lo + 1 === sorted.length;
  const r = await tx.query<{ contiguous: number }>(
    `insert into device_seq (device_id, store_id, contiguous, max_seq)
     values ($1, $2, case when $5::boolean and $4::bigint = 1 then $3::bigint else 0 end, $3::bigint)
     on conflict (device_id) do update set
       contiguous = case when $5::boolean and device_seq.contiguous = $4::bigint - 1
                          and device_seq.max_seq <= $3::bigint then $3::bigint
                         else device_seq.contiguous end,
       max_seq = greatest(device_seq.max_seq, excluded.max_seq),
       store_id = excluded.store_id,
       last_push_at = now()
     returning contiguous`,
    [deviceId, storeId, hi, lo, block],
    { prepare: true },
  );
  const contiguous = Number(r.rows[0]?.contiguous ?? 0);
  if (contiguous >= hi || !sorted.includes(contiguous + 1)) return;
  // The run of consecutive seqs starting at contiguous + 1 ("gaps and islands"): seq minus
  // its rank is constant along a run. Read after the row lock, so it sees every commit before.
  await tx.query(
    `update device_seq set contiguous = coalesce((
       select max(seq) from (
         select seq, seq - row_number() over (order by seq) as island
           from (select distinct seq from applied_mutations where device_id = $1 and seq > $2) s
       ) t where island = $2), $2)
     where device_id = $1`,
    [deviceId, contiguous],
  );
}

export const recordSeq = (tx: Queryable, deviceId: string, storeId: string, seq: number) =>
  recordSeqs(tx, deviceId, storeId, [seq]);

interface DeviceSeqRow {
  device_id: string;
  register_id: string | null;
  contiguous: number;
  max_seq: number;
  last_push_at: Date | string;
  gaps: { from: number; to: number }[];
  missing: number;
}

const MAX_GAPS_LISTED = 100;

/** The devices of a store that pushed, with the holes in their seqs; holes first. */
export async function listDeviceSeqs(db: Queryable, storeId: string): Promise<DeviceSeqState[]> {
  const r = await db.query<DeviceSeqRow>(
    `with holes as (
       select d.device_id, w.seq + 1 as gap_from, w.next_seq - 1 as gap_to
         from device_seq d
         cross join lateral (
           select seq, lead(seq) over (order by seq) as next_seq
             from (select distinct seq from applied_mutations a
                    where a.device_id = d.device_id and a.seq > d.contiguous
                   union select d.contiguous) s
         ) w
        where d.store_id = $1 and w.next_seq > w.seq + 1
     )
     select d.device_id, dv.register_id, d.contiguous, d.max_seq, d.last_push_at,
            coalesce((select json_agg(json_build_object('from', h.gap_from, 'to', h.gap_to)
                                      order by h.gap_from)
                        from (select * from holes h where h.device_id = d.device_id
                               order by gap_from limit $2) h), '[]') as gaps,
            coalesce((select sum(h.gap_to - h.gap_from + 1) from holes h
                       where h.device_id = d.device_id), 0)::bigint as missing
       from device_seq d left join devices dv on dv.id = d.device_id
      where d.store_id = $1
      order by (d.contiguous < d.max_seq) desc, d.last_push_at desc`,
    [storeId, MAX_GAPS_LISTED],
  );
  return r.rows.map((row) => ({
    deviceId: row.device_id,
    registerId: row.register_id,
    contiguousSeq: Number(row.contiguous),
    maxSeq: Number(row.max_seq),
    gaps: row.gaps.map((g) => ({ from: Number(g.from), to: Number(g.to) })),
    missing: Number(row.missing),
    lastPushAt: new Date(row.last_push_at).toISOString(),
  }));
}
