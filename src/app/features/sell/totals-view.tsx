// The running totals, exactly as the sale will record them (computeTotals): subtotal, order
// discount, tax per rate ("incl." when prices include it), total, and the cash total when the
// currency rounds cash.
import type { Totals } from '../../../shared/pos/totals';
import { useT } from '../../i18n/i18n';
import { useTillSession } from '../till/till-context';

export function TotalsView(props: { totals: Totals; cashTotal: number | null }) {
  const t = useT();
  const { money, catalog } = useTillSession();
  const { totals } = props;
  const inclusive = catalog.store.pricesIncludeTax;
  const rateName = (bp: number) =>
    catalog.taxRates.find((r) => r.basisPoints === bp)?.name ??
    t('totals.rate', { rate: new Intl.NumberFormat(catalog.store.locale).format(bp / 100) });
  return (
    <dl className="totals" aria-label={t('totals.title')}>
      <div>
        <dt>{t('totals.subtotal')}</dt>
        <dd data-testid="subtotal">{money(totals.subtotal)}</dd>
      </div>
      {totals.discount > 0 && (
        <div>
          <dt>{t('totals.discount')}</dt>
          <dd data-testid="discount">−{money(totals.discount)}</dd>
        </div>
      )}
      {totals.taxes.map((b) => (
        <div key={b.basisPoints} className="tax-row">
          <dt>
            {inclusive
              ? t('totals.taxIncluded', { rate: rateName(b.basisPoints) })
              : rateName(b.basisPoints)}
          </dt>
          <dd data-testid={`tax-${b.basisPoints}`}>{money(b.tax)}</dd>
        </div>
      ))}
      <div className="grand">
        <dt>{t('totals.total')}</dt>
        <dd data-testid="total">{money(totals.total)}</dd>
      </div>
      {props.cashTotal !== null && props.cashTotal !== totals.total && (
        <div>
          <dt>{t('totals.cashTotal')}</dt>
          <dd data-testid="cash-total">{money(props.cashTotal)}</dd>
        </div>
      )}
    </dl>
  );
}
