import { expect, test } from '@playwright/test';

test('a cashier signs in through the login screen and reaches the till', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Username').fill('cashier1');
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Signed in as Clara Cashier (cashier)')).toBeVisible();

  // A reload keeps the session through the httpOnly refresh cookie.
  await page.reload();
  await expect(page.getByText('Signed in as Clara Cashier (cashier)')).toBeVisible();
});

test('a wrong password is refused in words, not with a stack trace', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Username').fill('cashier1');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong username or password.');
});
