// Spec 6: signing out never loses a sale. Offline with an unsent sale it is refused; online it
// sends everything first and only then clears the device.
import { expect, test } from '@playwright/test';
import { countByReceipt, serverSales } from './support/server';
import { TillPage, localReceipts } from './support/till-page';

test('sign-out with unsynced sales is refused offline; online it syncs, then wipes', async ({
  context,
}) => {
  const till = await TillPage.open(context);
  await till.setUp(/Register 2/);
  const { page } = till;
  const device = await till.deviceId();

  await context.setOffline(true);
  const number = await till.sellOne();
  await page.getByRole('button', { name: 'Sign out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign out' });
  await expect(dialog).toContainText('You cannot sign out yet');
  await expect(dialog).toContainText('Sales not yet sent: 1');
  expect(await localReceipts(page)).toContain(number);
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await context.setOffline(false);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible({ timeout: 30_000 });
  expect(countByReceipt(await serverSales(device)).get(number)).toBe(1);
  expect(await localReceipts(page)).toEqual([]);

  // Nothing is left to start offline with either.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});
