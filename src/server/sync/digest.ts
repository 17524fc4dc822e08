// The digest of one entity: how many live rows the device may see, and a SHA-256 over their
// "id:version" lines sorted by id, so a client can check it holds exactly that set (after a
// permission or assortment change) without downloading it.
import type { DigestResponse } from '../../shared/api/digest';
import type { PullEntity } from '../../shared/api/pull';
import type { Queryable } from '../db/database';
import type { PullScope } from './pull-query';
import { specOf } from './pull-entities';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export async function digestOf(
  db: Queryable,
  scope: PullScope,
  entity: PullEntity,
  epoch: string,
): Promise<DigestResponse> {
  const spec = specOf(entity);
  const owner = spec.scope.by === 'store' ? scope.storeId : scope.registerId;
  if (owner === null) return { epoch, entity, count: 0, hash: EMPTY_SHA256 };
  // uuids order as their lowercase hex text does, so "sorted by id" is the same on both sides.
  const r = await db.query<{ count: number; hash: string }>(
    `select count(*)::int as count,
            encode(sha256(convert_to(coalesce(
              string_agg(${spec.id}::text || ':' || xid::text, E'\\n' order by ${spec.id}), ''),
              'UTF8')), 'hex') as hash
       from ${spec.table} where ${spec.scope.column} = $1 and not deleted`,
    [owner],
  );
  const row = r.rows[0];
  return { epoch, entity, count: Number(row?.count ?? 0), hash: row?.hash ?? EMPTY_SHA256 };
}
