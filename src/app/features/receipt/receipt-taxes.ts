// Tax per rate for a receipt, recomputed from the recorded sale by the shared rules (the same
// computation that made its totals), named after the store's tax rates.
import { computeTotals } from '../../../shared/pos/totals';
import type { TaxBucket } from '../../../shared/pos/totals';
import type { TaxRate } from '../../../shared/records/catalog';
import type { Sale } from '../../../shared/records/sale';

export interface ReceiptTax extends TaxBucket {
  name: string | null;
}

export function receiptTaxes(sale: Sale, cashRounding: number, rates: TaxRate[]): ReceiptTax[] {
  const totals = computeTotals({
    lines: sale.lines.map((l) => ({
      quantity: l.quantity,
      unitPrice: l.unitPrice,
      discount: l.discount,
      taxBasisPoints: l.taxBasisPoints,
    })),
    orderDiscount: sale.orderDiscount,
    pricesIncludeTax: sale.pricesIncludeTax,
    cashRounding,
    paidAllInCash: sale.payments.every((p) => p.kind === 'cash'),
  });
  return totals.taxes.map((b) => {
    const line = sale.lines.find((l) => l.taxBasisPoints === b.basisPoints);
    const rate = rates.find((r) => r.id === line?.taxRateId);
    return { ...b, name: rate?.name ?? null };
  });
}
