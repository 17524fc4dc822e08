// The demo store's database as a PGlite dump, made once and kept on disk: a test file or a
// simulator seed starts PGlite from it in about 1.5 s, where a new cluster, the migrations and
// the demo seed took about 10 s on this machine. The file's name is a hash of the migrations,
// the seed code and the PGlite version, so any change to them makes a new one.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database } from '../../src/server/db/database';
import { migrate } from '../../src/server/db/migrate';
import { openPglite, pgliteDatabase } from '../../src/server/db/pglite';
import { seedDemoStore } from '../../src/server/seed/demo-store';

const repo = resolve(import.meta.dirname, '../..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

function snapshotFile(): string {
  const hash = createHash('sha256');
  const sources = [
    ...filesUnder(join(repo, 'src/server/db/migrations')),
    ...filesUnder(join(repo, 'src/server/seed')),
    join(repo, 'src/server/db/migrate.ts'),
    join(repo, 'node_modules/@electric-sql/pglite/package.json'),
  ];
  for (const file of sources) hash.update(file.slice(repo.length)).update(readFileSync(file));
  const name = `demo-${hash.digest('hex').slice(0, 16)}.tar`;
  return join(repo, 'node_modules/.cache/till-test', name);
}

async function makeSnapshot(file: string): Promise<void> {
  const pg = await PGlite.create();
  try {
    const db = pgliteDatabase(pg);
    await migrate(db);
    await seedDemoStore(db);
    const dump = await pg.dumpDataDir('none');
    mkdirSync(dirname(file), { recursive: true });
    // Written aside and renamed: a process reading it never sees half a file, and two making it
    // at once both leave a whole one.
    const part = `${file}.${process.pid}.part`;
    writeFileSync(part, Buffer.from(await dump.arrayBuffer()));
    renameSync(part, file);
  } finally {
    await pg.close();
  }
}

let loaded: Promise<Blob> | null = null;

function snapshot(): Promise<Blob> {
  return (loaded ??= (async () => {
    const file = snapshotFile();
    if (!existsSync(file)) await makeSnapshot(file);
    return new Blob([readFileSync(file)]);
  })());
}

/**
 * A new in-memory PGlite holding the migrated demo store. Its epoch is made new, as a new
 * database's is: two of them are two different servers.
 */
export async function demoPglite(): Promise<Database> {
  const db = await openPglite(undefined, { loadDataDir: await snapshot() });
  await db.query('update server_meta set epoch = gen_random_uuid()');
  return db;
}
