// @vitest-environment jsdom
// From the sell screen: park the cart with a note (the cart empties), resume it from the
// parked list (the lines come back as rung up), and void a whole unpaid cart (recorded).
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useReducer } from 'react';
import { describe, expect, it } from 'vitest';
import type { Cart } from '../../../../src/app/features/sell/cart';
import { cartReducer } from '../../../../src/app/features/sell/cart';
import { StoreOpsBar } from '../../../../src/app/features/sell/store-ops-bar';
import type { StoreOpsData } from '../../../../src/app/features/store-ops-data';
import { renderTill } from '../render-till';
import { storeOpsTill } from './store-ops-till';

const start: Cart = {
  orderDiscount: { kind: 'none' },
  customer: null,
  voidedLines: [],
  lines: [
    {
      id: '0190a000-0000-7000-8000-000000000101',
      productId: '0190a000-0000-7000-8000-000000000102',
      name: 'Sourdough',
      quantity: 2,
      unitPrice: 450,
      discount: 50,
      taxRateId: '0190a000-0000-7000-8000-0000000000c2',
      taxBasisPoints: 700,
    },
  ],
};

function Harness(props: { ops: StoreOpsData }) {
  const [cart, dispatch] = useReducer(cartReducer, start);
  return (
    <>
      <output aria-label="cart">
        {cart.lines.map((l) => `${l.name}×${l.quantity}-${l.discount}`).join(',')}
      </output>
      <StoreOpsBar ops={props.ops} cart={cart} dispatch={dispatch} onDialog={() => undefined} />
    </>
  );
}

describe('store operations from the sell screen', () => {
  it('parks the cart with a note and resumes it as it was', async () => {
    const till = await storeOpsTill();
    const user = userEvent.setup();
    renderTill(<Harness ops={till.data.storeOps} />, { data: till.data });
    await user.click(screen.getByRole('button', { name: 'Park' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText('Note'), 'back in 5');
    await user.click(within(dialog).getByRole('button', { name: 'Park' }));
    await waitFor(() => expect(screen.getByLabelText('cart')).toHaveTextContent(''));
    expect((await till.db.parkedOrders.toArray()).map((o) => o.note)).toEqual(['back in 5']);

    await user.click(screen.getByRole('button', { name: 'Parked orders' }));
    const item = (await screen.findByText('back in 5')).closest('li')!;
    await user.click(within(item).getByRole('button', { name: 'Resume' }));
    await waitFor(() => expect(screen.getByLabelText('cart')).toHaveTextContent('Sourdough×2-50'));
  });

  it('voids the whole unpaid cart and records it', async () => {
    const till = await storeOpsTill();
    const user = userEvent.setup();
    renderTill(<Harness ops={till.data.storeOps} />, { data: till.data });
    await user.click(screen.getByRole('button', { name: 'Void sale' }));
    await waitFor(() => expect(screen.getByLabelText('cart')).toHaveTextContent(''));
    const [voided] = await till.db.saleVoids.toArray();
    expect(voided).toMatchObject({ total: 850, lines: [{ name: 'Sourdough', quantity: 2 }] });
    expect((await till.db.outbox.toArray()).map((e) => e.kind)).toEqual(['sale.void']);
  });
});
