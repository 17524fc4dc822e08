// What the figures run against: the built app plus the bench page in one static folder, a fresh
// PostgreSQL database seeded with the demo store and N generated products by the real CLI
// (`npm run till -- seed`, then `generate-catalog`), and the real server (src/server/main.ts,
// started through bench/profiled-server.ts) on 127.0.0.1.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { build } from 'vite';
import { createTempDatabase } from '../tests/support/pg';
import { spawnServer } from '../tests/support/spawn-server';
import type { SpawnedServer } from '../tests/support/spawn-server';
import type { CpuProfile } from './profile';

export const repo = resolve(import.meta.dirname, '..');

/** Builds the app (npx vite build) when dist/ has none, or when asked. */
export async function ensureAppBuilt(force: boolean): Promise<void> {
  if (!force && existsSync(join(repo, 'dist', 'index.html'))) return;
  await build({ root: repo, logLevel: 'warn' });
}

/** dist/ copied, with the bench page bundled into bench-page/. */
export async function staticDir(work: string): Promise<string> {
  const dir = join(work, 'static');
  cpSync(join(repo, 'dist'), dir, { recursive: true });
  await build({
    configFile: false,
    root: repo,
    logLevel: 'warn',
    publicDir: false,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir: join(dir, 'bench-page'),
      emptyOutDir: true,
      sourcemap: false,
      // Readable names in the CPU profiles.
      minify: false,
      copyPublicDir: false,
      lib: {
        entry: join(repo, 'bench/page/bench-entry.ts'),
        formats: ['es'],
        fileName: () => 'bench.js',
      },
    },
  });
  writeFileSync(
    join(dir, 'bench-page', 'bench.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>till bench</title>' +
      '<script type="module" src="/bench-page/bench.js"></script></head><body></body></html>\n',
  );
  return dir;
}

function runCli(args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', ...args], {
      cwd: repo,
      env: { ...process.env, TILL_LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0 ? ok(out.trim()) : fail(new Error(`till ${args.join(' ')} failed:\n${out}`)),
    );
  });
}

export interface StoreInfo {
  registerId: string;
  cashierId: string;
  storeId: string;
  /** The last generated product's barcode: found only once the whole catalog is in. */
  probeBarcode: string;
  products: number;
}

/** The server's CPU profiler (bench/profiled-server.ts), for one piece of work at a time. */
export interface ServerProfiler {
  start(): Promise<void>;
  stop(): Promise<CpuProfile>;
}

export interface Environment {
  url: string;
  databaseUrl: string;
  work: string;
  info: StoreInfo;
  seedMessage: string;
  server: SpawnedServer;
  serverProfiler: ServerProfiler;
  close(): Promise<void>;
}

async function storeInfo(url: string): Promise<StoreInfo> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const one = async <T extends pg.QueryResultRow>(sql: string): Promise<T> => {
      const row = (await c.query<T>(sql)).rows[0];
      if (!row) throw new Error(`bench: nothing for ${sql}`);
      return row;
    };
    const store = await one<{ id: string }>("select id from stores where code = 'S1'");
    const reg = await one<{ id: string }>(
      `select id from registers where store_id = '${store.id}' and not deleted order by code limit 1`,
    );
    const user = await one<{ id: string }>("select id from users where username = 'cashier1'");
    const last = await one<{ barcode: string }>(
      `select barcodes[1] as barcode from products where store_id = '${store.id}'
        and sku like 'GEN-%' order by sku desc limit 1`,
    );
    const count = await one<{ n: number }>(
      `select count(*)::int as n from products where store_id = '${store.id}' and not deleted`,
    );
    return {
      registerId: reg.id,
      cashierId: user.id,
      storeId: store.id,
      probeBarcode: last.barcode,
      products: count.n,
    };
  } finally {
    await c.end();
  }
}

async function waitForFile(path: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`bench: the server profiler wrote no ${path}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function serverProfiler(server: SpawnedServer, file: string): ServerProfiler {
  return {
    async start() {
      rmSync(`${file}.on`, { force: true });
      server.child.kill('SIGUSR2');
      await waitForFile(`${file}.on`);
    },
    async stop() {
      rmSync(file, { force: true });
      server.child.kill('SIGUSR2');
      await waitForFile(file);
      return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    },
  };
}

export async function startEnvironment(products: number): Promise<Environment> {
  const work = mkdtempSync(join(tmpdir(), 'till-bench-'));
  const database = await createTempDatabase('till_bench');
  try {
    const dir = await staticDir(work);
    const env = { DATABASE_URL: database.url };
    await runCli(['seed'], env);
    const seedMessage = await runCli(['generate-catalog', '--products', String(products)], env);
    const info = await storeInfo(database.url);
    const profileFile = join(work, 'server.cpuprofile');
    const server = await spawnServer(
      { ...env, TILL_STATIC_DIR: dir, TILL_BENCH_PROFILE: profileFile },
      'bench/profiled-server.ts',
    );
    return {
      url: server.url,
      databaseUrl: database.url,
      work,
      info,
      seedMessage,
      server,
      serverProfiler: serverProfiler(server, profileFile),
      async close() {
        await server.stop();
        await database.drop();
        rmSync(work, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await database.drop();
    rmSync(work, { recursive: true, force: true });
    throw err;
  }
}
