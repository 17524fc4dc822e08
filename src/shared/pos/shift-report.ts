// The X and Z totals of a shift, from its sales, refunds, voids and cash movements. The register
// runs this for its reports and the server runs it again over what it holds, so both give the
// same numbers to the cent. One pass over the sales: a shift of 10,000 sales is instant.
import type { Sale } from '../records/sale';
import type { ShiftTotals } from '../records/shift';
import type { CashMovementKind } from '../records/cash-movement';

export type ReportSale = Pick<Sale, 'lines' | 'payments' | 'totals'> &
  Partial<Pick<Sale, 'refundOf' | 'voidedLines'>>;

export interface ShiftReportInput {
  openingFloat: number;
  sales: Iterable<ReportSale>;
  cashMovements: Iterable<{ kind: CashMovementKind; amount: number }>;
  voidedSales: number;
}

type Payment = ShiftTotals['payments'][number];
type Tax = ShiftTotals['taxes'][number];

export function shiftReport(input: ShiftReportInput): ShiftTotals {
  const t: ShiftTotals = {
    salesCount: 0,
    salesTotal: 0,
    refundsCount: 0,
    refundsTotal: 0,
    discounts: 0,
    tax: 0,
    rounding: 0,
    taxes: [],
    payments: [],
    cashIn: 0,
    cashOut: 0,
    openingFloat: input.openingFloat,
    expectedCash: 0,
    voidedSales: input.voidedSales,
    voidedLines: 0,
  };
  const taxes = new Map<number, Tax>();
  const payments = new Map<string, Payment>();
  let cashTaken = 0;
  for (const sale of input.sales) {
    if (sale.refundOf) {
      t.refundsCount += 1;
      t.refundsTotal += sale.totals.total;
    } else {
      t.salesCount += 1;
      t.salesTotal += sale.totals.total;
      t.discounts += sale.totals.discount;
      for (const l of sale.lines) t.discounts += l.discount;
    }
    t.tax += sale.totals.tax;
    t.rounding += sale.totals.rounding;
    t.voidedLines += sale.voidedLines?.length ?? 0;
    for (const l of sale.lines) {
      const bucket = taxes.get(l.taxBasisPoints) ?? {
        basisPoints: l.taxBasisPoints,
        sales: 0,
        tax: 0,
      };
      bucket.sales += l.total;
      bucket.tax += l.tax;
      taxes.set(l.taxBasisPoints, bucket);
    }
    // The order discount is not on the lines: take it off the first line's rate bucket would
    // misstate a rate, so the bucket `sales` stay line totals and `discounts` carries it.
    for (const p of sale.payments) {
      const row = payments.get(p.methodId) ?? {
        methodId: p.methodId,
        kind: p.kind,
        amount: 0,
        count: 0,
      };
      row.amount += p.amount;
      row.count += 1;
      payments.set(p.methodId, row);
      if (p.kind === 'cash') cashTaken += p.amount;
    }
  }
  for (const m of input.cashMovements) {
    if (m.kind === 'in') t.cashIn += m.amount;
    else t.cashOut += m.amount;
  }
  t.taxes = [...taxes.values()].sort((a, b) => a.basisPoints - b.basisPoints);
  t.payments = [...payments.values()].sort((a, b) =>
    a.methodId < b.methodId ? -1 : a.methodId > b.methodId ? 1 : 0,
  );
  t.expectedCash = t.openingFloat + cashTaken + t.cashIn - t.cashOut;
  return t;
}

/** Key order does not matter (jsonb reorders keys): sorted keys, equal values, equal text. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'u';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([x], [y]) =>
    x < y ? -1 : x > y ? 1 : 0,
  );
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** The fields in which two shift totals differ ("taxes", "payments", "salesTotal", ...). */
export function diffShiftTotals(a: ShiftTotals, b: ShiftTotals): string[] {
  const keys = Object.keys(b) as (keyof ShiftTotals)[];
  return keys.filter((k) => canonical(a[k]) !== canonical(b[k]));
}

/** Sales total per hour of the day (0..23), by the hour `hourOf` gives a sale's time. */
export function salesByHour(
  sales: Iterable<Pick<Sale, 'deviceTime' | 'totals'> & Partial<Pick<Sale, 'refundOf'>>>,
  hourOf: (iso: string) => number,
): number[] {
  const hours = new Array<number>(24).fill(0);
  for (const s of sales) {
    if (s.refundOf) continue;
    const h = hourOf(s.deviceTime);
    hours[h] = (hours[h] ?? 0) + s.totals.total;
  }
  return hours;
}
