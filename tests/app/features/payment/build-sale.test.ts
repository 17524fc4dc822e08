// The sale draft the payment screen hands to the data port: its lines and totals, the payments
// as settled, the lines voided before payment and the attached customer.
import { describe, expect, it } from 'vitest';
import { buildSale } from '../../../../src/app/features/payment/build-sale';
import { cartReducer, emptyCart } from '../../../../src/app/features/sell/cart';
import { cashier, paymentMethods, products } from '../fixtures';

const store = { pricesIncludeTax: true, cashRounding: 1 };
const [bread, juice] = products;
const ada = { id: '0190a000-0000-7000-8000-000000000c01', name: 'Ada Lovelace' };

function cartWithVoidAndCustomer() {
  let cart = cartReducer(emptyCart, { type: 'add', product: bread!, taxBasisPoints: 700 });
  cart = cartReducer(cart, { type: 'add', product: juice!, taxBasisPoints: 1900 });
  cart = cartReducer(cart, { type: 'remove', lineId: cart.lines[1]!.id, voidedBy: cashier.id });
  return cartReducer(cart, { type: 'setCustomer', customer: ada });
}

const cash = (amount: number) => [
  {
    id: '0190a000-0000-7000-8000-000000000e01',
    methodId: paymentMethods[0]!.id,
    kind: 'cash' as const,
    amount,
  },
];

describe('buildSale', () => {
  it('carries the voided lines and the customer id onto the sale', () => {
    const draft = buildSale({
      id: '0190a000-0000-7000-8000-000000000e02',
      cart: cartWithVoidAndCustomer(),
      store,
      tenders: cash(500),
      cashierId: cashier.id,
    });
    expect(draft?.lines.map((l) => l.name)).toEqual(['Bread']);
    expect(draft?.totals.total).toBe(250);
    expect(draft?.voidedLines).toEqual([
      {
        productId: juice!.id,
        name: 'Orange Juice',
        quantity: 1,
        unitPrice: 199,
        voidedBy: cashier.id,
      },
    ]);
    expect(draft?.customerId).toBe(ada.id);
  });

  it('leaves both out when nothing was voided and no customer is attached', () => {
    const cart = cartReducer(emptyCart, { type: 'add', product: bread!, taxBasisPoints: 700 });
    const draft = buildSale({
      id: '0190a000-0000-7000-8000-000000000e03',
      cart,
      store,
      tenders: cash(250),
      cashierId: cashier.id,
    })!;
    expect('voidedLines' in draft).toBe(false);
    expect('customerId' in draft).toBe(false);
  });
});
