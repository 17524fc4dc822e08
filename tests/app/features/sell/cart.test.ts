import { describe, expect, it } from 'vitest';
import { cartReducer, emptyCart } from '../../../../src/app/features/sell/cart';
import type { Cart } from '../../../../src/app/features/sell/cart';
import { cartTotals } from '../../../../src/app/features/sell/cart-totals';
import { products } from '../fixtures';

const bread = products[0]!;
const add = (cart: Cart) => cartReducer(cart, { type: 'add', product: bread, taxBasisPoints: 700 });

describe('the cart', () => {
  it('adds the same product to its line, unless that line was changed by hand', () => {
    let cart = add(add(emptyCart));
    expect(cart.lines).toHaveLength(1);
    expect(cart.lines[0]!.quantity).toBe(2);
    cart = cartReducer(cart, { type: 'lineDiscount', lineId: cart.lines[0]!.id, discount: 100 });
    cart = add(cart);
    expect(cart.lines.map((l) => [l.quantity, l.discount])).toEqual([
      [2, 100],
      [1, 0],
    ]);
  });

  it('keeps a line discount within what the line costs, also when the quantity drops', () => {
    let cart = add(add(emptyCart));
    const id = cart.lines[0]!.id;
    cart = cartReducer(cart, { type: 'lineDiscount', lineId: id, discount: 400 });
    cart = cartReducer(cart, { type: 'quantity', lineId: id, quantity: 1 });
    expect(cart.lines[0]!.discount).toBe(250);
    expect(cartReducer(cart, { type: 'quantity', lineId: id, quantity: 0 })).toBe(cart);
  });

  it('records the catalog price and the approver of a price override, once', () => {
    let cart = add(emptyCart);
    const id = cart.lines[0]!.id;
    cart = cartReducer(cart, { type: 'overridePrice', lineId: id, price: 200, approvedBy: 'm1' });
    cart = cartReducer(cart, { type: 'overridePrice', lineId: id, price: 150, approvedBy: 'm2' });
    expect(cart.lines[0]).toMatchObject({
      unitPrice: 150,
      priceOverride: { originalPrice: 250, approvedBy: 'm2' },
    });
  });

  it('turns a percent order discount into an amount of the current subtotal', () => {
    let cart = add(add(emptyCart));
    cart = cartReducer(cart, {
      type: 'orderDiscount',
      discount: { kind: 'percent', basisPoints: 1250 },
    });
    const store = { pricesIncludeTax: true, cashRounding: 1 };
    expect(cartTotals(cart, store, false)).toMatchObject({
      subtotal: 500,
      discount: 63,
      total: 437,
    });
    cart = cartReducer(cart, { type: 'orderDiscount', discount: { kind: 'amount', amount: 9999 } });
    expect(cartTotals(cart, store, false)).toMatchObject({ discount: 500, total: 0 });
  });
});
