import { PGlite } from '@electric-sql/pglite';
import type { Database, Isolation, Queryable } from './database';
import { INT8_OID, parseInt8 } from './database';

/**
 * PGlite in `dataDir`, or in memory when `dataDir` is undefined (tests); `loadDataDir` starts it
 * from a dump (PGlite's dumpDataDir) instead of a new, empty cluster.
 */
export async function openPglite(
  dataDir: string | undefined,
  options: { loadDataDir?: Blob } = {},
): Promise<Database> {
  const pg = await PGlite.create(dataDir, {
    parsers: { [INT8_OID]: parseInt8 },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  return pgliteDatabase(pg);
}

/** The Database interface over a PGlite instance. */
export function pgliteDatabase(pg: PGlite): Database {
  return {
    engine: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      const r = await pg.query<T>(sql, params);
      return { rows: r.rows };
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>, isolation?: Isolation) {
      return pg.transaction(async (t) => {
        if (isolation) await t.query(`set transaction isolation level ${isolation}`);
        return fn({
          async query<R>(sql: string, params?: unknown[]) {
            const r = await t.query<R>(sql, params);
            return { rows: r.rows };
          },
          async exec(sql: string) {
            await t.exec(sql);
          },
        });
      });
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
    async close() {
      await pg.close();
    },
  };
}
