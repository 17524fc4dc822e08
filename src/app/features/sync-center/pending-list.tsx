import { useT } from '../../i18n/i18n';
import { useTillData } from '../till-data-context';
import { useTillSession } from '../till/till-context';

export function PendingList() {
  const t = useT();
  const data = useTillData();
  const { money, time } = useTillSession();
  const pending = data.usePendingSales();
  if (!pending || pending.length === 0) return <p className="muted">{t('pending.none')}</p>;
  return (
    <ul className="plain-list">
      {pending.map(({ sale }) => (
        <li key={sale.id} className="row">
          <span>{sale.receiptNumber}</span>
          <span className="muted">{time(sale.deviceTime)}</span>
          <span>{money(sale.totals.total)}</span>
        </li>
      ))}
    </ul>
  );
}
