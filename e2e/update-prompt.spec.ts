// Spec 8: a new build deployed while a sale is open. The till says a new version is ready but
// does not reload: not while the sale is open, and after it only when the cashier accepts.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { BARCODES, TillPage, waitForWorker } from './support/till-page';

const run = promisify(execFile);

/** Builds the app again into the folder the server serves, marked as another build. */
async function deployNewBuild(id: string): Promise<void> {
  const outDir = process.env.E2E_APP_DIR;
  if (!outDir) throw new Error('playwright.config.ts sets E2E_APP_DIR');
  await run('npx', ['vite', 'build', '--logLevel', 'error', '--emptyOutDir', '--outDir', outDir], {
    env: { ...process.env, VITE_TILL_BUILD: id },
  });
}

test('a new build waits for the sale to finish and for the cashier to accept', async ({
  context,
}) => {
  const till = await TillPage.open(context);
  await till.setUp(/Register 1/);
  const { page } = till;
  await waitForWorker(page);
  // Gone after any reload of this page.
  await page.evaluate(() => Object.assign(window, { tillE2eMarker: true }));
  const stillSamePage = () =>
    page.evaluate(() => (window as { tillE2eMarker?: boolean }).tillE2eMarker === true);

  await till.scan(BARCODES[0]);
  await expect(till.cart().getByRole('listitem')).toHaveCount(1);

  const build = `e2e-${Date.now()}`;
  await deployNewBuild(build);
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
  });

  const banner = page.getByRole('status').filter({ hasText: 'A new version is ready.' });
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await expect(banner).toContainText('Finish the sale first');
  await expect(banner.getByRole('button', { name: 'Reload' })).toBeDisabled();
  await page.screenshot({ path: 'artifacts/update-during-sale.png' });

  await till.payCash();
  await expect(till.receipt()).toBeVisible();
  expect(await stillSamePage()).toBe(true);
  await page.getByRole('button', { name: 'New sale' }).click();
  await expect(banner.getByRole('button', { name: 'Reload' })).toBeEnabled();
  expect(await stillSamePage()).toBe(true);

  await banner.getByRole('button', { name: 'Reload' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-build', build, { timeout: 30_000 });
  expect(await stillSamePage()).toBe(false);
  await till.expectTill();
});
