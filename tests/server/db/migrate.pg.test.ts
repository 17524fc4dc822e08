import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/server/db/database';
import { openPostgres } from '../../../src/server/db/postgres';
import { migrate } from '../../../src/server/db/migrate';
import { testDatabase } from '../../support/test-app';
import { createTempDatabase } from '../../support/pg';
import { migrationSpecs } from './migrations';

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let db: Database;
beforeAll(async () => {
  temp = await createTempDatabase('till_migrate');
  db = await testDatabase(temp.url);
});
afterAll(async () => {
  await db.close();
  await temp.drop();
});

describe('migrations on PostgreSQL', () => {
  migrationSpecs(() => db);

  it('lets two servers start at once on an empty database: each migration runs once', async () => {
    const other = await createTempDatabase('till_migrate_race');
    const a = openPostgres(other.url);
    const b = openPostgres(other.url);
    try {
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      expect([...ra, ...rb].sort()).toEqual([...new Set([...ra, ...rb])].sort());
      const rows = await a.query<{ n: number }>('select count(*)::int as n from schema_migrations');
      expect(rows.rows[0]?.n).toBe(ra.length + rb.length);
    } finally {
      await a.close();
      await b.close();
      await other.drop();
    }
  });
});
