// A refund as the till records it: each unit given back at what it was paid (paidPerUnit,
// discounts included), paid back to the original tender (its largest non-cash payment, else
// cash) or all in cash, the amount the refund's total by the shared rules (negative). The
// refund screen and the fleet simulator both record refunds from this draft.
import { computeTotals } from '../../shared/pos/totals';
import type { PaymentMethod } from '../../shared/records/catalog';
import type { Sale } from '../../shared/records/sale';
import type { Store } from '../../shared/records/store';
import type { TillDb } from './database';
import type { RecordSaleInput, SaleLineInput } from './record-sale';
import { refundableLines } from './refund-limits';
import { StoreOpsError } from './store-ops-error';

export interface RefundRequest {
  original: Sale;
  cashierId: string;
  /** Quantities (> 0) to give back per original line id. */
  quantities: Record<string, number>;
  /** Back to the original tender, or all in cash. */
  tender: 'original' | 'cash';
  approvedBy?: string;
}

function refundPayment(input: {
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

/** The sale to record for `request` (recordSale checks the quantities left). */
export async function refundDraft(db: TillDb, request: RefundRequest): Promise<RecordSaleInput> {
  const { original } = request;
  const paid = new Map((await refundableLines(db, original)).map((l) => [l.lineId, l.unitPrice]));
  const lines: SaleLineInput[] = original.lines.flatMap((l) => {
    const n = request.quantities[l.id] ?? 0;
    if (n <= 0) return [];
    return [
      {
        productId: l.productId,
        name: l.name,
        quantity: -n,
        unitPrice: paid.get(l.id) ?? l.unitPrice,
        taxRateId: l.taxRateId,
        taxBasisPoints: l.taxBasisPoints,
        refundOfLineId: l.id,
      },
    ];
  });
  if (lines.length === 0) throw new StoreOpsError('Invalid', 'Pick at least one item.');
  const store = await db.stores.get(original.storeId);
  if (!store) throw new StoreOpsError('Invalid', 'The store is not known here.');
  const payment = refundPayment({
    original,
    lines,
    store,
    methods: await db.paymentMethods.toArray(),
    tender: request.tender,
  });
  return {
    cashierId: request.cashierId,
    refundOf: original.id,
    ...(request.approvedBy ? { refundApprovedBy: request.approvedBy } : {}),
    lines,
    payments: [payment],
  };
}
