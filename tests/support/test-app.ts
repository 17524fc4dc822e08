// One real server per test file: PGlite in memory, migrated and seeded with the demo store
// (from a dump made once), and the Fastify app over it, called through app.inject.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import type { AppDeps } from '../../src/server/app';
import type { Config } from '../../src/server/config';
import { loadConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/database';
import { openPostgres } from '../../src/server/db/postgres';
import { migrate } from '../../src/server/db/migrate';
import { seedDemoStore } from '../../src/server/seed/demo-store';
import { demoPglite } from './demo-snapshot';
import { uuidv7 } from '../../src/shared/uuidv7';

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ TILL_LOG_LEVEL: 'silent', TILL_STATIC_DIR: '/nonexistent', ...env });
}

/**
 * A migrated, demo-seeded database: PGlite in memory (started from a dump of one, see
 * demo-snapshot.ts), or PostgreSQL when `url` is given.
 */
export async function testDatabase(url?: string): Promise<Database> {
  if (!url) return demoPglite();
  const db = openPostgres(url);
  await migrate(db);
  await seedDemoStore(db);
  return db;
}

export interface TestServer {
  app: FastifyInstance;
  db: Database;
  config: Config;
  /** Signs in with the demo password; returns the access token and the refresh cookie. */
  login(
    username: string,
    deviceId?: string,
  ): Promise<{ token: string; cookie: string; deviceId: string; userId: string; storeId: string }>;
  /** Ids of the demo data by code: stores S1/S2, registers S1-R1, ... */
  ids(): Promise<{ stores: Record<string, string>; registers: Record<string, string> }>;
  close(): Promise<void>;
}

export async function testServer(
  opts: { db?: Database; env?: Record<string, string>; deps?: Omit<AppDeps, 'db'> } = {},
): Promise<TestServer> {
  const db = opts.db ?? (await testDatabase());
  const config = testConfig(opts.env);
  const app = await buildApp(config, { logger: false, ...opts.deps, db });
  return {
    app,
    db,
    config,
    async login(username, deviceId = uuidv7()) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: 'demo', deviceId },
      });
      if (res.statusCode !== 200)
        throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const body = res.json<{ accessToken: string; user: { id: string; storeId: string } }>();
      const cookie = res.cookies.find((c) => c.name === 'till_refresh');
      return {
        token: body.accessToken,
        cookie: cookie ? `${cookie.name}=${cookie.value}` : '',
        deviceId,
        userId: body.user.id,
        storeId: body.user.storeId,
      };
    },
    async ids() {
      const stores = await db.query<{ id: string; code: string }>('select id, code from stores');
      const regs = await db.query<{ id: string; code: string }>(
        `select r.id, s.code || '-' || r.code as code from registers r join stores s on s.id = r.store_id`,
      );
      return {
        stores: Object.fromEntries(stores.rows.map((r) => [r.code, r.id])),
        registers: Object.fromEntries(regs.rows.map((r) => [r.code, r.id])),
      };
    },
    async close() {
      await app.close();
      if (!opts.db) await db.close();
    },
  };
}
