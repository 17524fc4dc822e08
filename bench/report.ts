// One table: each figure as median (min–max) over its runs, the raw-IndexedDB baseline done in
// the same run, their ratio and the goal. Printed, and written as docs/performance.md.
import type { ClientResults } from './client-figures';
import type { JsSize } from './js-size';
import type { Sizes } from './options';
import type { PullRound } from './pull-load';
import type { Spread } from './stats';
import { percentile, spread } from './stats';
import { DEFAULT_BATCH } from '../src/app/sync/pusher';

export interface Row {
  figure: string;
  goal: string;
  till: string;
  raw: string;
  ratio: string;
  met: string;
}

const n = (x: number) => x.toLocaleString('en-US');

function ms(s: Spread): string {
  const f = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  return `${f(s.median)} ms (${f(s.min)}–${f(s.max)})`;
}

const ratio = (a: Spread, b: Spread) => `${(a.median / b.median).toFixed(2)}×`;
const yes = (ok: boolean) => (ok ? 'yes' : '**no**');

export function rows(
  sizes: Sizes,
  c: ClientResults,
  pulls: PullRound[],
  js: JsSize,
  products: number,
): Row[] {
  const fs = spread(c.firstSync.map((r) => r.app.totalMs));
  const fsRaw = spread(c.firstSync.map((r) => r.rawMs));
  const cold = spread(c.coldStart.map((r) => r.app.sinceNavigationMs));
  const coldRaw = spread(c.coldStart.map((r) => r.raw.sinceNavigationMs));
  const coldScan = spread(c.coldStart.map((r) => r.app.scannableMs));
  const p99 = (runs: number[][]) => spread(runs.map((r) => percentile(r, 99)));
  const commit = p99(c.commits.map((r) => r.app));
  const commitRaw = p99(c.commits.map((r) => r.raw));
  const commitSame = p99(c.commits.map((r) => r.rawSame));
  const median = (runs: number[][]) => spread(runs.map((r) => percentile(r, 50)));
  const commitP50 = median(c.commits.map((r) => r.app));
  const commitRawP50 = median(c.commits.map((r) => r.raw));
  const bc = p99(c.lookups.map((r) => r.barcodeApp));
  const bcMem = p99(c.lookups.map((r) => r.barcodeMemory));
  const bcRaw = p99(c.lookups.map((r) => r.barcodeRaw));
  const se = p99(c.lookups.map((r) => r.searchApp));
  const seMem = p99(c.lookups.map((r) => r.searchMemory));
  const seRaw = p99(c.lookups.map((r) => r.searchRaw));
  const rate = spread(c.drain.map((d) => (d.sales / d.drainMs) * 1000));
  const pull = spread(pulls.map((p) => p.p99));
  const solo = spread(pulls.map((p) => p.solo));
  const pullP50 = spread(pulls.map((p) => p.p50));
  const kb = js.gzip / 1024;
  const dev = sizes.devices;
  return [
    {
      figure: `first sync of ${n(products)} products over HTTP: login to a till that finds any product (raw: the same products written as blocks of 1,000, strict)`,
      goal: '≤ 5 s',
      till: ms(fs),
      raw: ms(fsRaw),
      ratio: ratio(fs, fsRaw),
      met: yes(fs.median <= 5_000),
    },
    {
      figure: `cold start (browser restarted) to a searchable till, from navigation start (raw: open + read all blocks)`,
      goal: '≤ 1.5 s',
      till: ms(cold),
      raw: ms(coldRaw),
      ratio: ratio(cold, coldRaw),
      met: yes(cold.median <= 1_500),
    },
    {
      figure:
        '… the same cold start to the first barcode answered (the saved search rows are taken up after it)',
      goal: '',
      till: ms(coldScan),
      raw: ms(coldRaw),
      ratio: ratio(coldScan, coldRaw),
      met: '',
    },
    {
      figure: `sale commit p99 via recordSale, strict, with ${n(products)} products and ${n(sizes.storedSales)} sales stored (raw: 3 puts, strict, as many sales stored); ${n(sizes.commitsPerRun)} commits a run`,
      goal: '≤ 1.3× raw',
      till: ms(commit),
      raw: ms(commitRaw),
      ratio: ratio(commit, commitRaw),
      met: yes(commit.median <= 1.3 * commitRaw.median),
    },
    {
      figure:
        '… the same commits next to raw IndexedDB doing what recordSale does (four reads and four puts, the device record too, asked together; the stored device checked against the known one), p99',
      goal: '',
      till: ms(commit),
      raw: ms(commitSame),
      ratio: ratio(commit, commitSame),
      met: '',
    },
    {
      figure: '… the same commits, p50, next to the raw 3-put transaction',
      goal: '',
      till: ms(commitP50),
      raw: ms(commitRawP50),
      ratio: ratio(commitP50, commitRawP50),
      met: '',
    },
    {
      figure: `barcode lookup p99 as the till asks it (catalog cache: in-memory map, the log meta re-read only after a write); ${n(sizes.lookupsPerRun)} a run (raw: unique barcode index get)`,
      goal: '≤ 1 ms',
      till: ms(bc),
      raw: ms(bcRaw),
      ratio: ratio(bc, bcRaw),
      met: yes(bc.median <= 1),
    },
    {
      figure: 'barcode lookup p99, the in-memory index alone (timer resolution 0.1 ms)',
      goal: '≤ 1 ms',
      till: ms(bcMem),
      raw: ms(bcRaw),
      ratio: ratio(bcMem, bcRaw),
      met: yes(bcMem.median <= 1),
    },
    {
      figure: `name-or-SKU search, first 20 hits, p99 as the till asks it (raw: 20 records read by key range)`,
      goal: '≤ 16 ms',
      till: ms(se),
      raw: ms(seRaw),
      ratio: ratio(se, seRaw),
      met: yes(se.median <= 16),
    },
    {
      figure: 'name-or-SKU search p99, the in-memory index alone',
      goal: '≤ 16 ms',
      till: ms(seMem),
      raw: ms(seRaw),
      ratio: ratio(seMem, seRaw),
      met: yes(seMem.median <= 16),
    },
    {
      figure: `outbox drain: ${n(sizes.drainSales)} queued sales pushed to PostgreSQL by the pusher (batches of ${DEFAULT_BATCH}, the next sent while one is applied, gzip)`,
      goal: '≥ 1,000 sales/s',
      till: `${rate.median.toFixed(0)} sales/s (${rate.min.toFixed(0)}–${rate.max.toFixed(0)})`,
      raw: 'n/a',
      ratio: '',
      met: yes(rate.median >= 1_000),
    },
    {
      figure: `pull of a ${n(sizes.deltaRows)}-row delta, ${dev} devices at once (Node on 127.0.0.1), p99 per round`,
      goal: '≤ 100 ms',
      till: ms(pull),
      raw: 'n/a',
      ratio: '',
      met: yes(pull.median <= 100),
    },
    {
      figure: `… the same pull: p50 with ${dev} at once / one device alone, its page not shared`,
      goal: '',
      till: `${ms(pullP50)} / ${ms(solo)}`,
      raw: 'n/a',
      ratio: '',
      met: '',
    },
    {
      figure: `initial JavaScript of the app (${js.files.map((f) => f.path).join(', ')}), gzip -9`,
      goal: '≤ 150 KB',
      till: `${kb.toFixed(1)} KB`,
      raw: 'n/a',
      ratio: '',
      met: yes(kb <= 150),
    },
    ...laterChunks(js),
  ];
}

