// Spec 7: a reload that cuts into the sale commit (the page is gone between "Complete sale"
// and the transaction's end) never leaves a receipt on screen for a sale that is not stored:
// every receipt ever shown is in the local store afterwards, and reaches the server once.
import { expect, test } from '@playwright/test';
import { countByReceipt, serverSales } from './support/server';
import { BARCODES, TillPage, localReceipts } from './support/till-page';

const DELAYS_MS = [0, 1, 3, 8, 15, 30];

test('a reload in the middle of the sale commit never shows a receipt for an unstored sale', async ({
  context,
}) => {
  const till = await TillPage.open(context);
  await till.setUp(/Register 2/);
  const { page } = till;
  const shown: string[] = [];

  for (const delay of DELAYS_MS) {
    await till.scan(BARCODES[1]);
    await expect(till.cart().getByRole('listitem')).toHaveCount(1);
    await page.getByRole('button', { name: /^Pay / }).click();
    const due = (await page.getByTestId('due').textContent()) ?? '';
    await page.getByLabel('Cash received').fill(due.replace(/[^\d.,]/g, ''));
    await page.getByRole('button', { name: 'Add payment' }).click();
    await page.getByRole('button', { name: 'Complete sale' }).click({ noWaitAfter: true });
    await page.waitForTimeout(delay);
    const number = await page
      .getByTestId('receipt-number')
      .textContent({ timeout: 1 })
      .catch(() => null);
    if (number) shown.push(number.trim());
    await page.reload();
    await till.expectTill();

    // After the reload: any receipt on screen, and every receipt shown before, is stored.
    const stored = await localReceipts(page);
    expect(stored).toEqual(expect.arrayContaining(shown));
    if (await till.receipt().isVisible()) {
      const onScreen = (await page.getByTestId('receipt-number').textContent())?.trim() ?? '';
      expect(stored).toContain(onScreen);
    }
  }

  // Whatever was stored goes to the server, each once.
  const stored = await localReceipts(page);
  await expect(till.syncChip()).not.toHaveAccessibleName(/pending/, { timeout: 45_000 });
  const counts = countByReceipt(await serverSales(await till.deviceId()));
  expect(stored.map((n) => counts.get(n))).toEqual(stored.map(() => 1));
});
