// The migration checks, run on PGlite (migrate.test.ts) and on PostgreSQL (migrate.pg.test.ts).
import { expect, it } from 'vitest';
import type { Database } from '../../../src/server/db/database';
import { migrate } from '../../../src/server/db/migrate';
import { migrations } from '../../../src/server/db/migrations/index';

const pulled = [
  'stores',
  'registers',
  'users',
  'categories',
  'tax_rates',
  'payment_methods',
  'products',
];

export function migrationSpecs(open: () => Database) {
  it('applies every migration once, and a second run applies nothing', async () => {
    const db = open();
    const rows = await db.query<{ id: number }>('select id from schema_migrations order by id');
    expect(rows.rows.map((r) => r.id)).toEqual(migrations.map((m) => m.id));
    expect(await migrate(db)).toEqual([]);
  });

  it('gives every pulled table an xid8 column and a deleted tombstone', async () => {
    const db = open();
    const cols = await db.query<{ table_name: string; column_name: string; data_type: string }>(
      `select table_name, column_name, data_type from information_schema.columns
        where table_schema = current_schema() and column_name in ('xid', 'deleted')`,
    );
    for (const table of pulled) {
      const mine = cols.rows.filter((c) => c.table_name === table);
      expect(mine.map((c) => `${c.column_name}:${c.data_type}`).sort(), table).toEqual([
        'deleted:boolean',
        'xid:xid8',
      ]);
    }
  });

  it('keeps xid current on a plain SQL update, whoever writes it', async () => {
    const db = open();
    const before = await db.query<{ id: string; xid: string }>(
      'select id, xid::text from products order by id limit 1',
    );
    const row = before.rows[0];
    if (!row) throw new Error('no products seeded');
    await db.query('update products set price = price + 1 where id = $1', [row.id]);
    const after = await db.query<{ xid: string }>('select xid::text from products where id = $1', [
      row.id,
    ]);
    expect(BigInt(after.rows[0]?.xid ?? '0')).toBeGreaterThan(BigInt(row.xid));
  });

  it('makes one server epoch when the database is created', async () => {
    const db = open();
    const meta = await db.query<{ epoch: string }>('select epoch::text from server_meta');
    expect(meta.rows).toHaveLength(1);
    expect(meta.rows[0]?.epoch).toMatch(/^[0-9a-f-]{36}$/);
  });
}
