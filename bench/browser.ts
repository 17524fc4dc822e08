// Debian's Chromium through Playwright, with a persistent profile so IndexedDB lives on disk
// and survives a browser restart (the cold-start figure restarts it).
import { chromium } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import type { ColdStartResult } from './page/bench-api';

const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BenchBrowser {
  context: BrowserContext;
  page: Page;
}

export async function launch(profileDir: string, url: string, query = ''): Promise<BenchBrowser> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (err) => console.error(`[page] ${err.message}`));
  await page.goto(`${url}/bench-page/bench.html${query}`);
  await page.waitForFunction(() => window.tillBench !== undefined);
  return { context, page };
}

/** Restarts the browser on the bench page with a cold start of the given kind. */
export async function coldStart(
  profileDir: string,
  url: string,
  kind: 'app' | 'raw',
  db: string,
  probe: string,
): Promise<ColdStartResult> {
  const query = `?${new URLSearchParams({ cold: kind, db, probe }).toString()}`;
  const b = await launch(profileDir, url, query);
  try {
    return await b.page.evaluate(async () => {
      const result = window.tillBenchCold;
      if (!result) throw new Error('bench: no cold start ran');
      return result;
    });
  } finally {
    await b.context.close();
  }
}
