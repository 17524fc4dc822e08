import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Database, Isolation, Queryable, QueryOptions } from './database';
import { INT8_OID, parseInt8 } from './database';

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    oid === INT8_OID
      ? parseInt8
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

const names = new Map<string, string>();

/** node-postgres prepares a named statement once per connection and reuses it after. */
function config(
  sql: string,
  params: unknown[] | undefined,
  options: QueryOptions | undefined,
): pg.QueryConfig {
  const values = params ?? [];
  if (!options?.prepare) return { text: sql, values };
  let name = names.get(sql);
  if (!name) {
    name = `till_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
    names.set(sql, name);
  }
  return { name, text: sql, values };
}

export function openPostgres(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max, types });
  // An idle client that errors (the server restarted) must not crash the process.
  pool.on('error', () => undefined);
  return {
    engine: 'postgres',
    async query<T>(sql: string, params?: unknown[], options?: QueryOptions) {
      const r = await pool.query(config(sql, params, options));
      return { rows: r.rows as T[] };
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>, isolation?: Isolation) {
      const client = await pool.connect();
      try {
        await client.query(isolation ? `begin isolation level ${isolation}` : 'begin');
        const result = await fn({
          async query<R>(sql: string, params?: unknown[], options?: QueryOptions) {
            const r = await client.query(config(sql, params, options));
            return { rows: r.rows as R[] };
          },
          async exec(sql: string) {
            await client.query(sql);
          },
        });
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async close() {
      await pool.end();
    },
  };
}
