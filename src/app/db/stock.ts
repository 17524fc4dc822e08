// Stock on hand as the till shows it: the level last pulled from the server plus this
// register's movements the server has not confirmed yet.
import type { StockLevel } from '../../shared/records/stock';
import { compactLog, isWasteful, readLog } from './block-log';
import type { TillDb } from './database';

export async function stockOnHand(db: TillDb): Promise<Map<string, number>> {
  const log = await readLog<StockLevel>(db, 'stockLevels');
  // Levels change all day: once most of the log is superseded, rewrite it (next read is small).
  if (isWasteful(log.entries, log.values.size)) await compactLog<StockLevel>(db, 'stockLevels');
  const onHand = new Map<string, number>();
  for (const level of log.values.values()) onHand.set(level.productId, level.onHand);
  for (const { moves } of await db.pendingStock.toArray())
    for (const m of moves) onHand.set(m.productId, (onHand.get(m.productId) ?? 0) + m.delta);
  return onHand;
}
