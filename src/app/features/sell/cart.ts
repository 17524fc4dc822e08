// The cart being rung up: a pure reducer, so every change is one testable step. Amounts are
// minor units; a line's discount never exceeds what the line costs. A line removed before
// payment, or units taken off a line, are kept with who took them off (the sale records them
// as voided), and a customer may be attached; 'clear' starts a fresh cart.
import type { Product } from '../../../shared/records/catalog';
import type { VoidedLine } from '../../../shared/records/sale';
import { uuidv7 } from '../../../shared/uuidv7';

export interface CartLine {
  id: string;
  productId: string;
  name: string;
  quantity: number;
  unitPrice: number;
  /** Amount off this line. */
  discount: number;
  taxRateId: string;
  taxBasisPoints: number;
  priceOverride?: { originalPrice: number; approvedBy: string };
  /** Whether selling it moves stock (the product's stockTracked); unknown on resumed lines. */
  stockTracked?: boolean;
}

export interface CartCustomer {
  id: string;
  name: string;
}

export type OrderDiscount =
  { kind: 'none' } | { kind: 'percent'; basisPoints: number } | { kind: 'amount'; amount: number };

export interface Cart {
  lines: CartLine[];
  orderDiscount: OrderDiscount;
  /** The customer the sale is for, if one is attached. */
  customer: CartCustomer | null;
  /** Lines taken off before payment, with who took them off. */
  voidedLines: VoidedLine[];
}

export const emptyCart: Cart = {
  lines: [],
  orderDiscount: { kind: 'none' },
  customer: null,
  voidedLines: [],
};

export type CartAction =
  | { type: 'add'; product: Product; taxBasisPoints: number }
  /** A new quantity; units taken off are kept as voided by `by` (a user id). */
  | { type: 'quantity'; lineId: string; quantity: number; by: string }
  /** Takes a line off the cart; it is kept as voided by `voidedBy` (a user id). */
  | { type: 'remove'; lineId: string; voidedBy: string }
  | { type: 'lineDiscount'; lineId: string; discount: number }
  | { type: 'overridePrice'; lineId: string; price: number; approvedBy: string }
  | { type: 'orderDiscount'; discount: OrderDiscount }
  | { type: 'setCustomer'; customer: CartCustomer | null }
  | { type: 'clear' }
  /** A resumed parked order: its lines join the cart as they were. */
  | { type: 'restore'; lines: Omit<CartLine, 'id'>[] };

function clampDiscount(line: CartLine): CartLine {
  const max = Math.max(0, line.quantity * line.unitPrice);
  return line.discount > max ? { ...line, discount: max } : line;
}

function updateLine(cart: Cart, lineId: string, change: (l: CartLine) => CartLine): Cart {
  return {
    ...cart,
    lines: cart.lines.map((l) => (l.id === lineId ? clampDiscount(change(l)) : l)),
  };
}

function voidOf(line: CartLine, quantity: number, voidedBy: string): VoidedLine {
  return {
    productId: line.productId,
    name: line.name,
    quantity,
    unitPrice: line.unitPrice,
    voidedBy,
  };
}

export function cartReducer(cart: Cart, action: CartAction): Cart {
  switch (action.type) {
    case 'add': {
      // The same product again adds to its line, unless that line was changed by hand.
      const same = cart.lines.find(
        (l) => l.productId === action.product.id && !l.priceOverride && l.discount === 0,
      );
      if (same) return updateLine(cart, same.id, (l) => ({ ...l, quantity: l.quantity + 1 }));
      const line: CartLine = {
        id: uuidv7(),
        productId: action.product.id,
        name: action.product.name,
        quantity: 1,
        unitPrice: action.product.price,
        discount: 0,
        taxRateId: action.product.taxRateId,
        taxBasisPoints: action.taxBasisPoints,
        stockTracked: action.product.stockTracked,
      };
      return { ...cart, lines: [...cart.lines, line] };
    }
    case 'quantity': {
      const line = cart.lines.find((l) => l.id === action.lineId);
      if (!line || !Number.isSafeInteger(action.quantity) || action.quantity < 1) return cart;
      const taken = line.quantity - action.quantity;
      const updated = updateLine(cart, action.lineId, (l) => ({ ...l, quantity: action.quantity }));
      return taken > 0
        ? { ...updated, voidedLines: [...cart.voidedLines, voidOf(line, taken, action.by)] }
        : updated;
    }
    case 'remove': {
      const gone = cart.lines.find((l) => l.id === action.lineId);
      if (!gone) return cart;
      return {
        ...cart,
        lines: cart.lines.filter((l) => l !== gone),
        voidedLines: [...cart.voidedLines, voidOf(gone, gone.quantity, action.voidedBy)],
      };
    }
    case 'lineDiscount':
      return updateLine(cart, action.lineId, (l) => ({
        ...l,
        discount: Math.max(0, action.discount),
      }));
    case 'overridePrice':
      return updateLine(cart, action.lineId, (l) => ({
        ...l,
        unitPrice: action.price,
        priceOverride: {
          originalPrice: l.priceOverride?.originalPrice ?? l.unitPrice,
          approvedBy: action.approvedBy,
        },
      }));
    case 'orderDiscount':
      return { ...cart, orderDiscount: action.discount };
    case 'setCustomer':
      return { ...cart, customer: action.customer };
    case 'clear':
      return emptyCart;
    case 'restore':
      return {
        ...cart,
        lines: [...cart.lines, ...action.lines.map((l) => ({ ...l, id: uuidv7() }))],
      };
  }
}
