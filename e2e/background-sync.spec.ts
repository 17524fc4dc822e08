// Spec 3: with every page of the till closed, the service worker pushes a sale made offline
// once the network is back (Background Sync), and the server has it.
import { expect, test } from '@playwright/test';
import { countByReceipt, serverSales } from './support/server';
import { TillPage, waitForWorker } from './support/till-page';

test('the worker pushes a sale made offline after every page is closed', async ({ context }) => {
  const till = await TillPage.open(context);
  await till.setUp(/Register 1/);
  await waitForWorker(till.page);
  const device = await till.deviceId();

  await context.setOffline(true);
  const number = await till.sellOne();
  await till.expectPending(1);
  // The till asked the browser for a Background Sync before it was closed.
  await expect
    .poll(() =>
      till.page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready;
        const sync = (registration as { sync?: { getTags(): Promise<string[]> } }).sync;
        return sync ? sync.getTags() : [];
      }),
    )
    .toContain('till-outbox');
  await till.page.close();
  expect(countByReceipt(await serverSales(device)).get(number)).toBeUndefined();

  await context.setOffline(false);
  // A page of another origin, only to reach the browser's DevTools protocol: it fires the
  // sync event the till registered, as the browser does by itself when the network returns.
  const blank = await context.newPage();
  const cdp = await context.newCDPSession(blank);
  const tillOrigin = new URL(process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8181').origin;
  const found = new Promise<{ registrationId: string; scopeURL: string }>((resolve) =>
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => {
      const mine = e.registrations.find((r) => new URL(r.scopeURL).origin === tillOrigin);
      if (mine) resolve(mine);
    }),
  );
  await cdp.send('ServiceWorker.enable');
  const registration = await found;
  await expect(async () => {
    await cdp.send('ServiceWorker.dispatchSyncEvent', {
      origin: new URL(registration.scopeURL).origin,
      registrationId: registration.registrationId,
      tag: 'till-outbox',
      lastChance: false,
    });
    expect(countByReceipt(await serverSales(device)).get(number)).toBe(1);
  }).toPass({ timeout: 30_000, intervals: [1_000, 2_000, 3_000] });
});
