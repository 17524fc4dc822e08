// Applies the migrations not yet applied, each in its own transaction with its bookkeeping
// row. An advisory lock makes two servers starting at once on one PostgreSQL take turns.
import type { Database } from './database';
import type { Migration } from './migrations/index';
import { migrations as all } from './migrations/index';

const LOCK_KEY = 7_415_112; // arbitrary, constant: "till migrations"

export async function migrate(
  db: Database,
  migrations: readonly Migration[] = all,
): Promise<number[]> {
  // Even the bookkeeping table is made under the lock: two concurrent `create table if not
  // exists` race on PostgreSQL's catalog.
  await db.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await tx.exec(`create table if not exists schema_migrations (
      id integer primary key,
      name text not null,
      applied_at timestamptz not null default now()
    )`);
  });
  const applied: number[] = [];
  for (const m of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const seen = await tx.query('select 1 from schema_migrations where id = $1', [m.id]);
      if (seen.rows.length > 0) return false;
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (id, name) values ($1, $2)', [m.id, m.name]);
      return true;
    });
    if (done) applied.push(m.id);
  }
  return applied;
}
