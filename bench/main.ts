// `npm run bench`: the figures that matter to a store, each next to raw IndexedDB in the same
// run, printed as one table and written to docs/performance.md with the machine, date and
// method. `--small` (CI) uses small sizes and writes nothing unless `--out FILE` is given.
// Exits non-zero only when the harness itself breaks, never because a goal was missed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';
import { clientFigures } from './client-figures';
import { ensureAppBuilt, repo, startEnvironment } from './environment';
import { initialJs } from './js-size';
import { parseOptions } from './options';
import type { Sizes } from './options';
import { pullLoad } from './pull-load';
import { hotTable } from './profile';
import { breakdown, catalogParts, drainParts, rows, table } from './report';

const log = (line: string) =>
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function machine(databaseUrl: string): Promise<string> {
  const chromium = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .toString()
    .trim();
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const version =
    (await c.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ??
    '?';
  await c.end();
  const cpu = cpus();
  return [
    `- CPU: ${cpu.length} × ${cpu[0]?.model ?? 'unknown'}; memory ${(totalmem() / 2 ** 30).toFixed(1)} GiB; Linux ${release()}`,
    `- load average at the end of the run (1/5/15 min): ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (other work on the machine shares the cores)`,
    `- ${chromium}, headless, persistent profile (IndexedDB on disk); Node ${process.version}; PostgreSQL ${version}`,
  ].join('\n');
}

function method(s: Sizes): string {
  return [
    `- The server is the real one (src/server/main.ts) as a child process on 127.0.0.1 over a fresh PostgreSQL database, seeded with the demo store and \`npm run till -- generate-catalog --products ${s.products}\`; it serves dist/ (\`npx vite build\`) and a bench page bundled from bench/page/, which calls the app's own modules (src/app/db, src/app/sync, the till's CatalogCache).`,
    `- Each client figure runs ${s.runs} times${s.drainRuns === s.runs ? '' : ` (drain: ${s.drainRuns})`}; a figure is the median of the runs with their min–max. A p99 is taken within each run, then the median of those is shown. The raw IndexedDB baseline does the same work without Dexie or app code, in the same page, interleaved or right after, so its ratio holds on a noisy machine.`,
    `- First sync: login, register binding, one \`flushOnce\` (the engine's flush: push, then every pull page applied with its cursor in one strict transaction, the next page already asked for while one is applied) and the till's catalog cache taking the in-memory catalog the puller built, until the last generated product's barcode is found. Every run is a new device and a new database; the last one is kept as the till for the other figures.`,
    `- Cold start: the browser is closed and started again on the same profile; the page opens the database, builds the catalog and answers a barcode lookup, then a search (which takes up the search rows the till saved after the first sync, as the till does at a start). Time from navigation start. The raw baseline (another restart) opens the raw block database and reads every block into a Map.`,
    `- Sale commit: ${s.storedSales} synced sales are stored first in both the app's and the raw database (same stores and indexes: sales, pending stock, outbox); then ${s.commitsPerRun} real \`recordSale\` calls (1–3 lines, strict) take turns with raw 3-put strict transactions (the sale, its pending stock, its outbox entry) and with raw transactions doing recordSale's own reads and writes (asked together, as recordSale does after a first sale, the stored device checked against the one the last commit left).`,
    `- Lookups: as the till asks (\`CatalogCache.index()\`, which reads the product log's meta from IndexedDB only after Dexie reported a write to the product blocks or every two seconds, then the in-memory index, its search rows built before timing as the till does when idle) and the in-memory index alone; queries mix a word, two words, a SKU prefix, a size and a miss (which scans every product). Timer resolution in a page that is not cross-origin isolated is 0.1 ms.`,
    `- Drain: ${s.drainSales} sales queued through \`recordSale\`, then \`pushOutbox\` (the pusher the engine runs) until the outbox is empty; the server applies each run of plain sales in a batch as a set, in one PostgreSQL transaction.`,
    `- Pull: ${s.devices} devices sign in and hold the cursor of a finished full pull; each round ${s.deltaRows} products change and all devices pull \`limit=${s.deltaRows}\` at once with gzip (${s.runs} rounds), timed from the request to the last byte of the body (each body is inflated and checked after the round: one Node process stands for every device); then one device pulls the same rows with \`limit=${s.deltaRows + 1}\`, a page no one else asked for, so the server builds it.`,
  ].join('\n');
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const { sizes } = options;
  log(`${options.small ? 'small' : 'full'} run: ${sizes.products} products`);
  await ensureAppBuilt(options.build);
  const js = initialJs(join(repo, 'dist'));
  const env = await startEnvironment(sizes.products);
  // Ctrl-C still stops the server and drops the temporary database.
  process.once('SIGINT', () => void env.close().finally(() => process.exit(130)));
  try {
    log(`${env.seedMessage} Server at ${env.url}`);
    const client = await clientFigures(env.work, env.url, env.serverProfiler, env.info, sizes, log);
    log('pull load');
    const pulls = await pullLoad(env.url, env.databaseUrl, env.info.storeId, {
      devices: sizes.devices,
      rows: sizes.deltaRows,
      rounds: sizes.runs,
    });
    const list = rows(sizes, client, pulls, js, env.info.products);
    const main = table(list);
    const parts = breakdown(client);
    const catalog = catalogParts(client);
    const drainTable = drainParts(client);
    const profiles = [
      client.warmUp
        ? hotTable('first sync, warm-up run, CPU profile of the page', client.warmUp)
        : '',
      client.catalog ? hotTable('catalog load, CPU profile of the page', client.catalog) : '',
      client.commitProfile
        ? hotTable(
            `${client.commitProfile.result.app.length} sale commits taking turns with the raw ones (a warm-up run, not counted), CPU profile of the page`,
            client.commitProfile,
          )
        : '',
      ...(client.drainProfile
        ? [
            hotTable(
              `drain of ${client.drainProfile.result.sales} sales, CPU profile of the page`,
              client.drainProfile.page,
            ),
            hotTable(
              `the same drain, CPU profile of the server (Node; PostgreSQL is another process)`,
              client.drainProfile.server,
            ),
          ]
        : []),
    ].join('\n\n');
    console.log(`\n${main}\n\n${parts}\n\n${catalog}\n\n${drainTable}\n\n${profiles}\n`);
    if (options.out) {
      const notesFile = join(repo, 'bench', 'analysis.md');
      const notes = existsSync(notesFile) ? readFileSync(notesFile, 'utf8').trim() : '';
      const doc = [
        '# Performance',
        '',
        `Written by \`npm run bench\`${options.small ? ' --small' : ''} on ${new Date().toISOString()}. Do not edit by hand: the notes at the end come from bench/analysis.md.`,
        '',
        '## Machine',
        '',
        await machine(env.databaseUrl),
        '',
        '## Method',
        '',
        method(sizes),
        '',
        '## Figures',
        '',
        main,
        '',
        '### Where the first sync goes',
        '',
        parts,
        '',
        '### Where a catalog load goes',
        '',
        catalog,
        '',
        '### Where a drain goes',
        '',
        drainTable,
        '',
        '### Profiles (self time by function, sampled every 0.2 ms)',
        '',
        profiles,
        '',
        notes,
        '',
      ].join('\n');
      const out = resolve(repo, options.out);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, doc);
      log(`wrote ${options.out}`);
    }
  } finally {
    await env.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('bench: the harness failed:', err);
    process.exit(1);
  },
);
