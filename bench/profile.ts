// A CPU profile of the page while it does one piece of work (Chrome DevTools Protocol
// Profiler), summed by function: where the time goes, for the figures that miss their goal.
import type { Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  hitCount?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
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

export async function profiled<T>(
  page: Page,
  work: () => Promise<T>,
): Promise<{ result: T; hot: HotSpot[]; totalMs: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const result = await work();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
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
  return { result, hot, totalMs };
}

export function hotTable(title: string, p: { hot: HotSpot[]; totalMs: number }): string {
  return [
    `| ${title} (${p.totalMs.toFixed(0)} ms profiled) | self ms | share |`,
    '| --- | --- | --- |',
    ...p.hot.map(
      (h) =>
        `| ${h.name.replace(/\|/g, '\\|')} | ${h.selfMs.toFixed(0)} | ${(h.share * 100).toFixed(1)}% |`,
    ),
  ].join('\n');
}
