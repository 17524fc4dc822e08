// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { TillScreen } from '../../../../src/app/features/till/till-screen';
import { MemoryTillData } from '../memory-till-data';
import { renderTill } from '../render-till';

const noop = () => undefined;
const total = () => screen.getByTestId('total').textContent;

async function addByCategory(
  user: ReturnType<typeof userEvent.setup>,
  category: string,
  product: RegExp,
) {
  await user.click(screen.getByRole('button', { name: category }));
  await user.click(await screen.findByRole('button', { name: product }));
  await user.click(screen.getByRole('button', { name: /All categories/ }));
}

describe('running totals on the sell screen', () => {
  it('adds lines and shows subtotal, the tax included per rate and the total', async () => {
    const user = userEvent.setup();
    renderTill(<TillScreen onSignedOut={noop} />);
    expect(total()).toBe('€0.00');

    await addByCategory(user, 'Bakery', /Add Bread/);
    await addByCategory(user, 'Drinks', /Add Orange Juice/);
    await user.click(screen.getByRole('button', { name: 'One more Orange Juice' }));

    const cart = screen.getByRole('list', { name: 'Items in the cart' });
    expect(within(cart).getByRole('listitem', { name: 'Orange Juice' })).toHaveTextContent('€3.98');
    // 2.50 at 7 % and 3.98 at 19 %, prices include tax: 16 and 64 cents of tax.
    expect(screen.getByTestId('subtotal')).toHaveTextContent('€6.48');
    expect(screen.getByTestId('tax-700')).toHaveTextContent('€0.16');
    expect(screen.getByTestId('tax-1900')).toHaveTextContent('€0.64');
    expect(screen.getByText('incl. VAT 19%')).toBeInTheDocument();
    expect(total()).toBe('€6.48');
    expect(screen.getByRole('button', { name: 'Pay €6.48' })).toBeEnabled();

    await user.click(screen.getByRole('button', { name: 'One fewer Orange Juice' }));
    expect(total()).toBe('€4.49');
    await user.click(screen.getByRole('button', { name: 'Remove Bread' }));
    expect(total()).toBe('€1.99');
    expect(screen.queryByTestId('tax-700')).not.toBeInTheDocument();
  });

  it('takes a line discount and a percent or amount order discount off the total', async () => {
    const user = userEvent.setup();
    renderTill(<TillScreen onSignedOut={noop} />);
    await addByCategory(user, 'Bakery', /Add Bread/);
    await addByCategory(user, 'Drinks', /Add Water/);

    await user.click(screen.getByRole('button', { name: 'Edit Bread' }));
    const dialog = await screen.findByRole('dialog', { name: 'Bread' });
    await user.type(within(dialog).getByLabelText('Discount on this line (amount)'), '0.50');
    await user.click(within(dialog).getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('listitem', { name: 'Bread' })).toHaveTextContent('€2.00');
    expect(total()).toBe('€2.89');

    await user.click(screen.getByRole('button', { name: 'Discount' }));
    await user.type(await screen.findByLabelText('Discount in percent'), '10');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    // 10 % of 2.89 is 0.289, rounded half away from zero to 0.29.
    expect(screen.getByTestId('discount')).toHaveTextContent('€0.29');
    expect(total()).toBe('€2.60');

    await user.click(screen.getByRole('button', { name: 'Change discount' }));
    await user.click(screen.getByRole('radio', { name: 'Amount' }));
    await user.clear(screen.getByLabelText('Discount amount'));
    await user.type(screen.getByLabelText('Discount amount'), '1');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(total()).toBe('€1.89');
  });

  it('refuses a discount larger than the line, in words', async () => {
    const user = userEvent.setup();
    renderTill(<TillScreen onSignedOut={noop} />);
    await addByCategory(user, 'Drinks', /Add Water/);
    await user.click(screen.getByRole('button', { name: 'Edit Water' }));
    await user.type(screen.getByLabelText('Discount on this line (amount)'), '5');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The discount cannot be more than the line costs (€0.89).',
    );
    expect(total()).toBe('€0.89');
  });

  it('adds the tax on top where prices exclude it, and shows the cash total where cash rounds', async () => {
    const user = userEvent.setup();
    const data = new MemoryTillData();
    data.store = { ...data.store, pricesIncludeTax: false, cashRounding: 5 };
    renderTill(<TillScreen onSignedOut={noop} />, { data });
    await addByCategory(user, 'Drinks', /Add Orange Juice/);
    // 1.99 + 19 % (0.3781 → 0.38) = 2.37; in cash, rounded to 0.05: 2.35.
    expect(screen.getByTestId('tax-1900')).toHaveTextContent('€0.38');
    expect(screen.getByText('VAT 19%')).toBeInTheDocument();
    expect(total()).toBe('€2.37');
    expect(screen.getByTestId('cash-total')).toHaveTextContent('€2.35');
  });

  it('adds the first hit of a search with Enter, and finds by SKU', async () => {
    const user = userEvent.setup();
    renderTill(<TillScreen onSignedOut={noop} />);
    const search = screen.getByRole('combobox', { name: 'Search products' });
    expect(search).toHaveFocus();
    await user.type(search, 'juice');
    expect(await screen.findByRole('option', { name: /Orange Juice/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await user.keyboard('{Enter}');
    expect(search).toHaveValue('');
    await user.type(search, 'S1-00003');
    await screen.findByRole('option', { name: /Water/ });
    await user.keyboard('{Enter}');
    expect(total()).toBe('€2.88');
  });
});
