// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TillScreen } from '../../../../src/app/features/till/till-screen';
import { TillDataError } from '../../../../src/app/features/till-data-error';
import { MemoryTillData } from '../memory-till-data';
import { renderTill } from '../render-till';
import * as fixtures from '../fixtures';

const noop = () => undefined;
const [cashMethod, cardMethod] = fixtures.paymentMethods;

/** Bread 2.50 and Orange Juice 1.99 in the cart, then on to payment: 4.49 to pay. */
async function ringUpAndPay(user: ReturnType<typeof userEvent.setup>) {
  const search = screen.getByRole('combobox', { name: 'Search products' });
  await user.type(search, 'bread');
  await screen.findByRole('option', { name: /Bread/ });
  await user.keyboard('{Enter}');
  await user.type(search, 'juice');
  await screen.findByRole('option', { name: /Orange Juice/ });
  await user.keyboard('{Enter}');
  await user.keyboard('{F9}');
  // The payment screen comes in its own chunk: wait for it.
  expect(await screen.findByTestId('due')).toHaveTextContent('€4.49');
}

describe('payment', () => {
  it('takes cash, shows the change, and shows the receipt once the sale is recorded', async () => {
    const user = userEvent.setup();
    const { data } = renderTill(<TillScreen onSignedOut={noop} />);
    await ringUpAndPay(user);

    // The whole sale works from the keyboard: the amount field has the focus, prefilled.
    const tendered = screen.getByLabelText('Cash received');
    await waitFor(() => expect(tendered).toHaveValue('4.49'));
    expect(tendered).toHaveFocus();
    await user.keyboard('{Control>}a{/Control}20{Enter}');
    expect(screen.getByTestId('remaining')).toHaveTextContent('€0.00');
    expect(screen.getByTestId('change')).toHaveTextContent('€15.51');
    const complete = screen.getByRole('button', { name: 'Complete sale' });
    expect(complete).toHaveFocus();
    await user.keyboard('{Enter}');

    const receipt = await screen.findByRole('article', { name: 'Receipt S1-R1-000001' });
    expect(within(receipt).getByTestId('receipt-total')).toHaveTextContent('€4.49');
    expect(within(receipt).getByTestId('receipt-change')).toHaveTextContent('€15.51');
    expect(within(receipt).getByText('Not yet synced')).toBeInTheDocument();
    expect(within(receipt).getByText('Served by Clara Cashier')).toBeInTheDocument();

    expect(data.recorded).toHaveLength(1);
    const sale = data.recorded[0]!;
    expect(sale.totals).toEqual({ subtotal: 449, discount: 0, tax: 48, rounding: 0, total: 449 });
    expect(sale.payments).toEqual([
      expect.objectContaining({
        methodId: cashMethod!.id,
        kind: 'cash',
        amount: 449,
        tendered: 2000,
        change: 1551,
      }),
    ]);
    expect(sale.lines.map((l) => [l.name, l.total, l.tax])).toEqual([
      ['Bread', 250, 16],
      ['Orange Juice', 199, 32],
    ]);

    // A new sale starts with an empty cart.
    await user.click(screen.getByRole('button', { name: 'New sale' }));
    expect(screen.getByTestId('total')).toHaveTextContent('€0.00');
  });

  it('offers quick cash amounts: the exact amount and the next notes', async () => {
    const user = userEvent.setup();
    const { data } = renderTill(<TillScreen onSignedOut={noop} />);
    await ringUpAndPay(user);
    const quick = screen.getByRole('group', { name: 'Quick cash amounts' });
    expect(
      within(quick)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['€4.49', '€5.00', '€10.00', '€20.00', '€50.00']);
    await user.click(within(quick).getByRole('button', { name: '€10.00' }));
    expect(screen.getByTestId('change')).toHaveTextContent('€5.51');
    await user.click(screen.getByRole('button', { name: 'Complete sale' }));
    await screen.findByRole('article', { name: /Receipt/ });
    expect(data.recorded[0]!.payments[0]).toMatchObject({
      tendered: 1000,
      change: 551,
      amount: 449,
    });
  });

  it('splits a sale over card and cash, change only from the cash', async () => {
    const user = userEvent.setup();
    const { data } = renderTill(<TillScreen onSignedOut={noop} />);
    await ringUpAndPay(user);
    await user.click(screen.getByRole('radio', { name: 'Card' }));
    const amount = screen.getByLabelText('Amount');
    await user.clear(amount);
    await user.type(amount, '3{Enter}');
    expect(screen.getByTestId('remaining')).toHaveTextContent('€1.49');

    await user.click(screen.getByRole('radio', { name: 'Cash' }));
    const tendered = screen.getByLabelText('Cash received');
    expect(tendered).toHaveValue('1.49');
    await user.clear(tendered);
    await user.type(tendered, '2{Enter}');
    expect(screen.getByTestId('change')).toHaveTextContent('€0.51');
    await user.click(screen.getByRole('button', { name: 'Complete sale' }));
    await screen.findByRole('article', { name: /Receipt/ });
    expect(data.recorded[0]!.payments).toEqual([
      expect.objectContaining({ methodId: cardMethod!.id, kind: 'card', amount: 300 }),
      expect.objectContaining({ kind: 'cash', amount: 149, tendered: 200, change: 51 }),
    ]);
  });

  it('refuses a card payment above what is left to pay', async () => {
    const user = userEvent.setup();
    renderTill(<TillScreen onSignedOut={noop} />);
    await ringUpAndPay(user);
    await user.click(screen.getByRole('radio', { name: 'Card' }));
    const amount = screen.getByLabelText('Amount');
    await user.clear(amount);
    await user.type(amount, '10{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'A card or other payment cannot be more than what is left to pay (€4.49).',
    );
    expect(screen.getByRole('button', { name: 'Complete sale' })).toBeDisabled();
  });

  it('shows no receipt until the sale has committed', async () => {
    const user = userEvent.setup();
    const data = new MemoryTillData();
    let commit!: () => void;
    data.commitGate = new Promise((resolve) => (commit = resolve));
    renderTill(<TillScreen onSignedOut={noop} />, { data });
    await ringUpAndPay(user);
    await user.type(screen.getByLabelText('Cash received'), '{Enter}');
    await user.click(screen.getByRole('button', { name: 'Complete sale' }));

    expect(screen.getByRole('button', { name: 'Saving the sale…' })).toBeDisabled();
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
    commit();
    expect(
      await screen.findByRole('article', { name: 'Receipt S1-R1-000001' }),
    ).toBeInTheDocument();
  });

  it('says in words that storage is full, keeps the cart, and shows no receipt', async () => {
    const user = userEvent.setup();
    const data = new MemoryTillData();
    data.failNextSale = new TillDataError('StorageFull', 'quota');
    renderTill(<TillScreen onSignedOut={noop} />, { data });
    await ringUpAndPay(user);
    await user.type(screen.getByLabelText('Cash received'), '{Enter}');
    await user.click(screen.getByRole('button', { name: 'Complete sale' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The storage of this device is full, so nothing was saved.',
    );
    expect(screen.queryByRole('article')).not.toBeInTheDocument();
    expect(data.sales).toHaveLength(0);

    // The cashier can try again once there is room: the same sale, now recorded.
    await user.click(screen.getByRole('button', { name: 'Complete sale' }));
    expect(
      await screen.findByRole('article', { name: 'Receipt S1-R1-000001' }),
    ).toBeInTheDocument();
  });

  it('never shows a stack trace for an unexpected failure', async () => {
    const user = userEvent.setup();
    const data = new MemoryTillData();
    data.failNextSale = new TypeError("Cannot read properties of undefined (reading 'x')");
    renderTill(<TillScreen onSignedOut={noop} />, { data });
    await ringUpAndPay(user);
    await user.type(screen.getByLabelText('Cash received'), '{Enter}');
    await user.click(screen.getByRole('button', { name: 'Complete sale' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('That did not work, and nothing was saved. Please try again.');
    expect(alert).not.toHaveTextContent('undefined');
  });
});
