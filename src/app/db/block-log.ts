// A block log keeps a large entity (100,000 products, their stock levels) as a few hundred
// IndexedDB records of up to BLOCK_SIZE entries, appended in order: a first sync pays a hundred
// puts instead of a hundred thousand index updates. Later entries supersede earlier ones with
// the same id; a null value is a deletion. Readers fold the log into a Map in memory.
import type { Table, Transaction } from 'dexie';
import type { BlockLogMeta, LogBlock, LogEntry, ResyncProgress } from './records';
import type { TableSource, TillDb } from './database';

export const BLOCK_SIZE = 1000;

export type BlockLogName = 'products' | 'stockLevels';

const tables = { products: 'productBlocks', stockLevels: 'stockBlocks' } as const;

export function blockTable<T>(db: TableSource, name: BlockLogName): Table<LogBlock<T>, number> {
  return db.table<LogBlock<T>, number>(tables[name]);
}

export function blockTableName(name: BlockLogName): string {
  return tables[name];
}

const metaKey = (name: BlockLogName) => `blocks:${name}` as const;

export async function readLogMeta(db: TableSource, name: BlockLogName): Promise<BlockLogMeta> {
  const found = await db.table<BlockLogMeta, string>('syncState').get(metaKey(name));
  return found ?? { key: metaKey(name), generation: 0, nextBlockId: 1, entries: 0 };
}

/**
 * Appends entries (inside the caller's transaction, which must include the block table and
 * syncState). The last block is filled up first unless it belongs to the snapshot a running
 * resync is replacing.
 */
export async function appendToLog<T>(
  tx: Transaction,
  name: BlockLogName,
  entries: readonly LogEntry<T>[],
  resync: ResyncProgress | null,
): Promise<void> {
  if (entries.length === 0) return;
  const table = blockTable<T>(tx, name);
  const meta = await readLogMeta(tx, name);
  const floor = resync?.logs[name]?.fromBlock ?? 0;
  let rest = entries.slice();
  const tailId = meta.nextBlockId - 1;
  if (tailId >= 1 && tailId >= floor) {
    const tail = await table.get(tailId);
    if (tail && tail.entries.length < BLOCK_SIZE) {
      const room = BLOCK_SIZE - tail.entries.length;
      await table.put({ id: tail.id, entries: [...tail.entries, ...rest.slice(0, room)] });
      rest = rest.slice(room);
    }
  }
  const blocks: LogBlock<T>[] = [];
  for (let i = 0; i < rest.length; i += BLOCK_SIZE)
    blocks.push({ id: meta.nextBlockId + blocks.length, entries: rest.slice(i, i + BLOCK_SIZE) });
  if (blocks.length > 0) await table.bulkPut(blocks);
  await tx.table('syncState').put({
    ...meta,
    nextBlockId: meta.nextBlockId + blocks.length,
    entries: meta.entries + entries.length,
  } satisfies BlockLogMeta);
}

/** Starts a new snapshot of the log for a full resync: nothing is appended to older blocks. */
export async function beginLogSnapshot(
  tx: Transaction,
  name: BlockLogName,
): Promise<{ fromBlock: number; entriesBefore: number }> {
  const meta = await readLogMeta(tx, name);
  return { fromBlock: meta.nextBlockId, entriesBefore: meta.entries };
}

/** Ends a resync: the blocks of the old snapshot go, so ids the server no longer sent vanish. */
export async function endLogSnapshot(
  tx: Transaction,
  name: BlockLogName,
  snapshot: { fromBlock: number; entriesBefore: number },
): Promise<void> {
  const meta = await readLogMeta(tx, name);
  await blockTable(tx, name).where(':id').below(snapshot.fromBlock).delete();
  await tx.table('syncState').put({
    ...meta,
    generation: meta.generation + 1,
    entries: meta.entries - snapshot.entriesBefore,
  } satisfies BlockLogMeta);
}

export interface LogSnapshot<T> {
  values: Map<string, T>;
  /** Versions of the live entries, for the digest check. */
  versions: Map<string, string>;
  generation: number;
  /** The last block read: a refresh starts again from it (it may have been filled up since). */
  lastBlockId: number;
  lastBlockLength: number;
  entries: number;
}

/**
 * Folds blocks (in id order) into `into`; later entries win, null deletes. Without `versions`
 * only the values are kept (a cold start's catalog needs no versions: 100,000 Map writes less).
 */
