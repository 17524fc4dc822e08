// Seeds spread over child processes (one PGlite each; the machine's cores run them side by
// side). Each child is this same program given its own seed list; its lines are passed through
// and its summary line counted.
import { spawn } from 'node:child_process';

export interface WorkerTotals {
  passed: number;
  failedSeeds: number[];
}

function runChild(seeds: number[]): Promise<WorkerTotals> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        // Side by side, each child's garbage collector helpers would take CPU from the other
        // seeds: one thread each runs 10 seeds about 13 % faster on two cores.
        '--single-threaded-gc',
        ...process.execArgv,
        process.argv[1] ?? 'sim/main.ts',
        '--seed-list',
        seeds.join(','),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const totals: WorkerTotals = { passed: 0, failedSeeds: [] };
    let rest = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        const summary = /^sim: (\d+) passed, (\d+) failed/.exec(line);
        const failed = /^failed seeds: (.*)$/.exec(line);
        if (summary) totals.passed += Number(summary[1]);
        else if (failed) totals.failedSeeds.push(...(failed[1] ?? '').split(' ').map(Number));
        else if (!line.startsWith('sim: ')) console.log(line);
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0 && code !== 1) reject(new Error(`a simulator worker exited with ${code}`));
      else resolve(totals);
    });
  });
}

/** Runs `seeds` on `workers` children, seed i on child i mod workers. */
export async function runWorkers(seeds: number[], workers: number): Promise<WorkerTotals> {
  const lists = Array.from({ length: workers }, (_, w) =>
    seeds.filter((_, i) => i % workers === w),
  );
  const results = await Promise.all(lists.filter((l) => l.length > 0).map(runChild));
  return {
    passed: results.reduce((a, r) => a + r.passed, 0),
    failedSeeds: results.flatMap((r) => r.failedSeeds).sort((a, b) => a - b),
  };
}
