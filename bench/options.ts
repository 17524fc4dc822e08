// The harness's sizes: the full run (`npm run bench`) as the issue asks, and a small one for CI
// (`npm run bench -- --small`) that only proves the harness still works.
import { parseArgs } from 'node:util';

export interface Sizes {
  products: number;
  /** Sales stored before the commit figure. */
  storedSales: number;
  runs: number;
  commitsPerRun: number;
  lookupsPerRun: number;
  /** Sales queued per drain run. */
  drainSales: number;
  drainRuns: number;
  devices: number;
  deltaRows: number;
}

export interface Options {
  small: boolean;
  /** Where the report goes; null: nowhere (the small run, unless asked). */
  out: string | null;
  /** Build the app first even if dist/ exists. */
  build: boolean;
  sizes: Sizes;
}

const full: Sizes = {
  products: 100_000,
  storedSales: 100_000,
  runs: 5,
  commitsPerRun: 200,
  lookupsPerRun: 1_000,
  drainSales: 10_000,
  drainRuns: 5,
  devices: 100,
  deltaRows: 1_000,
};

const small: Sizes = {
  products: 2_000,
  storedSales: 500,
  runs: 3,
  commitsPerRun: 30,
  lookupsPerRun: 200,
  drainSales: 200,
  drainRuns: 1,
  devices: 10,
  deltaRows: 100,
};

export function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      small: { type: 'boolean', default: false },
      out: { type: 'string' },
      build: { type: 'boolean', default: false },
      products: { type: 'string' },
    },
  });
  const isSmall = values.small ?? false;
  const sizes = { ...(isSmall ? small : full) };
  if (values.products !== undefined) sizes.products = Number(values.products);
  return {
    small: isSmall,
    out: values.out ?? (isSmall ? null : 'docs/performance.md'),
    build: values.build ?? false,
    sizes,
  };
}
