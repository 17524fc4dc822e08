// The X or Z report of a shift: totals, tax per rate, payments per tender, cash movements and
// the expected cash; with a count, the over/short; and two charts (sales by hour, takings by
// tender). Everything is computed once per change of the shift (memoized, O(n) in its sales).
import { useMemo } from 'react';
import type { Sale } from '../../../shared/records/sale';
import type { ShiftTotals } from '../../../shared/records/shift';
import { salesByHour } from '../../../shared/pos/shift-report';
import { useT } from '../../i18n/i18n';
import { useTillSession } from '../till/till-context';
import { BarChart } from './bar-chart';

const hourOf = (iso: string) => new Date(iso).getHours();

export function ShiftReportView(props: {
  title: string;
  totals: ShiftTotals;
  sales: Sale[];
  counted?: { countedCash: number; overShort: number };
}) {
  const t = useT();
  const { money } = useTillSession();
  const { totals } = props;
  const hours = useMemo(() => salesByHour(props.sales, hourOf), [props.sales]);
  const hourBars = useMemo(
    () =>
      hours.flatMap((value, h) =>
        value === 0 ? [] : [{ label: String(h), value, title: `${h}:00 ${money(value)}` }],
      ),
    [hours, money],
  );
  const tenderBars = useMemo(() => {
    const byKind = new Map<string, number>();
    for (const p of totals.payments) byKind.set(p.kind, (byKind.get(p.kind) ?? 0) + p.amount);
    return [...byKind].map(([kind, value]) => {
      const label = t(`report.tender.${kind as 'cash' | 'card' | 'other'}`);
      return { label, value, title: `${label} ${money(value)}` };
    });
  }, [totals.payments, money, t]);

  const row = (label: string, value: string) => (
    <tr key={label}>
      <th scope="row">{label}</th>
      <td className="amount">{value}</td>
    </tr>
  );
  return (
    <section aria-label={props.title} className="shift-report">
      <h3>{props.title}</h3>
      <table>
        <tbody>
          {row(
            t('report.sales'),
            `${money(totals.salesTotal)} · ${t('report.salesCount', { count: totals.salesCount })}`,
          )}
          {row(t('report.refunds'), `${money(totals.refundsTotal)} · ${totals.refundsCount}`)}
          {row(t('report.discounts'), money(totals.discounts))}
          {totals.taxes.map((x) =>
            row(t('report.tax', { rate: `${x.basisPoints / 100} %` }), money(x.tax)),
          )}
          {totals.payments.map((p) =>
            row(`${t('report.payments')}: ${t(`report.tender.${p.kind}`)}`, money(p.amount)),
          )}
          {row(t('report.float'), money(totals.openingFloat))}
          {row(t('report.cashIn'), money(totals.cashIn))}
          {row(t('report.cashOut'), money(totals.cashOut))}
          {row(t('report.voids'), `${totals.voidedSales} / ${totals.voidedLines}`)}
          {row(t('report.expected'), money(totals.expectedCash))}
          {props.counted && row(t('report.counted'), money(props.counted.countedCash))}
          {props.counted && row(t('report.overShort'), money(props.counted.overShort))}
        </tbody>
      </table>
      <BarChart title={t('report.byHour')} bars={hourBars} />
      <BarChart title={t('report.byTender')} bars={tenderBars} />
    </section>
  );
}
