// The server entry the bench starts: src/server/main.ts as `npm start` runs it, plus a CPU
// profiler the harness turns on and off with SIGUSR2, to show where a figure's server time
// goes. On: it writes `$TILL_BENCH_PROFILE.on`; off: the profile to `$TILL_BENCH_PROFILE`.
import { renameSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

const out = process.env.TILL_BENCH_PROFILE;
const session = new Session();
session.connect();
let running = false;

async function toggle(): Promise<void> {
  if (!out) return;
  if (!running) {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    running = true;
    writeFileSync(`${out}.on`, '');
    return;
  }
  const { profile } = await session.post('Profiler.stop');
  running = false;
  writeFileSync(`${out}.part`, JSON.stringify(profile));
  renameSync(`${out}.part`, out);
}

process.on('SIGUSR2', () => {
  toggle().catch((err: unknown) => console.error('bench profiler:', err));
});

await import('../src/server/main');
