// The SQL of one pull page: every entity in the device's scope, rows with xid >= the run's
// watermark (live rows only when the run started from nothing), after the page position, in
// the order (xid, entity rank, id), one statement so the page reads one snapshot.
import type { Queryable } from '../db/database';
import type { EntitySpec } from './pull-entities';
import { entitySpecs } from './pull-entities';

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

function where(spec: EntitySpec, scope: PullScope, bounds: PageBounds, p: Params): string[] | null {
  const owner = spec.scope.by === 'store' ? scope.storeId : scope.registerId;
  if (owner === null) return null;
  const conditions = [`${spec.scope.column} = ${p.ref(spec.scope.by, owner, 'uuid')}`];
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

/** Whether the run (from `bounds`) holds any row of the register's own records. */
export async function hasRegisterRows(
  tx: Queryable,
  scope: PullScope,
  bounds: PageBounds,
): Promise<boolean> {
  const p = new Params();
  const parts = entitySpecs
    .filter((spec) => spec.scope.by === 'register')
    .flatMap((spec) => {
      const conditions = where(spec, scope, bounds, p);
      return conditions
        ? [`exists (select 1 from ${spec.table} where ${conditions.join(' and ')})`]
        : [];
    });
  if (parts.length === 0) return false;
  const r = await tx.query<{ found: boolean }>(`select ${parts.join(' or ')} as found`, p.values);
  return r.rows[0]?.found ?? false;
}
