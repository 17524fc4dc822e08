// A sale as the register records it and pushes it. Immutable once committed on the device.
import { z } from 'zod';
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
  name: z.string().min(1).max(200),
  quantity: z.number().int(),
  unitPrice: money,
  voidedBy: id,
});
export type VoidedLine = z.infer<typeof voidedLine>;

export const saleLine = z.object({
  id,
  productId: id,
  name: z.string().min(1).max(200),
  quantity: z
    .number()
    .int()
    .refine((q) => q !== 0, 'quantity cannot be 0'),
  unitPrice: money,
  discount: money.min(0),
  taxRateId: id,
  taxBasisPoints: basisPoints,
  /** quantity × unitPrice − discount */
  total: money,
  /** This line's share of the tax of its rate. */
  tax: money,
  priceOverride: priceOverride.optional(),
  /** On a refund: the line of the original sale this line gives back (quantity < 0). */
  refundOfLineId: id.optional(),
});
export type SaleLine = z.infer<typeof saleLine>;

export const salePayment = z.object({
  id,
  methodId: id,
  kind: paymentMethodKind,
  /** What this tender pays of the total (for cash: tendered − change). */
  amount: money,
  tendered: money.optional(),
  change: money.min(0).optional(),
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
  receiptNumber: z.string().regex(/^[A-Z0-9]+-[A-Z0-9]+-\d{6,}$/),
  storeId: id,
  registerId: id,
  shiftId: id.nullable().optional(),
  cashierId: id,
  /** The customer attached at the till (kept in the sale's record; not checked on the server). */
  customerId: id.optional(),
  /** The device's clock when the sale was completed (may be wrong; the HLC orders). */
  deviceTime: z.iso.datetime({ offset: true }),
  hlc: z.string().min(1).max(100),
  pricesIncludeTax: z.boolean(),
  lines: z.array(saleLine).min(1).max(500),
  orderDiscount: money.min(0),
  payments: z.array(salePayment).min(1).max(20),
  totals: saleTotals,
  /** A refund is its own negative sale linked to the original one. */
  refundOf: id.optional(),
  /** The manager who approved a refund above the store's limit on the spot. */
  refundApprovedBy: id.optional(),
  /** Lines voided before payment: recorded on the sale, not silently dropped. */
  voidedLines: z.array(voidedLine).max(500).optional(),
});
export type Sale = z.infer<typeof sale>;
