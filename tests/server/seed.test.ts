import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/server/db/database';
import { seedDemoStore } from '../../src/server/seed/demo-store';
import { isValidEan13 } from '../../src/shared/pos/ean13';
import { testDatabase } from '../support/test-app';

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db.close());

describe('the demo store', () => {
  it('has two stores with their own currency and tax rule, two registers each and four logins', async () => {
    const stores = await db.query<{
      code: string;
      currency: string;
      prices_include_tax: boolean;
      registers: number;
    }>(
      `select s.code, s.currency, s.prices_include_tax, count(r.id)::int as registers
         from stores s join registers r on r.store_id = s.id group by s.id order by s.code`,
    );
    expect(stores.rows).toEqual([
      { code: 'S1', currency: 'EUR', prices_include_tax: true, registers: 2 },
      { code: 'S2', currency: 'USD', prices_include_tax: false, registers: 2 },
    ]);
    const users = await db.query<{ username: string }>(
      'select username from users order by username',
    );
    expect(users.rows.map((u) => u.username)).toEqual([
      'cashier1',
      'cashier2',
      'manager1',
      'manager2',
    ]);
  });

  it('gives every product a unique, valid EAN-13 in its store', async () => {
    const codes = await db.query<{ code: string; store_id: string }>(
      'select unnest(barcodes) as code, store_id from products',
    );
    expect(codes.rows.length).toBeGreaterThan(500);
    expect(codes.rows.every((r) => isValidEan13(r.code))).toBe(true);
    expect(new Set(codes.rows.map((r) => `${r.store_id}:${r.code}`)).size).toBe(codes.rows.length);
  });

  it('books opening stock as movements, so every level is the sum of its movements', async () => {
    const off = await db.query<{ n: number }>(
      `select count(*)::int as n from stock_levels l
        where l.on_hand <> (select coalesce(sum(m.delta), 0) from stock_movements m
                             where m.store_id = l.store_id and m.product_id = l.product_id)`,
    );
    expect(off.rows[0]?.n).toBe(0);
    const stocked = await db.query<{ n: number }>(
      'select count(*)::int as n from products p where p.stock_tracked and not exists (select 1 from stock_levels l where l.product_id = p.id)',
    );
    expect(stocked.rows[0]?.n).toBe(0);
  });

  it('seeds only once', async () => {
    expect(await seedDemoStore(db)).toBe(false);
  });
});
