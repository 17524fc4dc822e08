// A real Till server for the crash test, run as a child process (`node --import tsx`). With
// TILL_TEST_HANG_AFTER_COMMITS=N it freezes right after the N-th push transaction commits,
// before the reply, and says so on stdout: the parent then kill -9s it, which is a crash
// between commit and reply. The hook lives here, in the test harness, not in the server.
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import type { Database } from '../../src/server/db/database';
import { openPostgres } from '../../src/server/db/postgres';

const config = loadConfig();
if (!config.databaseUrl) throw new Error('the crash server needs DATABASE_URL');
const hangAfter = Number(process.env.TILL_TEST_HANG_AFTER_COMMITS ?? 0);
const inner = openPostgres(config.databaseUrl);
let pushCommits = 0;

const db: Database = {
  ...inner,
  engine: inner.engine,
  query: (sql, params) => inner.query(sql, params),
  exec: (sql) => inner.exec(sql),
  close: () => inner.close(),
  async transaction(fn, isolation) {
    let isPush = false;
    const result = await inner.transaction(
      (tx) =>
        fn({
          query: (sql, params) => {
            if (sql.includes('insert into applied_mutations')) isPush = true;
            return tx.query(sql, params);
          },
          exec: (sql) => tx.exec(sql),
        }),
      isolation,
    );
    if (isPush && hangAfter > 0 && ++pushCommits === hangAfter) {
      process.stdout.write(`hanging after commit ${pushCommits}\n`);
      await new Promise(() => undefined);
    }
    return result;
  },
};

// Logs at TILL_LOG_LEVEL (warn from spawnServer) on stdout, where the test reads them.
const app = await buildApp(config, { db });
await app.listen({ port: config.port, host: config.host });
process.stdout.write('listening\n');