export function foldBlocks<T>(
  blocks: readonly LogBlock<T>[],
  into: { values: Map<string, T>; versions?: Map<string, string> },
  onEntry?: (entry: LogEntry<T>, previous: T | undefined) => void,
): void {
  const { values, versions } = into;
  for (const block of blocks) {
    for (const entry of block.entries) {
      const previous = onEntry ? values.get(entry.id) : undefined;
      if (entry.value === null) {
        values.delete(entry.id);
        versions?.delete(entry.id);
      } else {
        values.set(entry.id, entry.value);
        versions?.set(entry.id, entry.version);
      }
      onEntry?.(entry, previous);
    }
  }
}

/**
 * Reads the whole log in one transaction. With `versions: false` the snapshot's `versions`
 * stays empty (for readers that only want the values).
 */
export async function readLog<T>(
  db: TillDb,
  name: BlockLogName,
  opts: { versions?: boolean } = {},
): Promise<LogSnapshot<T>> {
  return db.transaction('r', [blockTableName(name), 'syncState'], async (tx) => {
    const meta = await readLogMeta(tx, name);
    const blocks = await blockTable<T>(tx, name).toArray();
    const snapshot: LogSnapshot<T> = {
      values: new Map(),
      versions: new Map(),
      generation: meta.generation,
      lastBlockId: blocks[blocks.length - 1]?.id ?? 0,
      lastBlockLength: blocks[blocks.length - 1]?.entries.length ?? 0,
      entries: meta.entries,
    };
    foldBlocks(blocks, opts.versions === false ? { values: snapshot.values } : snapshot);
    return snapshot;
  });
}

/** Where the log ends (its meta and last block), to continue from without reading it all. */
export async function readLogTail(
  db: TillDb,
  name: BlockLogName,
): Promise<{ generation: number; entries: number; lastBlockId: number; lastBlockLength: number }> {
  return db.transaction('r', [blockTableName(name), 'syncState'], async (tx) => {
    const meta = await readLogMeta(tx, name);
    const last = await blockTable(tx, name).orderBy(':id').last();
    return {
      generation: meta.generation,
      entries: meta.entries,
      lastBlockId: last?.id ?? 0,
      lastBlockLength: last?.entries.length ?? 0,
    };
  });
}

/**
 * What changed since a snapshot was read: the blocks from its last one on, or null when the
 * log was rewritten (a resync ended or it was compacted) and must be read again whole.
 */
export async function readLogSince<T>(
  db: TillDb,
  name: BlockLogName,
  since: { generation: number; lastBlockId: number },
): Promise<{ blocks: LogBlock<T>[]; entries: number } | null> {
  return db.transaction('r', [blockTableName(name), 'syncState'], async (tx) => {
    const meta = await readLogMeta(tx, name);
    if (meta.generation !== since.generation) return null;
    const blocks = await blockTable<T>(tx, name)
      .where(':id')
      .aboveOrEqual(Math.max(1, since.lastBlockId))
      .toArray();
    return { blocks, entries: meta.entries };
  });
}

/**
 * Rewrites the log with only its live entries when most of it is superseded. Not during a
 * resync, whose old snapshot must stay apart until it ends.
 */
export async function compactLog<T>(db: TillDb, name: BlockLogName): Promise<boolean> {
  return db.transaction('rw', [blockTableName(name), 'syncState'], async (tx) => {
    const sync = (await tx.table('syncState').get('sync')) as { resync?: unknown } | undefined;
    if (sync?.resync) return false;
    const meta = await readLogMeta(tx, name);
    const table = blockTable<T>(tx, name);
    const blocks = await table.toArray();
    const live = { values: new Map<string, T>(), versions: new Map<string, string>() };
    foldBlocks(blocks, live);
    const entries: LogEntry<T>[] = [...live.values].map(([id, value]) => ({
      id,
      version: live.versions.get(id) ?? '',
      value,
    }));
    const fresh: LogBlock<T>[] = [];
    for (let i = 0; i < entries.length; i += BLOCK_SIZE)
      fresh.push({
        id: meta.nextBlockId + fresh.length,
        entries: entries.slice(i, i + BLOCK_SIZE),
      });
    await table.clear();
    await table.bulkPut(fresh);
    await tx.table('syncState').put({
      ...meta,
      generation: meta.generation + 1,
      nextBlockId: meta.nextBlockId + fresh.length,
      entries: entries.length,
    } satisfies BlockLogMeta);
    return true;
  });
}

/** Worth compacting: more superseded entries than live ones, and enough to matter. */
export function isWasteful(entries: number, live: number): boolean {
  return entries - live > Math.max(live, 2 * BLOCK_SIZE);
}
