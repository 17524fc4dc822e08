// A sale as the register records it and pushes it. Immutable once committed on the device.
import { z } from 'zod/mini';
import { basisPoints, id, money } from './ids';
import { paymentMethodKind } from './catalog';

export const priceOverride = z.object({
  /** The catalog price the line would have had. */
  originalPrice: money,
  /** The manager who approved it on the spot. */
  approvedBy: id,
});

/** A line taken off the cart before payment. */
export const voidedLine = z.object({
  productId: id,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  quantity: z.number().check(z.int()),
  unitPrice: money,
  voidedBy: id,
});
export type VoidedLine = z.infer<typeof voidedLine>;

export const saleLine = z.object({
  id,
  productId: id,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  quantity: z.number().check(
    z.int(),
    z.refine((q) => q !== 0, 'quantity cannot be 0'),
  ),
  unitPrice: money,
  discount: money.check(z.minimum(0)),
  taxRateId: id,
  taxBasisPoints: basisPoints,
  /** quantity × unitPrice − discount */
  total: money,
  /** This line's share of the tax of its rate. */
  tax: money,
  priceOverride: z.optional(priceOverride),
  /** On a refund: the line of the original sale this line gives back (quantity < 0). */
  refundOfLineId: z.optional(id),
});
export type SaleLine = z.infer<typeof saleLine>;

export const salePayment = z.object({
  id,
  methodId: id,
  kind: paymentMethodKind,
  /** What this tender pays of the total (for cash: tendered − change). */
  amount: money,
  tendered: z.optional(money),
  change: z.optional(money.check(z.minimum(0))),
});
export type SalePayment = z.infer<typeof salePayment>;

export const saleTotals = z.object({
  subtotal: money,
  discount: money,
  tax: money,
  rounding: money,
  total: money,
});
export type SaleTotals = z.infer<typeof saleTotals>;

export const sale = z.object({
  id,
  receiptNumber: z.string().check(z.regex(/^[A-Z0-9]+-[A-Z0-9]+-\d{6,}$/)),
  storeId: id,
  registerId: id,
  shiftId: z.optional(z.nullable(id)),
  cashierId: id,
  /** The customer attached at the till (kept in the sale's record; not checked on the server). */
  customerId: z.optional(id),
  /** The device's clock when the sale was completed (may be wrong; the HLC orders). */
  deviceTime: z.iso.datetime({ offset: true }),
  hlc: z.string().check(z.minLength(1), z.maxLength(100)),
  pricesIncludeTax: z.boolean(),
  lines: z.array(saleLine).check(z.minLength(1), z.maxLength(500)),
  orderDiscount: money.check(z.minimum(0)),
  payments: z.array(salePayment).check(z.minLength(1), z.maxLength(20)),
  totals: saleTotals,
  /** A refund is its own negative sale linked to the original one. */
  refundOf: z.optional(id),
  /** The manager who approved a refund above the store's limit on the spot. */
  refundApprovedBy: z.optional(id),
  /** Lines voided before payment: recorded on the sale, not silently dropped. */
  voidedLines: z.optional(z.array(voidedLine).check(z.maxLength(500))),
});
export type Sale = z.infer<typeof sale>;
