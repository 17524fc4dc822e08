// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ReceiptView } from '../../../../src/app/features/receipt/receipt-view';
import type { Sale } from '../../../../src/shared/records/sale';
import { MemoryTillData } from '../memory-till-data';
import { renderTill } from '../render-till';
import * as fixtures from '../fixtures';

const [cash, card] = fixtures.paymentMethods;
const [vat19, vat7] = fixtures.taxRates;

/** Tax on top (US style): Juice 1.99 at 19 % overridden to 1.50, Bread 2×2.50 − 0.50 at 7 %. */
const sale: Sale = {
  id: '0190a000-0000-7000-8000-000000000a01',
  receiptNumber: 'S1-R1-000042',
  storeId: fixtures.store.id,
  registerId: fixtures.register.id,
  cashierId: fixtures.cashier.id,
  deviceTime: '2026-03-04T15:06:00.000Z',
  hlc: '000000000000001-00000-x',
  pricesIncludeTax: false,
  orderDiscount: 0,
  lines: [
    {
      id: '0190a000-0000-7000-8000-000000000b01',
      productId: fixtures.products[1]!.id,
      name: 'Orange Juice',
      quantity: 1,
      unitPrice: 150,
      discount: 0,
      taxRateId: vat19!.id,
      taxBasisPoints: 1900,
      total: 150,
      tax: 29,
      priceOverride: { originalPrice: 199, approvedBy: fixtures.manager.id },
    },
    {
      id: '0190a000-0000-7000-8000-000000000b02',
      productId: fixtures.products[0]!.id,
      name: 'Bread',
      quantity: 2,
      unitPrice: 250,
      discount: 50,
      taxRateId: vat7!.id,
      taxBasisPoints: 700,
      total: 450,
      tax: 32,
    },
  ],
  payments: [
    { id: '0190a000-0000-7000-8000-000000000c01', methodId: card!.id, kind: 'card', amount: 400 },
    {
      id: '0190a000-0000-7000-8000-000000000c02',
      methodId: cash!.id,
      kind: 'cash',
      amount: 261,
      tendered: 500,
      change: 239,
    },
  ],
  totals: { subtotal: 600, discount: 0, tax: 61, rounding: 0, total: 661 },
};

describe('the receipt', () => {
  it('shows store, register, number, cashier, date, lines, tax per rate, payments and change', () => {
    const data = new MemoryTillData();
    data.store = { ...data.store, pricesIncludeTax: false };
    renderTill(<ReceiptView local={{ sale, syncState: 'pending' }} />, { data });
    const receipt = screen.getByRole('article', { name: 'Receipt S1-R1-000042' });
    const r = within(receipt);
    expect(r.getByRole('note')).toHaveTextContent('Not yet synced');
    expect(r.getByRole('heading', { name: 'Test Market' })).toBeInTheDocument();
    expect(receipt).toHaveTextContent('Register 1');
    expect(r.getByTestId('receipt-number')).toHaveTextContent('S1-R1-000042');
    expect(receipt).toHaveTextContent('Served by Clara Cashier');
    expect(r.getByRole('time')).toHaveAttribute('datetime', '2026-03-04T15:06:00.000Z');
    expect(receipt).toHaveTextContent('price changed by a manager, was €1.99');
    expect(receipt).toHaveTextContent('2 × €2.50');
    expect(receipt).toHaveTextContent('discount −€0.50');
    // Tax per rate, on each rate's lines: 7 % of 4.50 and 19 % of 1.50.
    expect(r.getByRole('row', { name: /VAT 7%/ })).toHaveTextContent('€4.50€0.32');
    expect(r.getByRole('row', { name: /VAT 19%/ })).toHaveTextContent('€1.50€0.29');
    expect(r.getByTestId('receipt-total')).toHaveTextContent('€6.61');
    const payments = r.getByRole('list', { name: 'Payments' });
    expect(payments).toHaveTextContent('Card€4.00');
    expect(payments).toHaveTextContent('Cash€5.00');
    expect(r.getByTestId('receipt-change')).toHaveTextContent('€2.39');
  });

  it('has no "not yet synced" mark once the server has the sale', () => {
    renderTill(<ReceiptView local={{ sale, syncState: 'synced' }} />);
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
  });
});
