// When the server refuses the session (the refresh cookie is gone), the till keeps selling,
// pushing pauses with the sale kept, and the cashier is asked to sign in again; after that the
// sale goes out.
import { expect, test } from '@playwright/test';
import { countByReceipt, serverSales } from './support/server';
import { TillPage } from './support/till-page';

test('a refused session pauses pushing, keeps the sale and asks to sign in again', async ({
  context,
}) => {
  const till = await TillPage.open(context);
  await till.setUp(/Register 2/);
  const { page } = till;

  // The refresh cookie is gone and the server refuses the access token once: the refresh
  // that follows is refused too.
  await context.clearCookies();
  let refused = false;
  await context.route('**/api/sync/push', async (route) => {
    if (refused) return route.continue();
    refused = true;
    return route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify({ error: { kind: 'Unauthorized', message: 'token expired' } }),
    });
  });

  const number = await till.sellOne();
  const ended = page.getByRole('alert').filter({ hasText: 'The session has ended' });
  await expect(ended).toBeVisible({ timeout: 30_000 });
  await till.expectPending(1);

  await ended.getByRole('button', { name: 'Sign in again' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign in again' });
  await dialog.getByLabel('Username').fill('cashier1');
  await dialog.getByLabel('Password').fill('demo');
  await dialog.getByRole('button', { name: 'Sign in' }).click();

  await expect(ended).toBeHidden();
  await expect(till.syncChip()).not.toHaveAccessibleName(/pending/, { timeout: 30_000 });
  expect(countByReceipt(await serverSales(await till.deviceId())).get(number)).toBe(1);
});
