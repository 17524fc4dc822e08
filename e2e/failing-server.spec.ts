// Spec 4: a server that fails (503, then 429 with Retry-After) only delays the sales: they
// queue on the till and drain once it answers again, each stored once.
import { expect, test } from '@playwright/test';
import { countByReceipt, serverSales } from './support/server';
import { TillPage } from './support/till-page';

test('sales queue while the server answers 503 and 429, then drain once each', async ({
  context,
}) => {
  const till = await TillPage.open(context);
  await till.setUp(/Register 2/);

  const answered: number[] = [];
  let failWith: 503 | 429 | null = 503;
  await context.route('**/api/sync/push', async (route) => {
    if (failWith === null) return route.continue();
    answered.push(failWith);
    if (failWith === 503)
      return route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ error: { kind: 'Unavailable', message: 'down for a moment' } }),
      });
    return route.fulfill({
      status: 429,
      headers: { 'retry-after': '2' },
      contentType: 'application/json',
      body: JSON.stringify({ error: { kind: 'RateLimited', message: 'slow down' } }),
    });
  });

  const first = await till.sellOne();
  const second = await till.sellOne();
  await expect.poll(() => answered.includes(503), { timeout: 20_000 }).toBe(true);
  await till.expectPending(2);

  failWith = 429;
  await till.syncChip().click();
  await till.page.getByRole('button', { name: 'Sync now' }).click();
  await expect.poll(() => answered.includes(429), { timeout: 20_000 }).toBe(true);
  await till.page.getByRole('button', { name: 'Close' }).click();
  await till.expectPending(2);

  // The server recovers: the queued sales go by themselves (after Retry-After).
  failWith = null;
  await expect(till.syncChip()).not.toHaveAccessibleName(/pending/, { timeout: 45_000 });
  const counts = countByReceipt(await serverSales(await till.deviceId()));
  expect([counts.get(first), counts.get(second)]).toEqual([1, 1]);
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
});
