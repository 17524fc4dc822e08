// `npm start`: the ERP API and the built app from one process.
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { prepareDatabase } from './prepare';
import { DEMO_PASSWORD, demoLogins } from './seed/demo-store';

async function main() {
  const config = loadConfig();
  const { db } = await prepareDatabase(config);
  const app = await buildApp(config, { db });
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', (s) => void stop(s));
  process.once('SIGTERM', (s) => void stop(s));

  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const users = await db.query<{ username: string }>(
    'select username from users where username = any($1) and not deleted order by username',
    [demoLogins.map((l) => l.username)],
  );
  const lines = [
    '',
    `  Till is running at http://${config.host}:${port}/`,
    `  API docs:          http://${config.host}:${port}/api/docs`,
    `  Database:          ${config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`}`,
  ];
  if (users.rows.length > 0) {
    lines.push(
      `  Demo logins (password "${DEMO_PASSWORD}"): ${users.rows.map((u) => u.username).join(', ')}`,
    );
  }
  console.log(lines.join('\n') + '\n');
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('Till could not start:', err);
  process.exit(1);
});
