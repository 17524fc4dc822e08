// Settling a total with the tenders the customer handed over. Cash may exceed what is left
// (that is the change); a card or other tender never may. Change comes back out of the cash,
// the last cash tender first, so each payment records what it really paid.
import type { PaymentMethodKind } from '../../../shared/records/catalog';
import type { SalePayment } from '../../../shared/records/sale';

export interface Tender {
  id: string;
  methodId: string;
  kind: PaymentMethodKind;
  /** Cash: what was handed over. Otherwise: what was charged. */
  amount: number;
}

export interface Settlement {
  paid: number;
  /** Still to pay; 0 once the tenders cover the total. */
  remaining: number;
  change: number;
  /** True when the tenders cover the total exactly, with change only from cash. */
  complete: boolean;
  /** Only non-cash tenders would pay more than the total (not allowed). */
  overpaidByCard: boolean;
  payments: SalePayment[];
}

export function isAllCash(tenders: readonly Tender[]): boolean {
  return tenders.length > 0 && tenders.every((t) => t.kind === 'cash');
}

export function settle(total: number, tenders: readonly Tender[]): Settlement {
  const nonCash = tenders.filter((t) => t.kind !== 'cash').reduce((a, t) => a + t.amount, 0);
  const paid = tenders.reduce((a, t) => a + t.amount, 0);
  const overpaidByCard = nonCash > total;
  const change = overpaidByCard ? 0 : Math.max(0, paid - total);

  let changeLeft = change;
  const changeOf = new Map<string, number>();
  for (const t of [...tenders].reverse()) {
    if (t.kind !== 'cash' || changeLeft === 0) continue;
    const c = Math.min(changeLeft, t.amount);
    changeOf.set(t.id, c);
    changeLeft -= c;
  }
  const payments: SalePayment[] = tenders.map((t) => {
    if (t.kind !== 'cash')
      return { id: t.id, methodId: t.methodId, kind: t.kind, amount: t.amount };
    const c = changeOf.get(t.id) ?? 0;
    return {
      id: t.id,
      methodId: t.methodId,
      kind: t.kind,
      amount: t.amount - c,
      tendered: t.amount,
      change: c,
    };
  });
  return {
    paid,
    remaining: Math.max(0, total - paid),
    change,
    complete: tenders.length > 0 && paid >= total && !overpaidByCard,
    overpaidByCard,
    payments,
  };
}
