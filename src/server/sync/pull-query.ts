// The SQL of one pull page: every entity in the device's scope, rows with xid >= the run's
// watermark (live rows only when the run started from nothing), after the page position, in
// the order (xid, entity rank, id), one statement so the page reads one snapshot.
import type { Queryable } from '../db/database';
import type { EntitySpec } from './pull-entities';
import { entitySpecs } from './pull-entities';
import { boundRegisterSql } from './push-context';

export interface PullScope {
  storeId: string;
  /** The device's register; without one, no sales. */
  registerId: string | null;
}

/**
 * A run: rows with xid >= `from` (null: every live row) and below `below` (the first page's
 * xmax; null on the first page, whose snapshot bounds it), after `after` when given.
 */
export interface PageBounds {
  from: string | null;
  below: string | null;
  after: readonly [xid: string, rank: number, id: string] | null;
}

export interface PageRow {
  rank: number;
  id: string;
  version: string;
  deleted: boolean;
  data: unknown;
}

class Params {
  readonly values: unknown[] = [];
  private readonly seen = new Map<string, string>();
  /** A placeholder with its cast; the same key gives the same placeholder. */
  ref(key: string, value: unknown, type: string): string {
    const known = this.seen.get(key);
    if (known) return known;
    this.values.push(value);
    const placeholder = `$${this.values.length}::${type}`;
    this.seen.set(key, placeholder);
    return placeholder;
  }
}

/**
 * The conditions of a run on one entity's table; null when the scope holds none of it. The
 * register may be given as SQL instead (`registerSql`), to be found in the same statement.
 */
function where(
  spec: EntitySpec,
  scope: PullScope,
  bounds: PageBounds,
  p: Params,
  registerSql?: string,
): string[] | null {
  let owner: string;
  if (spec.scope.by === 'register' && registerSql) owner = registerSql;
  else {
    const id = spec.scope.by === 'store' ? scope.storeId : scope.registerId;
    if (id === null) return null;
    owner = p.ref(spec.scope.by, id, 'uuid');
  }
  const conditions = [`${spec.scope.column} = ${owner}`];
  conditions.push(
    bounds.from === null ? 'not deleted' : `xid >= ${p.ref('from', bounds.from, 'xid8')}`,
  );
  if (bounds.below !== null) conditions.push(`xid < ${p.ref('below', bounds.below, 'xid8')}`);
  if (bounds.after) {
    const [xid, rank, id] = bounds.after;
    const ax = p.ref('ax', xid, 'xid8');
    if (spec.rank < rank) conditions.push(`xid > ${ax}`);
    else if (spec.rank > rank) conditions.push(`xid >= ${ax}`);
    else conditions.push(`(xid, ${spec.id}) > (${ax}, ${p.ref('ai', id, 'uuid')})`);
  }
  return conditions;
}

export async function pageRows(
  tx: Queryable,
  scope: PullScope,
  bounds: PageBounds,
  limit: number,
): Promise<PageRow[]> {
  const p = new Params();
  const n = p.ref('limit', limit, 'int');
  const parts = entitySpecs.flatMap((spec) => {
    const conditions = where(spec, scope, bounds, p);
    if (!conditions) return [];
    return [
      `(select ${spec.rank} as rank, ${spec.id} as id, xid, deleted,
               case when deleted then null else ${spec.json} end as data
          from ${spec.table} where ${conditions.join(' and ')}
         order by xid, ${spec.id} limit ${n})`,
    ];
  });
  const r = await tx.query<PageRow>(
    `select rank, id::text as id, xid::text as version, deleted, data
       from (${parts.join('\n union all\n')}) page
      order by page.xid, rank, page.id limit ${n}`,
    p.values,
  );
  return r.rows;
}

/** How many rows the run holds from its start (for a progress hint). */
export async function runSize(
  tx: Queryable,
  scope: PullScope,
  bounds: PageBounds,
): Promise<number> {
  const p = new Params();
  const counts = entitySpecs.flatMap((spec) => {
    const conditions = where(spec, scope, { ...bounds, after: null }, p);
    return conditions
      ? [`(select count(*) from ${spec.table} where ${conditions.join(' and ')})`]
      : [];
  });
  const r = await tx.query<{ n: number }>(`select ${counts.join(' + ')} as n`, p.values);
  return Number(r.rows[0]?.n ?? 0);
}

/** What a pull reads before anything else, in one statement and so one snapshot. */
export interface PullHead {
  /** pg_current_snapshot() as text: equal snapshots see equal rows (the page cache's key). */
  snapshot: string;
  xmin: string;
  xmax: string;
  /** The highest xid of a purged tombstone, if any. */
  purged: string | null;
  /** The device's register, if it is bound to a live one of its store. */
  registerId: string | null;
  /** Whether the run (from `bounds`) holds any of that register's own records. */
  registerHasRows: boolean;
}

/**
 * The heads of devices of one store pulling from the same cursor, in one round trip and one
 * snapshot: the watermark and horizon, and each device's register and whether the run holds
 * any of its records. The answers are in the order of `deviceIds`.
 */
export async function pullHeads(
  q: Queryable,
  storeId: string,
  deviceIds: readonly string[],
  bounds: PageBounds,
): Promise<PullHead[]> {
  const p = new Params();
  const store = p.ref('store', storeId, 'uuid');
  const devices = p.ref('devices', deviceIds, 'uuid[]');
  const owned = entitySpecs
    .filter((spec) => spec.scope.by === 'register')
    .map((spec) => {
      const conditions = where(spec, { storeId, registerId: null }, bounds, p, 'b.register_id');
      return `exists (select 1 from ${spec.table} where ${(conditions ?? ['false']).join(' and ')})`;
    });
  const r = await q.query<{
    snapshot: string;
    xmin: string;
    xmax: string;
    purged: string | null;
    bound: [number, string | null, boolean][];
  }>(
    `with bound as (
       select a.n, (${boundRegisterSql('a.device_id', store)}) as register_id
         from unnest(${devices}) with ordinality as a(device_id, n))
     select s::text as snapshot, pg_snapshot_xmin(s)::text as xmin,
            pg_snapshot_xmax(s)::text as xmax,
            (select purged_through::text from sync_horizon) as purged,
            (select json_agg(json_build_array(b.n, b.register_id,
                    ${owned.length > 0 ? owned.join(' or ') : 'false'}) order by b.n)
               from bound b) as bound
       from pg_current_snapshot() s`,
    p.values,
    { prepare: true },
  );
  const row = r.rows[0];
  if (!row) throw new Error('no snapshot');
  return row.bound.map(([, registerId, registerHasRows]) => ({
    snapshot: row.snapshot,
    xmin: row.xmin,
    xmax: row.xmax,
    purged: row.purged,
    registerId,
    registerHasRows,
  }));
}