/** The app's other chunks, when it has any (screens loaded with React.lazy). */
function laterChunks(js: JsSize): Row[] {
  if (js.later.files === 0) return [];
  return [
    {
      figure: `… the other chunks, loaded when their screen opens (or once the till is up) and precached by the service worker (${js.later.files} files), gzip -9`,
      goal: '',
      till: `${(js.later.gzip / 1024).toFixed(1)} KB`,
      raw: 'n/a',
      ratio: '',
      met: '',
    },
  ];
}

export function table(list: Row[]): string {
  const head =
    '| figure | goal | Till, median (min–max) | raw IndexedDB, same run | ratio | goal met |';
  const sep = '| --- | --- | --- | --- | --- | --- |';
  const body = list.map(
    (r) => `| ${r.figure} | ${r.goal} | ${r.till} | ${r.raw} | ${r.ratio} | ${r.met} |`,
  );
  return [head, sep, ...body].join('\n');
}

/** Where the first sync's time goes (medians): login, binding, pull, catalog load. */
export function breakdown(c: ClientResults): string {
  const med = (pick: (r: ClientResults['firstSync'][number]) => number) =>
    percentile(c.firstSync.map(pick), 50).toFixed(0);
  const pages = c.firstSync[0]?.app.pages ?? 0;
  const changes = c.firstSync[0]?.app.changes ?? 0;
  return [
    `| part of the first sync | median ms |`,
    `| --- | --- |`,
    `| login (scrypt on the server) | ${med((r) => r.app.loginMs)} |`,
    `| bind register + store tables | ${med((r) => r.app.bindMs)} |`,
    `| push + pull, ${pages} pages, ${n(changes)} changes (flushOnce) | ${med((r) => r.app.pullMs)} |`,
    `| … of which a request waits for its response headers (server + network; the page before is applied meanwhile) | ${med((r) => r.app.waitMs)} |`,
    `| … of which no request is waiting (download, parse, validate and write the last page; push; state reads) | ${med((r) => r.app.pullMs - r.app.waitMs)} |`,
    `| catalog taken over from the puller + probe lookup | ${med((r) => r.app.loadMs)} |`,
    `| total | ${med((r) => r.app.totalMs)} |`,
    `| after it, when idle: the search rows built (normalized names, name sort, scan text) and saved for the next start | ${med((r) => r.app.rowsMs)} |`,
  ].join('\n');
}

