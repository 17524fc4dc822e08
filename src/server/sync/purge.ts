// Purging tombstones: deleted rows older than the retention window are removed for good, and
// the highest xid removed becomes the horizon. A cursor at or below the horizon may have
// missed one of those deletes, so the pull answers it 410 ResyncRequired.
import type { Database } from '../db/database';

/** Tables registers pull whose tombstones may go, each with what must no longer refer to them. */
const purgeable: { table: string; unreferenced?: string }[] = [
  { table: 'products' },
  {
    table: 'categories',
    unreferenced: 'not exists (select 1 from products p where p.category_id = t.id)',
  },
  {
    table: 'tax_rates',
    unreferenced: 'not exists (select 1 from products p where p.tax_rate_id = t.id)',
  },
  { table: 'payment_methods' },
  {
    table: 'registers',
    unreferenced: `not exists (select 1 from devices d where d.register_id = t.id)
                   and not exists (select 1 from sales s where s.register_id = t.id)`,
  },
  { table: 'stock_levels' },
  { table: 'customers' },
];

export interface PurgeResult {
  /** Rows removed per table (tables with none are left out). */
  purged: Record<string, number>;
  /** The horizon after the purge: the highest xid of any tombstone ever purged. */
  horizon: string | null;
}

const UNITS: Record<string, number> = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/** "30d", "12h", "90m", "45s" in milliseconds, or null. */
export function parseDuration(text: string): number | null {
  const m = /^(\d{1,6})([dhms])$/.exec(text.trim());
  if (!m?.[1] || !m[2]) return null;
  return Number(m[1]) * (UNITS[m[2]] ?? 0);
}

export async function purgeTombstones(
  db: Database,
  olderThanMs: number,
  now: Date = new Date(),
): Promise<PurgeResult> {
  const cutoff = new Date(now.getTime() - olderThanMs);
  return db.transaction(async (tx) => {
    const purged: Record<string, number> = {};
    let highest: bigint | null = null;
    for (const { table, unreferenced } of purgeable) {
      const r = await tx.query<{ n: number; top: string | null }>(
        `with gone as (
           delete from ${table} t
            where t.deleted and t.updated_at < $1 ${unreferenced ? `and ${unreferenced}` : ''}
           returning t.xid)
         select count(*)::int as n, max(xid)::text as top from gone`,
        [cutoff],
      );
      const row = r.rows[0];
      if (!row || row.n === 0 || row.top === null) continue;
      purged[table] = row.n;
      const top = BigInt(row.top);
      if (highest === null || top > highest) highest = top;
    }
    const h = await tx.query<{ purged_through: string | null }>(
      `update sync_horizon
          set purged_through = greatest(purged_through, $1::xid8),
              purged_at = case when $1::xid8 is null then purged_at else now() end
       returning purged_through::text`,
      [highest === null ? null : highest.toString()],
    );
    return { purged, horizon: h.rows[0]?.purged_through ?? null };
  });
}
