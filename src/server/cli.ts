// `npm run till -- <command>`: see commands.ts.
import { ConfigError } from './config';
import { UsageError, runCli } from './commands';

runCli(process.argv.slice(2)).then(
  (out) => console.log(out),
  (err: unknown) => {
    if (err instanceof UsageError || err instanceof ConfigError) console.error(err.message);
    else console.error(err instanceof Error ? err.message : err);
    process.exit(err instanceof UsageError ? 2 : 1);
  },
);
