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
    cart = cartReducer(cart, { type: 'quantity', lineId: id, quantity: 1, by: 'c1' });
    expect(cart.lines[0]!.discount).toBe(250);
    expect(cartReducer(cart, { type: 'quantity', lineId: id, quantity: 0, by: 'c1' })).toBe(cart);
  });

  it('keeps units taken off a line as voided, and nothing for units added', () => {
    let cart = add(add(add(emptyCart)));
    const id = cart.lines[0]!.id;
    cart = cartReducer(cart, { type: 'quantity', lineId: id, quantity: 5, by: 'c1' });
    expect(cart.voidedLines).toEqual([]);
    cart = cartReducer(cart, { type: 'quantity', lineId: id, quantity: 2, by: 'c1' });
    expect(cart.lines[0]!.quantity).toBe(2);
    expect(cart.voidedLines).toEqual([
      expect.objectContaining({ productId: cart.lines[0]!.productId, quantity: 3, voidedBy: 'c1' }),
    ]);
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

  it('keeps a removed line as voided, with who removed it, and clears it with the cart', () => {
    let cart = add(add(emptyCart));
    cart = cartReducer(cart, { type: 'add', product: products[1]!, taxBasisPoints: 1900 });
    const first = cart.lines[0]!;
    cart = cartReducer(cart, { type: 'remove', lineId: first.id, voidedBy: 'c1' });
    expect(cart.lines.map((l) => l.name)).toEqual(['Orange Juice']);
    expect(cart.voidedLines).toEqual([
      { productId: first.productId, name: 'Bread', quantity: 2, unitPrice: 250, voidedBy: 'c1' },
    ]);
    // Removing a line that is not there records nothing.
    expect(cartReducer(cart, { type: 'remove', lineId: first.id, voidedBy: 'c1' })).toBe(cart);
    expect(cartReducer(cart, { type: 'clear' })).toEqual(emptyCart);
  });

  it('attaches a customer, replaces or removes it, and a new cart starts without one', () => {
    const ada = { id: '0190a000-0000-7000-8000-000000000c01', name: 'Ada Lovelace' };
    let cart = cartReducer(add(emptyCart), { type: 'setCustomer', customer: ada });
    expect(cart.customer).toEqual(ada);
    expect(cart.lines).toHaveLength(1);
    const bob = { id: '0190a000-0000-7000-8000-000000000c02', name: 'Bob' };
    cart = cartReducer(cart, { type: 'setCustomer', customer: bob });
    expect(cart.customer).toEqual(bob);
    expect(cartReducer(cart, { type: 'setCustomer', customer: null }).customer).toBeNull();
    expect(cartReducer(cart, { type: 'clear' }).customer).toBeNull();
  });

  it('remembers whether a product tracks stock on its line', () => {
    const untracked = { ...bread, id: '0190a000-0000-7000-8000-000000000199', stockTracked: false };
    let cart = add(emptyCart);
    cart = cartReducer(cart, { type: 'add', product: untracked, taxBasisPoints: 700 });
    expect(cart.lines.map((l) => l.stockTracked)).toEqual([true, false]);
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
