// A receipt as printed on 80 mm paper: store, register, number, cashier, date, lines, tax per
// rate, payments and change; and, until the server has it, a visible "not yet synced" mark.
import { useT } from '../../i18n/i18n';
import type { LocalSale } from '../till-data';
import { useTillSession } from '../till/till-context';
import { receiptTaxes } from './receipt-taxes';

export function ReceiptView(props: { local: LocalSale }) {
  const t = useT();
  const { catalog, register, user, money, dateTime } = useTillSession();
  const { sale, syncState } = props.local;
  const { store } = catalog;
  const taxes = receiptTaxes(sale, store.cashRounding, catalog.taxRates);
  const cashier = sale.cashierId === user.id ? user.name : t('receipt.otherCashier');
  const methodName = (id: string) => catalog.paymentMethods.find((m) => m.id === id)?.name ?? '';
  const change = sale.payments.reduce((a, p) => a + (p.change ?? 0), 0);
  const rate = (bp: number) => new Intl.NumberFormat(store.locale).format(bp / 100);

  return (
    <article className="receipt" aria-label={t('receipt.label', { number: sale.receiptNumber })}>
      {syncState !== 'synced' && (
        <p className="unsynced" role="note">
          {syncState === 'needs-attention' ? t('receipt.needsAttention') : t('receipt.unsynced')}
        </p>
      )}
      <header>
        <h2>{store.name}</h2>
        <p>{register.name}</p>
        <p>
          {t('receipt.number')} <strong data-testid="receipt-number">{sale.receiptNumber}</strong>
        </p>
        <p>{t('receipt.cashier', { name: cashier })}</p>
        <p>
          <time dateTime={sale.deviceTime}>{dateTime(sale.deviceTime)}</time>
        </p>
      </header>
      <ul className="receipt-lines">
        {sale.lines.map((l) => (
          <li key={l.id}>
            <div className="row">
              <span>{l.name}</span>
              <span>{money(l.total)}</span>
            </div>
            <div className="row sub">
              <span>
                {t('receipt.qtyPrice', { quantity: l.quantity, price: money(l.unitPrice) })}
              </span>
            </div>
            {l.priceOverride && (
              <div className="row sub">
                <span>
                  {t('receipt.override', { price: money(l.priceOverride.originalPrice) })}
                </span>
              </div>
            )}
            {l.discount > 0 && (
              <div className="row sub">
                <span>{t('receipt.lineDiscount', { amount: money(l.discount) })}</span>
              </div>
            )}
          </li>
        ))}
      </ul>
      <dl className="receipt-totals">
        <div className="row">
          <dt>{t('totals.subtotal')}</dt>
          <dd>{money(sale.totals.subtotal)}</dd>
        </div>
        {sale.totals.discount > 0 && (
          <div className="row">
            <dt>{t('totals.discount')}</dt>
            <dd>−{money(sale.totals.discount)}</dd>
          </div>
        )}
        {!sale.pricesIncludeTax && (
          <div className="row">
            <dt>{t('receipt.taxAdded')}</dt>
            <dd>{money(sale.totals.tax)}</dd>
          </div>
        )}
        {sale.totals.rounding !== 0 && (
          <div className="row">
            <dt>{t('receipt.rounding')}</dt>
            <dd>{money(sale.totals.rounding)}</dd>
          </div>
        )}
        <div className="row grand">
          <dt>{t('totals.total')}</dt>
          <dd data-testid="receipt-total">{money(sale.totals.total)}</dd>
        </div>
      </dl>
      <table className="receipt-taxes">
        <caption>
          {sale.pricesIncludeTax ? t('receipt.taxIncluded') : t('receipt.taxAdded')}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('receipt.taxRate')}</th>
            <th scope="col">{t('receipt.taxBase')}</th>
            <th scope="col">{t('receipt.tax')}</th>
          </tr>
        </thead>
        <tbody>
          {taxes.map((b) => (
            <tr key={b.basisPoints}>
              <td>{b.name ?? t('totals.rate', { rate: rate(b.basisPoints) })}</td>
              <td>{money(b.base)}</td>
              <td>{money(b.tax)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="receipt-payments" aria-label={t('receipt.payments')}>
        {sale.payments.map((p) => (
          <li key={p.id}>
            <div className="row">
              <span>{methodName(p.methodId)}</span>
              <span>{money(p.tendered ?? p.amount)}</span>
            </div>
          </li>
        ))}
        {change > 0 && (
          <li className="row">
            <span>{t('receipt.change')}</span>
            <span data-testid="receipt-change">{money(change)}</span>
          </li>
        )}
      </ul>
      <footer>{t('receipt.thanks')}</footer>
    </article>
  );
}
