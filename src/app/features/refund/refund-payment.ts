// How a refund pays back: to the original tender (its largest non-cash payment, else cash) or
// all in cash. The amount is the refund's total by the shared rules, negative.
import { computeTotals } from '../../../shared/pos/totals';
import type { PaymentMethod } from '../../../shared/records/catalog';
import type { Sale } from '../../../shared/records/sale';
import type { Store } from '../../../shared/records/store';
import { StoreOpsError } from '../../db/store-ops-error';

export function refundPayment(input: {
  original: Sale;
  lines: { quantity: number; unitPrice: number; taxBasisPoints: number }[];
  store: Store;
  methods: PaymentMethod[];
  tender: 'original' | 'cash';
}): { methodId: string; kind: PaymentMethod['kind']; amount: number } {
  const byAmount = [...input.original.payments].sort((a, b) => b.amount - a.amount);
  const back = input.tender === 'original' ? byAmount.find((p) => p.kind !== 'cash') : undefined;
  const cash = input.methods.find((m) => m.kind === 'cash');
  const method = back ? { id: back.methodId, kind: back.kind } : cash;
  if (!method) throw new StoreOpsError('Invalid', 'This store has no cash tender.');
  const { total } = computeTotals({
    lines: input.lines.map((l) => ({ ...l, discount: 0 })),
    orderDiscount: 0,
    pricesIncludeTax: input.store.pricesIncludeTax,
    cashRounding: input.store.cashRounding,
    paidAllInCash: method.kind === 'cash',
  });
  return { methodId: method.id, kind: method.kind, amount: total };
}
