// The real ERP API over one PGlite for the whole process. Between seeds the trading tables are
// emptied and the simulator's registers dropped (opening a PGlite costs seconds); a server
// restart is app.close() and a fresh buildApp over the same database, as after a crash.
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/server/app';
import type { Database } from '../src/server/db/database';
import { testConfig, testDatabase } from '../tests/support/test-app';

const TRADING_TABLES = [
  'applied_mutations',
  'device_seq',
  'sales',
  'sale_lines',
  'sale_payments',
  'sale_flags',
  'sale_voids',
  'stock_counts',
  'stock_movements',
  'stock_levels',
  'customers',
  'shifts',
  'cash_movements',
  'parked_orders',
  'refresh_tokens',
  'devices',
];

export class SimServer {
  app!: FastifyInstance;
  restarts = 0;

  /** The server's clock: the simulated one of the seed running. */
  now: () => number = () => Date.now();

  private constructor(readonly db: Database) {}

  static async open(): Promise<SimServer> {
    const server = new SimServer(await testDatabase());
    server.app = await server.build();
    return server;
  }

  private build(): Promise<FastifyInstance> {
    return buildApp(testConfig(), { db: this.db, logger: false, now: () => new Date(this.now()) });
  }

  async restart(): Promise<void> {
    await this.app.close();
    this.app = await this.build();
    this.restarts++;
  }

  /** Empties what the last seed traded and drops its registers, for the next seed. */
  async reset(): Promise<void> {
    await this.db.query(`truncate ${TRADING_TABLES.join(', ')} cascade`);
    await this.db.query(`delete from registers where code like 'SIM%'`);
    this.restarts = 0;
  }

  /** A register of its own for the simulator, in the store of that code. */
  async addRegister(storeCode: string, code: string): Promise<string> {
    const r = await this.db.query<{ id: string }>(
      `insert into registers (store_id, code, name)
       select id, $2, $3 from stores where code = $1 returning id`,
      [storeCode, code, `Simulated ${code}`],
    );
    const id = r.rows[0]?.id;
    if (!id) throw new Error(`no store ${storeCode}`);
    return id;
  }

  /** The id of a demo user (a store's manager approves refunds above its limit). */
  async userId(username: string): Promise<string> {
    const r = await this.db.query<{ id: string }>('select id from users where username = $1', [
      username,
    ]);
    const id = r.rows[0]?.id;
    if (!id) throw new Error(`no user ${username}`);
    return id;
  }

  async close(): Promise<void> {
    await this.app.close();
    await this.db.close();
  }
}
