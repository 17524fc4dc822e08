// The bench page's script: bundled by bench/page-build.ts and served from the same origin as the
// app, it puts the app's own modules behind `window.tillBench` for the Node harness.
import type { TillBench } from './bench-api';
import { lookups, rawProductStore } from './lookup-figures';
import { deleteRaw } from './raw-idb';
import { commits, fillSales } from './sale-figures';
import {
  catalogBreakdown,
  coldStartApp,
  coldStartRaw,
  drain,
  firstSync,
  rawWriteBlocks,
} from './sync-figures';

const bench: TillBench = {
  firstSync,
  rawWriteBlocks,
  coldStartApp,
  coldStartRaw,
  fillSales,
  commits,
  rawProductStore,
  lookups,
  drain,
  catalogBreakdown,
  deleteDb: deleteRaw,
};
window.tillBench = bench;

// A cold start runs as soon as the script has loaded (`?cold=app|raw&db=…&probe=…`), so the
// figure holds no round trip to the harness.
const params = new URLSearchParams(location.search);
const cold = params.get('cold');
const name = params.get('db') ?? '';
if (cold === 'app') window.tillBenchCold = coldStartApp(name, params.get('probe') ?? '');
if (cold === 'raw') window.tillBenchCold = coldStartRaw(name);
