// CPU profiles (Chrome DevTools Protocol Profiler, of the page or of the server's Node), summed
// by function: where the time goes, for the figures that miss their goal.
import type { Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  hitCount?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
}

export interface HotSpot {
  name: string;
  selfMs: number;
  share: number;
}

export interface Hot {
  hot: HotSpot[];
  totalMs: number;
}

/** Self time by function, the top twelve. */
export function hotSpots(profile: CpuProfile): Hot {
  const totalMs = (profile.endTime - profile.startTime) / 1000;
  const samples = profile.samples?.length ?? 0;
  const perSample = samples > 0 ? totalMs / samples : 0;
  const byName = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.split('/').pop() ?? '';
    const name = functionName
      ? `${functionName}${file ? ` (${file})` : ''}`
      : `(${file || 'native'}${file ? `:${lineNumber + 1}` : ''})`;
    byName.set(name, (byName.get(name) ?? 0) + hits * perSample);
  }
  const hot = [...byName]
    .map(([name, selfMs]) => ({ name, selfMs, share: totalMs > 0 ? selfMs / totalMs : 0 }))
    .sort((a, b) => b.selfMs - a.selfMs)
    .slice(0, 12);
  return { hot, totalMs };
}

async function pageProfiler(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  return {
    start: () => cdp.send('Profiler.start'),
    async stop(): Promise<CpuProfile> {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
      return profile;
    },
    detach: () => cdp.detach(),
  };
}

export async function profiled<T>(
  page: Page,
  work: () => Promise<T>,
): Promise<{ result: T } & Hot> {
  const profiler = await pageProfiler(page);
  await profiler.start();
  const result = await work();
  const profile = await profiler.stop();
  await profiler.detach();
  return { result, ...hotSpots(profile) };
}

/**
 * Profiles only the push of a drain, page and server alike: the bench page calls
 * `window.tillBenchPhase` (exposed here) when the push starts and when it ends.
 */
export async function profiledDrain<T>(
  page: Page,
  server: { start(): Promise<void>; stop(): Promise<CpuProfile> },
  work: () => Promise<T>,
): Promise<{ result: T; page: Hot; server: Hot }> {
  const profiler = await pageProfiler(page);
  let pageProfile: CpuProfile | null = null;
  let serverProfile: CpuProfile | null = null;
  // Exposed for the page's life: later drains call it too, and are not profiled.
  let armed = true;
  await page.exposeFunction('tillBenchPhase', async (phase: string) => {
    if (!armed) return;
    if (phase === 'drain:push') {
      await server.start();
      await profiler.start();
    } else {
      pageProfile = await profiler.stop();
      serverProfile = await server.stop();
      armed = false;
    }
  });
  const result = await work();
  await profiler.detach();
  if (!pageProfile || !serverProfile) throw new Error('bench: the drain was not profiled');
  return { result, page: hotSpots(pageProfile), server: hotSpots(serverProfile) };
}

export function hotTable(title: string, p: Hot): string {
  return [
    `| ${title} (${p.totalMs.toFixed(0)} ms profiled) | self ms | share |`,
    '| --- | --- | --- |',
    ...p.hot.map(
      (h) =>
        `| ${h.name.replace(/\|/g, '\\|')} | ${h.selfMs.toFixed(0)} | ${(h.share * 100).toFixed(1)}% |`,
    ),
  ].join('\n');
}
