// Opening the database the way `npm start` and the CLI do: migrate, then seed the demo store
// into a new embedded database, or into PostgreSQL only when asked (TILL_DEMO=1).
import type { Config } from './config';
import type { Database } from './db/database';
import { openDatabase } from './db/open';
import { migrate } from './db/migrate';
import { seedDemoStore } from './seed/demo-store';

export async function prepareDatabase(config: Config): Promise<{ db: Database; seeded: boolean }> {
  const db = await openDatabase(config);
  try {
    const applied = await migrate(db);
    const created = applied.includes(1);
    const wantDemo = config.demo || (!config.databaseUrl && created);
    const seeded = wantDemo ? await seedDemoStore(db) : false;
    return { db, seeded };
  } catch (err) {
    await db.close();
    throw err;
  }
}
