// A whole sale through the screens, against the built app and the real server: scan, search,
// discount, cash with change, receipt; the server then holds the same sale.
import { expect, test } from '@playwright/test';
import { serverSales } from './support/server';
import { BARCODES, TillPage } from './support/till-page';

const shot = (name: string) => ({ path: `artifacts/${name}.png` });

/** "€12.34" or "12,34 €" in minor units. */
function cents(text: string | null): number {
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

test('a cashier sells scanned and searched items with a discount and cash change, and the server has the same sale', async ({
  page,
}) => {
  await page.goto('/');
  const till = new TillPage(page);
  await till.setUp(/Register 1/);

  await till.scan(BARCODES[0]);
  await expect(till.cart().getByRole('listitem')).toHaveCount(1);
  await till.scan(BARCODES[1]);
  await expect(till.cart().getByRole('listitem')).toHaveCount(2);

  await page.getByRole('combobox', { name: 'Search products' }).fill('Orange Juice');
  await page.getByRole('option').first().click();
  await expect(till.cart().getByRole('listitem')).toHaveCount(3);

  await page.getByRole('button', { name: 'Discount' }).click();
  await page.getByRole('radio', { name: 'Percent' }).check();
  await page.getByLabel('Discount in percent').fill('10');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByTestId('discount')).not.toHaveText(/^[^1-9]*$/);
  const total = cents(await page.getByTestId('total').textContent());
  expect(total).toBeGreaterThan(0);
  await page.screenshot(shot('sell'));

  await page.getByRole('button', { name: /^Pay / }).click();
  await expect(page.getByTestId('due')).toBeVisible();
  expect(cents(await page.getByTestId('due').textContent())).toBe(total);
  const received = Math.ceil((total + 1) / 1000) * 10; // whole euros, always more than due
  await page.getByLabel('Cash received').fill(String(received));
  await page.getByRole('button', { name: 'Add payment' }).click();
  await expect(page.getByTestId('change')).toBeVisible();
  await page.screenshot(shot('pay'));
  await page.getByRole('button', { name: 'Complete sale' }).click();

  const receipt = till.receipt();
  await expect(receipt).toBeVisible();
  await expect(receipt).toHaveAccessibleName(/^Receipt S1-R1-\d{6}$/);
  const number = (await page.getByTestId('receipt-number').textContent())?.trim() ?? '';
  expect(cents(await page.getByTestId('receipt-total').textContent())).toBe(total);
  const change = cents(await page.getByTestId('receipt-change').textContent());
  expect(change).toBe(received * 100 - total);
  await page.screenshot(shot('receipt'));

  // Sent without a click: the chip stops counting it as pending.
  await till.expectPending(0);
  await till.syncChip().click();
  await expect(page.getByRole('dialog', { name: 'Sync center' })).toBeVisible();
  await page.screenshot(shot('sync-center'));

  const stored = (await serverSales(await till.deviceId())).filter(
    (s) => s.receiptNumber === number,
  );
  expect(stored).toHaveLength(1);
  const [sale] = stored;
  expect(sale?.totals.total).toBe(total);
  expect(sale?.totals.discount).toBeGreaterThan(0);
  expect(sale?.lines).toHaveLength(3);
  expect(sale?.payments).toEqual([
    expect.objectContaining({ kind: 'cash', amount: total, tendered: received * 100, change }),
  ]);
});
