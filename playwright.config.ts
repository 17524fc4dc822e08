import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Browser tests run Debian's Chromium against the app and API exactly as `npm start` serves
// them (the production build, then the server), on a fresh embedded database per run. The app
// is built into a folder of this run rather than dist/, so that a build made elsewhere meanwhile
// cannot change what the specs see, and the update spec can deploy a new build into it.
const port = Number(process.env.E2E_PORT ?? 8181);
export const baseURL = `http://127.0.0.1:${port}`;
// The config is read again in each worker process, which inherits this environment: one run,
// one folder. The specs read these too (e2e/support/server.ts, the update spec).
process.env.E2E_RUN_DIR ??= mkdtempSync(join(tmpdir(), 'till-e2e-'));
const runDir = process.env.E2E_RUN_DIR;
const appDir = join(runDir, 'app');
process.env.E2E_BASE_URL = baseURL;
process.env.E2E_APP_DIR = appDir;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL,
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite build --logLevel warn --emptyOutDir --outDir ${appDir} && npx tsx src/server/main.ts`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      TILL_DATA_DIR: join(runDir, 'data'),
      TILL_STATIC_DIR: appDir,
      TILL_LOG_LEVEL: 'warn',
    },
  },
});
