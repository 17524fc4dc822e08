// npm run sim -- --seeds N | --seed S: runs the fleet simulator and prints one line per seed,
// the failures of a failing seed with the command that replays it, and a summary line that
// .ci/run counts ("sim: N passed, M failed").
import { availableParallelism } from 'node:os';
import { CHECKS } from './check';
import type { WorkerTotals } from './workers';
import { runWorkers } from './workers';
import { runSeed } from './run';
import { SimServer } from './server';

const USAGE = 'usage: npm run sim -- --seeds N [--from S] [--workers W] | --seed S';

function parseArgs(argv: string[]): { seeds: number[]; workers: number } {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? Number(argv[i + 1]) : null;
  };
  const listAt = argv.indexOf('--seed-list');
  if (listAt >= 0) return { seeds: (argv[listAt + 1] ?? '').split(',').map(Number), workers: 1 };
  const one = value('--seed');
  if (one !== null) {
    if (!Number.isInteger(one)) throw new Error(USAGE);
    return { seeds: [one], workers: 1 };
  }
  const n = value('--seeds') ?? 10;
  const from = value('--from') ?? 1;
  const workers = value('--workers') ?? Math.min(2, availableParallelism());
  if (![n, from, workers].every(Number.isInteger) || n < 1 || workers < 1) throw new Error(USAGE);
  return { seeds: Array.from({ length: n }, (_, i) => from + i), workers: Math.min(workers, n) };
}

async function main(): Promise<number> {
  const { seeds, workers } = parseArgs(process.argv.slice(2));
  const began = performance.now();
  console.log(
    `sim: ${seeds.length} seed(s) on ${workers} process(es); checks per run: ${CHECKS.join('; ')}`,
  );
  const { passed, failedSeeds } =
    workers > 1 ? await runWorkers(seeds, workers) : await runHere(seeds);
  const total = ((performance.now() - began) / 1000).toFixed(1);
  if (failedSeeds.length > 0) console.log(`failed seeds: ${failedSeeds.join(' ')}`);
  console.log(`sim: ${passed} passed, ${failedSeeds.length} failed (${total}s)`);
  return failedSeeds.length === 0 ? 0 : 1;
}

async function runHere(seeds: number[]): Promise<WorkerTotals> {
  const server = await SimServer.open();
  let passed = 0;
  const failedSeeds: number[] = [];
  for (const seed of seeds) {
    const t0 = performance.now();
    await server.reset();
    const { report, stats, faults, requests } = await runSeed(server, seed);
    if (process.env.SIM_DEBUG) console.log(requests);
    const failures = [...report.checks].filter(([, f]) => f.length > 0);
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    const f = faults;
    console.log(
      `seed ${seed}: ${failures.length === 0 ? 'ok  ' : 'FAIL'} ${stats.sales} sales, ${stats.registers} registers, ` +
        `${stats.simMinutes} sim-min | offline ${f.offline}, lost req ${f.droppedRequests}, lost reply ${f.droppedReplies}, ` +
        `dup ${f.duplicated}, reordered ${f.reordered}, 429 ${f.rateLimited}, restarts ${stats.restarts}, ` +
        `reloads ${stats.reloads}, token expiries ${stats.tokenExpiries}, sign-ins ${stats.signIns}, ` +
        `wipe lost ${stats.lostInWipe} (${report.gap}) | shifts ${stats.shifts} (${stats.shiftsClosed} closed), ` +
        `refunds ${stats.refunds}, over-refunds refused ${stats.overRefundsTried}, customer edits ` +
        `${stats.customerEdits} (same field ${stats.sameFieldEdits}, conflicts ${stats.conflicts}) | ${secs}s`,
    );
    if (failures.length === 0) passed++;
    else {
      failedSeeds.push(seed);
      for (const [check, list] of failures) {
        console.log(`  ✗ ${check}: ${list.length} failure(s)`);
        for (const m of list.slice(0, 5)) console.log(`      ${m}`);
      }
      console.log(`  replay: npm run sim -- --seed ${seed}`);
    }
  }
  await server.close();
  return { passed, failedSeeds };
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(2);
  },
);
