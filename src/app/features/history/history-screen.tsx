// Today's sales on this register, newest first, with their sync state; open one to see and
// reprint its receipt.
import { useT } from '../../i18n/i18n';
import { useTillData } from '../till-data-context';
import { useTillSession } from '../till/till-context';
import { SyncBadge } from './sync-badge';

export function HistoryScreen(props: { onOpen: (saleId: string) => void; onBack: () => void }) {
  const t = useT();
  const data = useTillData();
  const { money, time } = useTillSession();
  const sales = data.useSalesToday();
  const sorted = sales
    ? [...sales].sort((a, b) => b.sale.deviceTime.localeCompare(a.sale.deviceTime))
    : [];
  const total = sorted.reduce((a, s) => a + s.sale.totals.total, 0);

  return (
    <section className="history" aria-labelledby="history-title">
      <div className="history-head">
        <h2 id="history-title">{t('history.title')}</h2>
        {sales && (
          <p className="muted">
            {t('history.summary', { count: sorted.length, total: money(total) })}
          </p>
        )}
        <button type="button" className="secondary" onClick={props.onBack}>
          {t('history.back')}
        </button>
      </div>
      {sales === undefined && <p className="loading">{t('common.loading')}</p>}
      {sales?.length === 0 && <p className="muted">{t('history.empty')}</p>}
      {sorted.length > 0 && (
        <table className="history-table">
          <thead>
            <tr>
              <th scope="col">{t('history.time')}</th>
              <th scope="col">{t('history.receipt')}</th>
              <th scope="col">{t('history.items')}</th>
              <th scope="col" className="num">
                {t('history.total')}
              </th>
              <th scope="col">{t('history.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('history.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map(({ sale, syncState }) => (
              <tr key={sale.id}>
                <td>{time(sale.deviceTime)}</td>
                <td>{sale.receiptNumber}</td>
                <td>{sale.lines.reduce((a, l) => a + l.quantity, 0)}</td>
                <td className="num">{money(sale.totals.total)}</td>
                <td>
                  <SyncBadge state={syncState} />
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('history.open', { number: sale.receiptNumber })}
                    onClick={() => props.onOpen(sale.id)}
                  >
                    {t('history.openShort')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