/** Where a catalog load (the cold start's work) goes, measured warm right after the restarts. */
export function catalogParts(c: ClientResults): string {
  const b = c.catalog?.result;
  if (!b) return '';
  return [
    `| part of a catalog load (${n(b.products)} products) | ms |`,
    '| --- | --- |',
    `| open the database | ${b.openMs.toFixed(0)} |`,
    `| read every block and fold the log into a Map | ${b.readMs.toFixed(0)} |`,
    `| build the id, barcode and SKU maps (a scan can be answered) | ${b.mapsMs.toFixed(0)} |`,
    `| build the search rows (normalized names, name sort, scan text), as after a first sync | ${b.rowsMs.toFixed(0)} |`,
    `| … or read the rows saved after the first sync (what a start does) | ${b.savedReadMs.toFixed(0)} |`,
    `| … and take them up (split; the SKU map; each row made when a search first reaches it) | ${b.restoreMs.toFixed(0)} |`,
  ].join('\n');
}

/** Where a drain's time goes, per batch (medians over the drain runs). */
export function drainParts(c: ClientResults): string {
  if (c.drain.length === 0) return '';
  const med = (pick: (d: ClientResults['drain'][number]) => number) =>
    percentile(c.drain.map(pick), 50);
  const perBatch = (pick: (d: ClientResults['drain'][number]) => number) =>
    med((d) => pick(d) / Math.max(1, d.batches)).toFixed(1);
  return [
    `| part of a drain (${n(Math.round(med((d) => d.sales)))} sales, ${Math.round(med((d) => d.batches))} pushes) | ms per push |`,
    '| --- | --- |',
    `| all of it | ${perBatch((d) => d.drainMs)} |`,
    `| … of which a push waits for its answer (the server applies it; the answer before is applied here meanwhile) | ${perBatch((d) => d.waitMs)} |`,
    `| … of which no push is waiting (reading, encoding and sending the next batch; the last answer) | ${perBatch((d) => d.drainMs - d.waitMs)} |`,
  ].join('\n');
}
