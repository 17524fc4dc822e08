import { describe, expect, it } from 'vitest';
import { applyPulledPage } from '../../../src/app/db/apply-pull';
import type { PulledPage } from '../../../src/app/db/apply-pull';
import { BLOCK_SIZE, isWasteful, readLog, readLogMeta } from '../../../src/app/db/block-log';
import type { PulledChange } from '../../../src/app/db/pulled-change';
import { recordSale } from '../../../src/app/db/record-sale';
import { stockOnHand } from '../../../src/app/db/stock';
import type { StockLevel } from '../../../src/shared/records/stock';
import { uuidv7 } from '../../../src/shared/uuidv7';
import { cashSaleOf, fixture, idSource, openTestShift, sellingDb } from '../../support/till-db';

const now = () => 0;
let n = 0;
const page = (changes: PulledChange[], from: string | null, hasMore = false): PulledPage => ({
  epoch: 'e1',
  from,
  cursor: `c${++n}`,
  hasMore,
  changes,
});
const level = (storeId: string, productId: string, onHand: number): PulledChange => ({
  entity: 'stockLevels',
  id: productId,
  version: String(onHand),
  data: { storeId, productId, onHand },
});

describe('the block log', () => {
  it('fills the last block before starting a new one', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const ids = idSource(3);
    const many = Array.from({ length: BLOCK_SIZE - 2 }, () => level(fx.store.id, ids(), 1));
    const first = page(many, null);
    await applyPulledPage(db, first, now);
    const more = Array.from({ length: 5 }, () => level(fx.store.id, ids(), 2));
    await applyPulledPage(db, page(more, first.cursor), now);
    const blocks = await db.stockBlocks.toArray();
    expect(blocks.map((b) => b.entries.length)).toEqual([BLOCK_SIZE, 3]);
    expect((await readLogMeta(db, 'stockLevels')).entries).toBe(BLOCK_SIZE + 3);
  });

  it('adds this register’s unconfirmed movements to the pulled stock levels, and compacts', async () => {
    const fx = fixture();
    const db = await sellingDb(fx);
    const p = fx.products[0]!;
    let cursor: string | null = null;
    // The same level pulled over and over: all but the last entry are superseded.
    for (let i = 0; i < 50; i++) {
      const changes = Array.from({ length: 100 }, (_, k) => level(fx.store.id, p.id, i * 100 + k));
      const next = page(changes, cursor);
      await applyPulledPage(db, next, now);
      cursor = next.cursor;
    }
    await openTestShift(db);
    await recordSale(db, cashSaleOf(p, uuidv7(), 3));
    expect(isWasteful(5000, 1)).toBe(true);

    const onHand = await stockOnHand(db);
    expect(onHand.get(p.id)).toBe(4999 - 3);
    const log = await readLog<StockLevel>(db, 'stockLevels');
    expect(log.entries).toBe(1);
    expect(log.values.get(p.id)?.onHand).toBe(4999);
  });
});
