// @vitest-environment jsdom
// The sell screen's part of store operations: payment waits for an open shift (which can be
// opened from the cart), each line shows stock on hand, a line removed before payment and the
// attached customer reach the recorded sale.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useReducer, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { applyPulledPage } from '../../../../src/app/db/apply-pull';
import { recordSale } from '../../../../src/app/db/record-sale';
import { StoreOpsError } from '../../../../src/app/db/store-ops-error';
import { PaymentScreen } from '../../../../src/app/features/payment/payment-screen';
import type { Cart } from '../../../../src/app/features/sell/cart';
import { cartReducer, emptyCart } from '../../../../src/app/features/sell/cart';
import { SellScreen } from '../../../../src/app/features/sell/sell-screen';
import { TillScreen } from '../../../../src/app/features/till/till-screen';
import { cashSaleOf } from '../../../support/till-db';
import * as fixtures from '../fixtures';
import type { MemoryTillData } from '../memory-till-data';
import { renderTill } from '../render-till';
import { storeOpsTill } from '../store-ops/store-ops-till';

const noop = () => undefined;
const [bread, juice, water] = fixtures.products;
const ada = { id: '0190a000-0000-7000-8000-000000000c01', name: 'Ada Lovelace' };

type User = ReturnType<typeof userEvent.setup>;

async function addByCategory(user: User, category: string, product: RegExp) {
  await user.click(screen.getByRole('button', { name: category }));
  await user.click(await screen.findByRole('button', { name: product }));
  await user.click(screen.getByRole('button', { name: /All categories/ }));
}

const cartPane = () => screen.getByRole('region', { name: 'Cart' });
const line = (name: string) =>
  within(screen.getByRole('list', { name: 'Items in the cart' })).getByRole('listitem', { name });

/** The sell screen and payment over a cart that may start with a customer attached. */
function Till(props: { start: Cart }) {
  const [cart, dispatch] = useReducer(cartReducer, props.start);
  const [paying, setPaying] = useState(false);
  return paying ? (
    <PaymentScreen cart={cart} onBack={() => setPaying(false)} onPaid={noop} />
  ) : (
    <SellScreen cart={cart} dispatch={dispatch} onPay={() => setPaying(true)} active />
  );
}

async function payCash(user: User, data: MemoryTillData) {
  await user.click(screen.getByRole('button', { name: /^Pay / }));
  await user.type(screen.getByLabelText('Cash received'), '{Enter}');
  await user.click(screen.getByRole('button', { name: 'Complete sale' }));
  await waitFor(() => expect(data.recorded).toHaveLength(1));
  return data.recorded[0]!;
}

