// Spec 1: a till someone signed in on once opens with no network at all, from the worker's
// precache and the local store, and sells.
import { expect, test } from '@playwright/test';
import { TillPage, waitForWorker } from './support/till-page';

test('after one online visit, a cold start with no network opens the till and sells', async ({
  context,
}) => {
  const first = await TillPage.open(context);
  await first.setUp(/Register 1/);
  await waitForWorker(first.page);

  await context.setOffline(true);
  await first.page.close();

  const again = await TillPage.open(context);
  await again.expectTill();
  await expect(again.page.getByText(/^Offline: started from this device/)).toBeVisible();
  await expect(again.page.getByText(/Signed in as Clara Cashier/)).toBeVisible();
  await again.page.screenshot({ path: 'artifacts/offline-start.png' });

  await again.scan('4000000001027');
  await expect(again.cart().getByRole('listitem')).toHaveCount(1);
  await again.payCash();
  await expect(again.receipt()).toBeVisible();
  await expect(again.receipt()).toContainText('Not yet synced');
  await again.expectPending(1);
});
