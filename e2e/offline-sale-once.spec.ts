// Spec 2: a sale made offline reaches the server exactly once when the network is back, and
// the pending count falls from 1 to 0 with nobody pressing anything.
import { expect, test } from '@playwright/test';
import { countByReceipt, serverSales } from './support/server';
import { TillPage } from './support/till-page';

test('an offline sale reaches the server exactly once after going online, without a click', async ({
  context,
}) => {
  const till = await TillPage.open(context);
  await till.setUp(/Register 2/);
  await till.expectPending(0);

  await context.setOffline(true);
  const number = await till.sellOne();
  await till.expectPending(1);
  expect(countByReceipt(await serverSales(await till.deviceId())).get(number)).toBeUndefined();

  await context.setOffline(false);
  await expect(till.syncChip()).not.toHaveAccessibleName(/pending/, { timeout: 60_000 });
  expect(countByReceipt(await serverSales(await till.deviceId())).get(number)).toBe(1);
});
