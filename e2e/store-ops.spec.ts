// Store operations in the browser: offline, a cart rung up before any shift cannot be paid until
// a shift is opened; then three sales (one split tender), a refund of one line, a cash out and
// an X report; then online, the shift is closed, and the server's Z report (recomputed from what
// it received) equals the register's to the cent. It runs in store S2 (Boston, tax on top),
// which no other spec uses: a register's open shift comes back to any device that chooses it,
// and this spec needs a register with none.
import { randomUUID } from 'node:crypto';
import { expect, request, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { TillPage } from './support/till-page';

const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8181';
/** Two products of store S2 by their EAN-13 (the demo catalog with the prefix 070). */
const BARCODES = ['0700000001020', '0700000002058'] as const;

async function inDialog(page: Page, opener: string) {
  await page.getByRole('button', { name: opener, exact: true }).click();
  return page.getByRole('dialog');
}

/** Escape closes a dialog from inside it (a finished form may have taken the focus along). */
async function closeDialog(page: Page) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button').first().focus();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

async function managerGet<T>(path: string): Promise<T> {
  const api = await request.newContext({ baseURL });
  try {
    const login = await api.post('/api/auth/login', {
      data: { username: 'manager2', password: 'demo', deviceId: randomUUID() },
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const res = await api.get(path, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(res.ok()).toBe(true);
    return (await res.json()) as T;
  } finally {
    await api.dispose();
  }
}

test("a shift run offline closes online with the server's Z report equal to the register's", async ({
  context,
}) => {
  const till = await TillPage.open(context);
  const { page } = till;
  await till.setUp(/Register 1/, 'cashier2', { shift: false });
  expect(await till.shiftState()).toBe('none');
  await context.setOffline(true);

  // Scanning works without a shift; payment waits for one, opened from the cart.
  await till.scan(BARCODES[0]);
  await expect(till.cart().getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Pay / })).toBeDisabled();
  await till.openShift('100');
  await till.payCash();
  await expect(till.receipt()).toBeVisible();
  const first = (await page.getByTestId('receipt-number').textContent())?.trim() ?? '';
  await page.getByRole('button', { name: 'New sale' }).click();
  await till.sellOne(BARCODES[1]);
  let dialog = await inDialog(page, 'Shift');
  await expect(dialog.getByRole('button', { name: 'X report' })).toBeVisible();
  await closeDialog(page);

  // A split tender: one euro on card, the rest in cash.
  await till.scan(BARCODES[0]);
  await expect(till.cart().getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: /^Pay / }).click();
  await page.getByRole('radio', { name: 'Card' }).check();
  await page.getByLabel('Amount').fill('1');
  await page.getByRole('button', { name: 'Add payment' }).click();
  await page.getByRole('radio', { name: 'Cash' }).check();
  await page.getByLabel('Cash received').fill('100');
  await page.getByRole('button', { name: 'Add payment' }).click();
  await page.getByRole('button', { name: 'Complete sale' }).click();
  await expect(till.receipt()).toBeVisible();
  await page.getByRole('button', { name: 'New sale' }).click();

  dialog = await inDialog(page, 'Refund');
  await dialog.getByLabel('Receipt number (scan or type)').fill(first);
  await dialog.getByRole('button', { name: 'Find' }).click();
  await dialog.getByRole('spinbutton').first().fill('1');
  await dialog.getByRole('radio', { name: 'In cash' }).check();
  await dialog.getByRole('button', { name: 'Refund', exact: true }).click();
  await expect(dialog.getByText(/Refunded on receipt/)).toBeVisible();
  await closeDialog(page);

  dialog = await inDialog(page, 'Shift');
  await dialog.getByLabel('Amount').fill('20');
  await dialog.getByLabel('Reason').fill('to the bank');
  await dialog.getByRole('button', { name: 'Record' }).click();
  await dialog.getByRole('button', { name: 'X report' }).click();
  const x = dialog.getByRole('region', { name: 'X report' });
  await expect(x).toContainText('3 sales');
  const expected = (await x.getByRole('row', { name: /Expected cash/ }).textContent()) ?? '';

  await context.setOffline(false);
  await expect(till.syncChip()).not.toHaveAccessibleName(/pending/, { timeout: 60_000 });
  await dialog.getByLabel('Counted cash').fill(expected.replace(/[^\d.,]/g, ''));
  await dialog.getByRole('button', { name: 'Close shift' }).click();
  await expect(dialog.getByRole('region', { name: 'Z report' })).toBeVisible();
  await expect(till.syncChip()).not.toHaveAccessibleName(/pending/, { timeout: 60_000 });

  // The close is queued like a sale; it reaches the server with the next push.
  type Shifts = { shifts: { id: string; totalsMatch: boolean | null }[] };
  await expect
    .poll(async () => (await managerGet<Shifts>('/api/shifts')).shifts[0]?.totalsMatch, {
      timeout: 60_000,
    })
    .toBe(true);
  const shift = (await managerGet<Shifts>('/api/shifts')).shifts[0]!;
  const z = await managerGet<{
    registerTotals: { salesCount: number; refundsCount: number; cashOut: number } | null;
    serverTotals: unknown;
    differences: string[];
  }>(`/api/shifts/${shift.id}/z-report`);
  expect(z.registerTotals).toMatchObject({ salesCount: 3, refundsCount: 1, cashOut: 2000 });
  expect(z.serverTotals).toEqual(z.registerTotals);
  expect(z.differences).toEqual([]);
});
