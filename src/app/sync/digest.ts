// The digest check: does this register hold exactly the products and stock levels the server
// says it may see? A pull only brings changes; after a permission or assortment change the
// sets can differ without any change to pull. On a mismatch the check pulls once more (the
// server may simply have moved on) and, if it still differs, starts a full resync.
import { digestResponse } from '../../shared/api/digest';
import type { BlockLogName } from '../db/block-log';
import { readLog } from '../db/block-log';
import type { TillDb } from '../db/database';
import { updateSyncState } from '../db/sync-state';
import type { ApiClient } from './api';

export const DIGEST_ENTITIES: readonly BlockLogName[] = ['products', 'stockLevels'];

async function sha256Hex(text: string): Promise<string> {
  const bytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Count and hash as the server makes them: "id:version" lines sorted by id, joined by \n. */
export async function localDigest(
  db: TillDb,
  entity: BlockLogName,
): Promise<{ count: number; hash: string }> {
  const log = await readLog(db, entity);
  const ids = [...log.versions.keys()].sort();
  const text = ids.map((id) => `${id}:${log.versions.get(id) ?? ''}`).join('\n');
  return { count: ids.length, hash: await sha256Hex(text) };
}

export async function digestMatches(
  db: TillDb,
  api: ApiClient,
  entity: BlockLogName,
): Promise<boolean> {
  const remote = await api.call(
    `/api/sync/digest?entity=${entity}`,
    { method: 'GET' },
    digestResponse,
  );
  const local = await localDigest(db, entity);
  return remote.count === local.count && remote.hash === local.hash;
}

/**
 * Checks every entity; `pull` brings the register up to date. Returns the entities that still
 * differed after a pull (their repair, a full resync, has then been done by `pull`).
 */
export async function verifyDigests(
  db: TillDb,
  api: ApiClient,
  pull: () => Promise<unknown>,
): Promise<BlockLogName[]> {
  const differing: BlockLogName[] = [];
  for (const entity of DIGEST_ENTITIES) {
    if (await digestMatches(db, api, entity)) continue;
    await pull();
    if (!(await digestMatches(db, api, entity))) differing.push(entity);
  }
  if (differing.length > 0) {
    await updateSyncState(db, { cursor: null });
    await pull();
  }
  return differing;
}
