// The price a refund gives a unit back at: what one unit of the sold line was paid, its line
// total less its share of the order discount, divided by its quantity and rounded half away
// from zero. The register prices refunds with it; the server caps refunds with it.
import type { Sale } from '../records/sale';
import { allocate, divRound } from './money';

/** Per line of `sale`, in order: what one unit was paid; null for a line of no units sold. */
export function paidPerUnit(sale: Pick<Sale, 'orderDiscount' | 'lines'>): (number | null)[] {
  const shares = allocate(
    sale.orderDiscount,
    sale.lines.map((l) => l.total),
  );
  return sale.lines.map((l, i) =>
    l.quantity > 0 ? divRound(l.total - (shares[i] ?? 0), l.quantity) : null,
  );
}
