// Spec 5: two tabs of the same till sell and sync at the same time. One flusher runs at a time
// (Web Locks), the counter is taken in the sale's transaction: every sale is stored once, and
// the receipt numbers are unique and without gaps.
import { expect, test } from '@playwright/test';
import { serverSales } from './support/server';
import { BARCODES, TillPage } from './support/till-page';

const PER_TAB = 3;

function sequence(receipt: string): number {
  return Number(receipt.split('-').pop());
}

test('two tabs selling and syncing at once store every sale once, numbered without gaps', async ({
  context,
}) => {
  const a = await TillPage.open(context);
  await a.setUp(/Register 1/);
  const b = await TillPage.open(context);
  await b.expectTill();

  const sell = async (tab: TillPage, code: string) => {
    const numbers: string[] = [];
    for (let i = 0; i < PER_TAB; i++) numbers.push(await tab.sellOne(code));
    return numbers;
  };
  const [fromA, fromB] = await Promise.all([sell(a, BARCODES[0]), sell(b, BARCODES[1])]);
  const mine = [...fromA, ...fromB];
  expect(new Set(mine).size).toBe(2 * PER_TAB);

  await a.expectPending(0);
  await b.expectPending(0);
  const stored = await serverSales(await a.deviceId());
  const ours = stored.filter((s) => mine.includes(s.receiptNumber));
  expect(ours).toHaveLength(2 * PER_TAB);

  // Unique and gapless over everything this register has stored (earlier specs included).
  const numbers = stored.map((s) => sequence(s.receiptNumber)).sort((x, y) => x - y);
  expect(new Set(numbers).size).toBe(numbers.length);
  expect(numbers).toEqual(numbers.map((_, i) => i + 1));
});
