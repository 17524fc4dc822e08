// The till as a cashier sees it, for the browser specs: sign in, choose a register, open a
// shift, ring up, pay cash, and read the receipt and the sync state. Names are the accessible
// ones the screens give, so a spec reads like the cashier's steps.
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const BARCODES = ['4000000001027', '4000000002055'] as const;

export class TillPage {
  constructor(readonly page: Page) {}

  static async open(context: BrowserContext): Promise<TillPage> {
    const page = await context.newPage();
    await page.goto('/');
    return new TillPage(page);
  }

  async signIn(username = 'cashier1'): Promise<void> {
    await this.page.getByLabel('Username').fill(username);
    await this.page.getByLabel('Password').fill('demo');
    await this.page.getByRole('button', { name: 'Sign in' }).click();
  }

  /** Chooses the register (taking it over from another device) and waits for the first sync. */
  async chooseRegister(name: RegExp): Promise<void> {
    await this.page.getByRole('button', { name }).click();
    await this.expectTill();
  }

  /**
   * Signs in and chooses the register. A register sells only inside an open shift: unless
   * `shift: false`, one is opened (float 100.00) when the first sync brought none back, and
   * pushed before this returns, so a spec starts with nothing pending.
   */
  async setUp(
    register: RegExp,
    username = 'cashier1',
    opts: { shift?: boolean } = {},
  ): Promise<void> {
    await this.signIn(username);
    await this.chooseRegister(register);
    if (opts.shift === false) return;
    if ((await this.shiftState()) === 'open') return;
    await this.openShift('100.00');
    await this.expectPending(0);
  }

  /** Whether a shift is open on this register, as the cart pane knows it. */
  async shiftState(): Promise<'open' | 'none'> {
    const known = this.page.locator('.cart-pane[data-shift="open"], .cart-pane[data-shift="none"]');
    await expect(known).toBeVisible({ timeout: 30_000 });
    return (await known.getAttribute('data-shift')) === 'open' ? 'open' : 'none';
  }

  /** Opens a shift from the cart ("No shift is open… Open shift") with the counted float. */
  async openShift(float: string): Promise<void> {
    const gate = this.page
      .getByRole('status')
      .filter({ hasText: 'No shift is open: open one to take payment.' });
    await gate.getByRole('button', { name: 'Open shift' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Open shift' });
    await dialog.getByLabel('Float (counted cash in the drawer)').fill(float);
    await dialog.getByRole('button', { name: 'Open shift' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.locator('.cart-pane')).toHaveAttribute('data-shift', 'open');
  }

  async expectTill(): Promise<void> {
    await expect(this.page.getByRole('combobox', { name: 'Search products' })).toBeVisible({
      timeout: 30_000,
    });
  }

  /**
   * A scanner sends the digits and Enter in one quick burst, with the focus outside any text
   * field. The burst is sent from inside the page: Playwright's own typing crosses a process
   * boundary per key, which on a busy machine is slower than a scanner's key gap.
   */
  async scan(code: string): Promise<void> {
    await this.page.evaluate((digits) => {
      (document.activeElement as HTMLElement | null)?.blur();
      for (const key of [...digits, 'Enter'])
        document.body.dispatchEvent(
          new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }),
        );
    }, code);
  }

  cart() {
    return this.page.getByRole('list', { name: 'Items in the cart' });
  }

  /** Pays the whole sale in cash, `received` typed into the field, and completes it. */
  async payCash(received?: string): Promise<void> {
    await this.page.getByRole('button', { name: /^Pay / }).click();
    const due = (await this.page.getByTestId('due').textContent()) ?? '';
    await this.page.getByLabel('Cash received').fill(received ?? due.replace(/[^\d.,]/g, ''));
    await this.page.getByRole('button', { name: 'Add payment' }).click();
    await this.page.getByRole('button', { name: 'Complete sale' }).click();
  }

  receipt() {
    return this.page.getByRole('article', { name: /^Receipt / });
  }

  /** Rings up one scanned item, pays exactly, and returns the receipt number shown. */
  async sellOne(code: string = BARCODES[0]): Promise<string> {
    await this.scan(code);
    await expect(this.cart().getByRole('listitem')).toHaveCount(1);
    await this.payCash();
    await expect(this.receipt()).toBeVisible();
    const number = (await this.page.getByTestId('receipt-number').textContent())?.trim() ?? '';
    await this.page.getByRole('button', { name: 'New sale' }).click();
    return number;
  }

  syncChip() {
    return this.page.getByRole('button', { name: /^Sync:/ });
  }

  /** Sales this device holds that the server has not confirmed (the sync chip says). */
  async expectPending(count: number): Promise<void> {
    if (count === 0) await expect(this.syncChip()).not.toHaveAccessibleName(/pending/);
    else await expect(this.syncChip()).toHaveAccessibleName(new RegExp(`${count} pending`));
  }

  deviceId(): Promise<string> {
    return this.page.evaluate(() => localStorage.getItem('till.deviceId') ?? '');
  }
}

/** Waits until the service worker has precached the app and controls the page. */
export async function waitForWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise<void>((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), {
        once: true,
      }),
    );
  });
}

/** Receipt numbers of the sales in this device's IndexedDB (read without the app). */
export function localReceipts(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('till');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('sales')) {
            db.close();
            resolve([]);
            return;
          }
          const all = db.transaction('sales').objectStore('sales').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(
              (all.result as { receiptNumber?: string; sale?: { receiptNumber: string } }[]).map(
                (r) => r.receiptNumber ?? r.sale?.receiptNumber ?? '',
              ),
            );
          };
          all.onerror = () => reject(new Error(String(all.error)));
        };
      }),
  );
}
