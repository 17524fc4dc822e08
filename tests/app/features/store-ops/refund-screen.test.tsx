// @vitest-environment jsdom
// The refund screen: find a sale by its receipt number, give back at most what remains of
// each line (what was sold minus what was refunded), and above the store's refund limit only
// with a manager's approval.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { recordSale } from '../../../../src/app/db/record-sale';
import { RefundScreen } from '../../../../src/app/features/refund/refund-screen';
import { cashSaleOf } from '../../../support/till-db';
import { renderTill } from '../render-till';
import * as fixtures from '../fixtures';
import type { StoreOpsTill } from './store-ops-till';
import { storeOpsTill } from './store-ops-till';

async function soldThree(till: StoreOpsTill) {
  const product = till.fx.products[0]!;
  const sale = cashSaleOf(product, fixtures.cashier.id, 3);
  return recordSale(till.db, {
    ...sale,
    payments: [{ ...sale.payments[0]!, methodId: fixtures.paymentMethods[0]!.id }],
  });
}

async function find(user: ReturnType<typeof userEvent.setup>, receipt: string) {
  const field = screen.getByLabelText('Receipt number (scan or type)');
  await user.clear(field);
  // A keyboard-wedge scanner types the digits and Enter.
  await user.type(field, `${receipt}{Enter}`);
}

describe('refund screen', () => {
  it('refunds part of a line, then offers only what remains', async () => {
    const till = await storeOpsTill({}, { shift: true });
    const sale = await soldThree(till);
    const user = userEvent.setup();
    renderTill(<RefundScreen />, { data: till.data });
    await find(user, sale.receiptNumber);
    const qty = await screen.findByLabelText('Quantity to refund for Apple Juice');
    expect(qty).toHaveAttribute('max', '3');
    await user.clear(qty);
    await user.type(qty, '2');
    await user.click(screen.getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText(/Refunded on receipt S1-R1-000002/)).toBeInTheDocument();

    await find(user, sale.receiptNumber);
    expect(await screen.findByText('Apple Juice: 3 sold, 2 refunded')).toBeInTheDocument();
    const again = screen.getByLabelText('Quantity to refund for Apple Juice');
    expect(again).toHaveAttribute('max', '1');
    await user.clear(again);
    await user.type(again, '5');
    expect(again).toHaveValue(1);
    const refunds = await till.db.sales.where('refundOf').equals(sale.id).toArray();
    expect(refunds.map((r) => r.lines[0]?.quantity)).toEqual([-2]);
  });

  it('says so when no sale has the receipt number', async () => {
    const till = await storeOpsTill({}, { shift: true });
    const user = userEvent.setup();
    renderTill(<RefundScreen />, { data: till.data });
    await find(user, 'S1-R2-999999');
    expect(await screen.findByText(/No sale with this receipt number/)).toBeInTheDocument();
  });

  it("needs a manager's approval above the store's refund limit", async () => {
    const till = await storeOpsTill({ refundApprovalLimit: 100 }, { shift: true });
    const sale = await soldThree(till);
    const user = userEvent.setup();
    renderTill(<RefundScreen />, { data: till.data, user: fixtures.manager });
    await find(user, sale.receiptNumber);
    const qty = await screen.findByLabelText('Quantity to refund for Apple Juice');
    await user.clear(qty);
    await user.type(qty, '1');
    await user.click(screen.getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText(/Above €1.00: a manager approves/)).toBeInTheDocument();
    expect(await till.db.sales.where('refundOf').equals(sale.id).count()).toBe(0);
    await user.click(screen.getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText(/Refunded on receipt/)).toBeInTheDocument();
    const [refund] = await till.db.sales.where('refundOf').equals(sale.id).toArray();
    expect(refund?.refundApprovedBy).toBe(fixtures.manager.id);
  });

  it('gives a unit back at what it was paid, after its discounts', async () => {
    const till = await storeOpsTill({}, { shift: true });
    const product = till.fx.products[0]!;
    const base = cashSaleOf(product, fixtures.cashier.id, 2);
    const line = { ...base.lines[0]!, discount: 50 };
    const paid = 2 * product.price - 50 - 100;
    const sale = await recordSale(till.db, {
      ...base,
      lines: [line],
      orderDiscount: 100,
      payments: [{ methodId: fixtures.paymentMethods[0]!.id, kind: 'cash', amount: paid }],
    });
    const refund = await till.data.storeOps.recordRefund({
      original: sale,
      cashierId: fixtures.cashier.id,
      quantities: { [sale.lines[0]!.id]: 1 },
      tender: 'cash',
    });
    expect(refund.totals.total).toBe(-Math.round(paid / 2));
  });
});
