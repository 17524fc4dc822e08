// @vitest-environment jsdom
// Stock at the till: a product shows the server's level plus this register's pending moves;
// a manager records a count offline (queued as stock.count); a cashier cannot count.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { recordSale } from '../../../../src/app/db/record-sale';
import { StockScreen } from '../../../../src/app/features/stock/stock-screen';
import { cashSaleOf } from '../../../support/till-db';
import { renderTill } from '../render-till';
import * as fixtures from '../fixtures';
import { storeOpsTill } from './store-ops-till';

const bread = fixtures.products[0]!;

describe('stock screen', () => {
  it("shows stock on hand with this register's pending sales and records a manager's count", async () => {
    const till = await storeOpsTill({}, { shift: true });
    await recordSale(till.db, cashSaleOf(bread, fixtures.manager.id, 2));
    const user = userEvent.setup();
    renderTill(<StockScreen />, { data: till.data, user: fixtures.manager });
    await user.type(screen.getByLabelText('Find a product'), 'Bread{Enter}');
    const item = (await screen.findByText(/^Bread/)).closest('li')!;
    expect(item).toHaveTextContent('On hand: -2');
    await user.type(within(item).getByLabelText('Counted units of Bread'), '12');
    await user.click(within(item).getByRole('button', { name: 'Add to count' }));
    await user.click(screen.getByRole('button', { name: 'Record count (1 products)' }));
    expect(await screen.findByText(/Count recorded/)).toBeInTheDocument();
    const count = (await till.db.outbox.toArray()).find((e) => e.kind === 'stock.count');
    expect(count?.payload).toMatchObject({
      countedBy: fixtures.manager.id,
      lines: [{ productId: bread.id, counted: 12 }],
    });
  });

  it('lets a cashier see stock but not count it', async () => {
    const till = await storeOpsTill({}, { shift: true });
    const user = userEvent.setup();
    renderTill(<StockScreen />, { data: till.data });
    await user.type(screen.getByLabelText('Find a product'), 'Bread{Enter}');
    const item = (await screen.findByText(/^Bread/)).closest('li')!;
    expect(item).toHaveTextContent('On hand: 0');
    expect(within(item).queryByRole('button', { name: 'Add to count' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Load flags' })).toBeNull();
  });
});
