// The client figures, each next to the same work in raw IndexedDB, in one persistent profile:
// first sync (the last run's database is kept as "the till"), cold start, sale commits over a
// store full of sales, lookups, and the outbox drain.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { BenchBrowser } from './browser';
import { coldStart, launch } from './browser';
import type { StoreInfo } from './environment';
import type { Sizes } from './options';
import type { Hot } from './profile';
import { profiled, profiledDrain } from './profile';
import type { ServerProfiler } from './environment';
import type {
  CatalogBreakdown,
  ColdStartResult,
  CommitRun,
  DrainResult,
  FirstSyncResult,
  LookupRun,
} from './page/bench-api';

type Profiled<T> = { result: T } & Hot;

export interface ClientResults {
  /** A first sync before the counted runs (the server's caches are cold), under the profiler. */
  warmUp: Profiled<FirstSyncResult> | null;
  catalog: Profiled<CatalogBreakdown> | null;
  /** A run of sale commits before the counted ones (app and raw taking turns), profiled. */
  commitProfile: Profiled<CommitRun> | null;
  /** The push of the commit figure's sales, under the page's and the server's profilers. */
  drainProfile: { result: DrainResult; page: Hot; server: Hot } | null;
  firstSync: { app: FirstSyncResult; rawMs: number }[];
  coldStart: { app: ColdStartResult; raw: ColdStartResult }[];
  fillMs: number;
  commits: CommitRun[];
  rawProductStoreMs: number;
  lookups: LookupRun[];
  drain: DrainResult[];
}

const RAW_BLOCKS = 'raw-blocks';
const RAW_SALES = 'raw-sales';
const RAW_PRODUCTS = 'raw-products';
const USER = { username: 'cashier1', password: 'demo' };

function bench(page: Page) {
  return {
    firstSync: (i: Parameters<NonNullable<Window['tillBench']>['firstSync']>[0]) =>
      page.evaluate((a) => window.tillBench!.firstSync(a), i),
    rawWriteBlocks: (from: string, raw: string) =>
      page.evaluate(([a, b]) => window.tillBench!.rawWriteBlocks(a, b), [from, raw] as const),
    deleteDb: (name: string) => page.evaluate((n) => window.tillBench!.deleteDb(n), name),
    fillSales: (db: string, raw: string, n: number) =>
      page.evaluate(([a, b, c]) => window.tillBench!.fillSales(a, b, c), [db, raw, n] as const),
    commits: (db: string, raw: string, n: number, cashier: string) =>
      page.evaluate(([a, b, c, d]) => window.tillBench!.commits(a, b, c, d), [
        db,
        raw,
        n,
        cashier,
      ] as const),
    rawProductStore: (from: string, raw: string) =>
      page.evaluate(([a, b]) => window.tillBench!.rawProductStore(a, b), [from, raw] as const),
    lookups: (db: string, raw: string, n: number) =>
      page.evaluate(([a, b, c]) => window.tillBench!.lookups(a, b, c), [db, raw, n] as const),
    catalogBreakdown: (db: string) =>
      page.evaluate((a) => window.tillBench!.catalogBreakdown(a), db),
    drain: (db: string, n: number) =>
      page.evaluate(([a, b, c, d]) => window.tillBench!.drain(a, b, c, d), [
        db,
        USER.username,
        USER.password,
        n,
      ] as const),
  };
}

export async function clientFigures(
  work: string,
  url: string,
  serverProfiler: ServerProfiler,
  info: StoreInfo,
  sizes: Sizes,
  log: (line: string) => void,
): Promise<ClientResults> {
  const profile = join(work, 'profile');
  let b: BenchBrowser = await launch(profile, url);
  const results: ClientResults = {
    warmUp: null,
    catalog: null,
    commitProfile: null,
    drainProfile: null,
    firstSync: [],
    coldStart: [],
    fillMs: 0,
    commits: [],
    rawProductStoreMs: 0,
    lookups: [],
    drain: [],
  };
  try {
    const input = (dbName: string) => ({
      dbName,
      deviceId: randomUUID(),
      ...USER,
      registerId: info.registerId,
      probeBarcode: info.probeBarcode,
    });
    const first = bench(b.page);
    results.warmUp = await profiled(b.page, () => first.firstSync(input('till-warm-up')));
    await first.deleteDb('till-warm-up');
    log(`warm-up first sync (profiled): ${results.warmUp.result.totalMs.toFixed(0)} ms`);
    let till = '';
    for (let r = 0; r < sizes.runs; r++) {
      const api = bench(b.page);
      if (till) await api.deleteDb(till);
      till = `till-${r}`;
      const app = await api.firstSync(input(till));
      const raw = await api.rawWriteBlocks(till, RAW_BLOCKS);
      results.firstSync.push({ app, rawMs: raw.ms });
      log(`first sync ${r + 1}: ${app.totalMs.toFixed(0)} ms (raw ${raw.ms.toFixed(0)} ms)`);
    }
    await b.context.close();
    for (let r = 0; r < sizes.runs; r++) {
      const app = await coldStart(profile, url, 'app', till, info.probeBarcode);
      const raw = await coldStart(profile, url, 'raw', RAW_BLOCKS, '');
      results.coldStart.push({ app, raw });
      log(
        `cold start ${r + 1}: ${app.sinceNavigationMs.toFixed(0)} ms (raw ${raw.sinceNavigationMs.toFixed(0)} ms)`,
      );
    }
    b = await launch(profile, url);
    const api = bench(b.page);
    results.catalog = await profiled(b.page, () => api.catalogBreakdown(till));
    results.fillMs = (await api.fillSales(till, RAW_SALES, sizes.storedSales)).ms;
    log(`stored ${sizes.storedSales} sales in ${results.fillMs.toFixed(0)} ms`);
    results.commitProfile = await profiled(b.page, () =>
      api.commits(till, RAW_SALES, sizes.commitsPerRun, info.cashierId),
    );
    log(`sale commits, warm-up run (profiled) done`);
    for (let r = 0; r < sizes.runs; r++) {
      results.commits.push(await api.commits(till, RAW_SALES, sizes.commitsPerRun, info.cashierId));
      log(`sale commits ${r + 1} done`);
    }
    results.rawProductStoreMs = (await api.rawProductStore(till, RAW_PRODUCTS)).ms;
    log(
      `raw product store with a barcode index written in ${results.rawProductStoreMs.toFixed(0)} ms`,
    );
    for (let r = 0; r < sizes.runs; r++) {
      results.lookups.push(await api.lookups(till, RAW_PRODUCTS, sizes.lookupsPerRun));
      log(`lookups ${r + 1} done`);
    }
    // The commit figure's sales are pushed first, under the profilers of page and server.
    results.drainProfile = await profiledDrain(b.page, serverProfiler, () => api.drain(till, 0));
    log(
      `drain of the commit figure's sales (profiled): ${results.drainProfile.result.sales} sales`,
    );
    for (let r = 0; r < sizes.drainRuns; r++) {
      const d = await api.drain(till, sizes.drainSales);
      results.drain.push(d);
      log(
        `drain ${r + 1}: ${d.sales} sales in ${d.drainMs.toFixed(0)} ms (queued in ${d.fillMs.toFixed(0)} ms)`,
      );
    }
  } finally {
    await b.context.close();
  }
  return results;
}