describe('the sell screen with store operations', () => {
  it('rings up without a shift but pays only once one is open, opened from the cart', async () => {
    const till = await storeOpsTill();
    const user = userEvent.setup();
    renderTill(<TillScreen onSignedOut={noop} />, { data: till.data });
    await addByCategory(user, 'Bakery', /Add Bread/);
    expect(line('Bread')).toBeInTheDocument();

    const pay = screen.getByRole('button', { name: 'Pay €2.50' });
    expect(pay).toBeDisabled();
    const gate = await screen.findByText('No shift is open: open one to take payment.');
    await user.keyboard('{F9}');
    expect(screen.queryByLabelText('Cash received')).toBeNull();

    await user.click(within(gate.parentElement!).getByRole('button', { name: 'Open shift' }));
    const dialog = await screen.findByRole('dialog', { name: 'Open shift' });
    await user.type(within(dialog).getByLabelText(/^Float/), '100');
    await user.click(within(dialog).getByRole('button', { name: 'Open shift' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect((await till.db.shifts.toArray()).map((s) => [s.status, s.openingFloat])).toEqual([
      ['open', 10_000],
    ]);
    await waitFor(() => expect(pay).toBeEnabled());
    expect(screen.queryByText('No shift is open: open one to take payment.')).toBeNull();
    await user.keyboard('{F9}');
    expect(await screen.findByLabelText('Cash received')).toBeInTheDocument();
  });

  it('shows stock on hand per line, live, warns when the cart wants more, and not for untracked products', async () => {
    const till = await storeOpsTill({}, { shift: true });
    till.data.products = fixtures.products.map((p) =>
      p.id === water!.id ? { ...p, stockTracked: false } : p,
    );
    const level = { storeId: fixtures.store.id, productId: bread!.id, onHand: 3 };
    await applyPulledPage(
      till.db,
      {
        epoch: 'e1',
        from: 'c0',
        cursor: 'c1',
        hasMore: false,
        changes: [{ entity: 'stockLevels', id: bread!.id, version: '1', data: level }],
      },
      () => 0,
    );
    const user = userEvent.setup();
    renderTill(<TillScreen onSignedOut={noop} />, { data: till.data });
    await addByCategory(user, 'Bakery', /Add Bread/);
    await addByCategory(user, 'Drinks', /Add Orange Juice/);
    await addByCategory(user, 'Drinks', /Add Water/);

    expect(await within(line('Bread')).findByText('3 in stock')).not.toHaveClass('short');
    // Tracked, with no level and no moves: none in stock, fewer than the cart holds.
    await waitFor(() =>
      expect(within(line('Orange Juice')).getByText('only 0 in stock')).toHaveClass('short'),
    );
    // Untracked: nothing shown.
    expect(line('Water')).not.toHaveTextContent(/in stock/);

    // This register sells two elsewhere (another tab): the pending moves count at once.
    await recordSale(till.db, cashSaleOf(bread!, fixtures.cashier.id, 2));
    expect(await within(line('Bread')).findByText('1 in stock')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'One more Bread' }));
    expect(within(line('Bread')).getByText('only 1 in stock')).toHaveClass('line-stock short');
  });

  it('records a line removed before payment as voided, by whom, and the attached customer', async () => {
    const till = await storeOpsTill({}, { shift: true });
    const user = userEvent.setup();
    renderTill(<Till start={{ ...emptyCart, customer: ada }} />, { data: till.data });
    expect(within(cartPane()).getByText('Customer: Ada Lovelace')).toBeInTheDocument();
    await addByCategory(user, 'Bakery', /Add Bread/);
    await addByCategory(user, 'Drinks', /Add Orange Juice/);
    await user.click(screen.getByRole('button', { name: 'One more Orange Juice' }));
    await user.click(screen.getByRole('button', { name: 'Remove Orange Juice' }));

    const draft = await payCash(user, till.data);
    expect(draft.lines.map((l) => l.name)).toEqual(['Bread']);
    expect(draft.voidedLines).toEqual([
      {
        productId: juice!.id,
        name: 'Orange Juice',
        quantity: 2,
        unitPrice: 199,
        voidedBy: fixtures.cashier.id,
      },
    ]);
    expect(draft.customerId).toBe(ada.id);
  });

  it('takes the customer off the sale with one click', async () => {
    const till = await storeOpsTill({}, { shift: true });
    const user = userEvent.setup();
    renderTill(<Till start={{ ...emptyCart, customer: ada }} />, { data: till.data });
    await addByCategory(user, 'Bakery', /Add Bread/);
    await user.click(
      screen.getByRole('button', { name: 'Remove customer Ada Lovelace from the sale' }),
    );
    expect(within(cartPane()).queryByText('Customer: Ada Lovelace')).toBeNull();
    const draft = await payCash(user, till.data);
    expect(draft.customerId).toBeUndefined();
    expect(draft.voidedLines).toBeUndefined();
  });

  it('records a cleared cart as a voided sale, not silently discarded', async () => {
    const till = await storeOpsTill({}, { shift: true });
    const user = userEvent.setup();
    renderTill(<Till start={emptyCart} />, { data: till.data });
    await addByCategory(user, 'Bakery', /Add Bread/);
    await user.click(screen.getByRole('button', { name: 'One more Bread' }));
    await user.click(within(cartPane()).getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(within(cartPane()).queryByRole('listitem')).toBeNull());
    const [voided] = await till.db.saleVoids.toArray();
    expect(voided).toMatchObject({ total: 500, lines: [{ name: 'Bread', quantity: 2 }] });
    expect((await till.db.outbox.toArray()).map((e) => e.kind)).toEqual(['sale.void']);
  });

  it('says in words that nothing was sold when the shift closed meanwhile', async () => {
    const till = await storeOpsTill({}, { shift: true });
    till.data.failNextSale = new StoreOpsError('NoOpenShift', 'No shift is open.');
    const user = userEvent.setup();
    renderTill(<Till start={emptyCart} />, { data: till.data });
    await addByCategory(user, 'Bakery', /Add Bread/);
    await user.click(screen.getByRole('button', { name: /^Pay / }));
    await user.type(screen.getByLabelText('Cash received'), '{Enter}');
    await user.click(screen.getByRole('button', { name: 'Complete sale' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No shift is open on this register, so nothing was sold. Open a shift first.',
    );
    expect(till.data.recorded).toEqual([]);
  });
});
