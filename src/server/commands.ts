// The operator commands behind `npm run till -- <command>`, against the configured database.
// Each command checks its options before the database is opened, so a typo costs nothing.
import { parseArgs } from 'node:util';
import { loadConfig } from './config';
import type { Database } from './db/database';
import { prepareDatabase } from './prepare';
import { hashPassword } from './auth/passwords';
import { seedDemoStore } from './seed/demo-store';
import { generateCatalog } from './seed/generate-catalog';
import { role as roleSchema } from '../shared/records/user';
import { parseDuration, purgeTombstones } from './sync/purge';

export class UsageError extends Error {}

type Options = Partial<
  Record<'username' | 'name' | 'role' | 'store' | 'password' | 'products' | 'older-than', string>
>;

interface Command {
  usage: string;
  /** Checks the options and returns the work to do, or throws UsageError. */
  prepare(o: Options, env: NodeJS.ProcessEnv): (db: Database, seeded: boolean) => Promise<string>;
}

const commands: Record<string, Command> = {
  seed: {
    usage: 'seed                                   seed the demo store (if it is not there)',
    prepare: () => async (db, seeded) =>
      seeded || (await seedDemoStore(db))
        ? 'Seeded the demo store.'
        : 'The demo store is already there.',
  },
  'create-user': {
    usage: `create-user --username U --name N --role cashier|manager|admin --store S1 [--password P]
                                         add a user (password also from TILL_PASSWORD)`,
    prepare(o, env) {
      const role = roleSchema.safeParse(o.role);
      const password = o.password ?? env.TILL_PASSWORD;
      const { username, name, store } = o;
      if (!username || !name || !role.success || !store || !password) {
        throw new UsageError(
          'create-user needs --username, --name, --role (cashier, manager or admin), --store and a password.',
        );
      }
      return async (db) => {
        const hash = await hashPassword(password);
        const r = await db.query<{ id: string }>(
          `insert into users (username, name, role, store_id, password_hash)
           select $1, $2, $3, id, $5 from stores where code = $4 and not deleted
           on conflict (username) do nothing returning id`,
          [username, name, role.data, store, hash],
        );
        if (r.rows.length === 0) {
          const exists = await db.query('select 1 from users where username = $1', [username]);
          throw new UsageError(
            exists.rows.length > 0
              ? `The user ${username} exists already.`
              : `No store with code ${store}.`,
          );
        }
        return `Created ${role.data} ${username} in store ${store}.`;
      };
    },
  },
  'generate-catalog': {
    usage: `generate-catalog --products N [--store S1]
                                         add N generated products to a store`,
    prepare(o) {
      const n = Number(o.products);
      if (!Number.isSafeInteger(n) || n < 1 || n > 1_000_000) {
        throw new UsageError('generate-catalog needs --products N with N between 1 and 1,000,000.');
      }
      const storeCode = o.store ?? 'S1';
      return async (db) => {
        const started = Date.now();
        const count = await generateCatalog(db, { storeCode, products: n });
        return `Added ${count} products to store ${storeCode} in ${((Date.now() - started) / 1000).toFixed(1)} s.`;
      };
    },
  },
  'purge-tombstones': {
    usage: `purge-tombstones --older-than 30d      remove deleted rows older than that (d, h, m, s);
                                         registers holding older cursors then resync`,
    prepare(o) {
      const olderThan = parseDuration(o['older-than'] ?? '');
      if (olderThan === null) {
        throw new UsageError('purge-tombstones needs --older-than, e.g. 30d, 12h, 90m or 45s.');
      }
      return async (db) => {
        const { purged, horizon } = await purgeTombstones(db, olderThan);
        const counts = Object.entries(purged).map(([table, n]) => `${n} ${table}`);
        return counts.length === 0
          ? 'No tombstones that old.'
          : `Purged ${counts.join(', ')}; cursors at or below xid ${horizon} must resync.`;
      };
    },
  },
};

export function usage(): string {
  return `Usage: npm run till -- <command> [options]\n\nCommands:\n${Object.values(commands)
    .map((c) => `  ${c.usage}`)
    .join('\n')}\n`;
}

export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) throw new UsageError(usage());
  let options: Options;
  try {
    options = parseArgs({
      args: rest,
      options: Object.fromEntries(
        ['username', 'name', 'role', 'store', 'password', 'products', 'older-than'].map((k) => [
          k,
          { type: 'string' as const },
        ]),
      ),
      strict: true,
    }).values;
  } catch (err) {
    throw new UsageError(`${err instanceof Error ? err.message : String(err)}\n\n${usage()}`);
  }
  const work = command.prepare(options, env);
  const config = loadConfig(env);
  const { db, seeded } = await prepareDatabase({ ...config, demo: false });
  try {
    return await work(db, seeded);
  } finally {
    await db.close();
  }
}
