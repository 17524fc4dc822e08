// The operator commands behind `npm run till -- <command>`, against the configured database.
import { parseArgs } from 'node:util';
import { loadConfig } from './config';
import { prepareDatabase } from './prepare';
import { hashPassword } from './auth/passwords';
import { seedDemoStore } from './seed/demo-store';
import { generateCatalog } from './seed/generate-catalog';
import { role as roleSchema } from '../shared/records/user';

const usage = `Usage: npm run till -- <command> [options]

Commands:
  seed                                   seed the demo store (if it is not there)
  create-user --username U --name N --role cashier|manager|admin --store S1
              [--password P]             (or the TILL_PASSWORD environment variable)
  generate-catalog --products N [--store S1]
                                         add N generated products to a store
`;

export class UsageError extends Error {}

export async function runCli(argv: string[], env = process.env): Promise<string> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      store: { type: 'string' },
      password: { type: 'string' },
      products: { type: 'string' },
    },
    strict: true,
  });
  if (!command || !['seed', 'create-user', 'generate-catalog'].includes(command)) {
    throw new UsageError(usage);
  }
  const config = loadConfig(env);
  const { db, seeded } = await prepareDatabase({ ...config, demo: false });
  try {
    switch (command) {
      case 'seed': {
        const done = seeded || (await seedDemoStore(db));
        return done ? 'Seeded the demo store.' : 'The demo store is already there.';
      }
      case 'create-user': {
        const role = roleSchema.safeParse(values.role);
        const password = values.password ?? env.TILL_PASSWORD;
        if (!values.username || !values.name || !role.success || !values.store || !password) {
          throw new UsageError(
            `create-user needs --username, --name, --role (cashier, manager or admin), --store and a password.\n\n${usage}`,
          );
        }
        const hash = await hashPassword(password);
        const r = await db.query<{ id: string }>(
          `insert into users (username, name, role, store_id, password_hash)
           select $1, $2, $3, id, $5 from stores where code = $4 and not deleted
           on conflict (username) do nothing returning id`,
          [values.username, values.name, role.data, values.store, hash],
        );
        if (r.rows.length === 0) {
          const exists = await db.query('select 1 from users where username = $1', [
            values.username,
          ]);
          throw new UsageError(
            exists.rows.length > 0
              ? `The user ${values.username} exists already.`
              : `No store with code ${values.store}.`,
          );
        }
        return `Created ${role.data} ${values.username} in store ${values.store}.`;
      }
      case 'generate-catalog': {
        const n = Number(values.products);
        if (!Number.isSafeInteger(n) || n < 1 || n > 1_000_000) {
          throw new UsageError(
            'generate-catalog needs --products N with N between 1 and 1,000,000.',
          );
        }
        const started = Date.now();
        const count = await generateCatalog(db, { storeCode: values.store ?? 'S1', products: n });
        return `Added ${count} products to store ${values.store ?? 'S1'} in ${((Date.now() - started) / 1000).toFixed(1)} s.`;
      }
    }
    return usage;
  } finally {
    await db.close();
  }
}
