// Shared records both sides changed: the merge picked a value, shown here next to the other.
// Everyone sees the list; only a manager settles a conflict (keep, or revert to the other).
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import type { StoreOpsData } from '../store-ops-data';
import { errorText } from '../store-ops-context';
import { useTillData } from '../till-data-context';
import { useTillSession } from '../till/till-context';

const CUSTOMER_FIELDS = ['name', 'email', 'phone', 'note'] as const;

/** The customer's name as this register holds it now, else just "Customer". */
function CustomerName(props: { ops: StoreOpsData; id: string }) {
  const t = useT();
  const customer = props.ops.useCustomer(props.id);
  return <>{customer ? `${customer.name} (${t('customers.open')})` : t('customers.open')}</>;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function ConflictList() {
  const t = useT();
  const data = useTillData();
  const { dateTime, user } = useTillSession();
  const conflicts = data.useConflicts();
  const [error, setError] = useState<string | null>(null);
  // A manager settles a conflict: keep the merged value, or write the other one back.
  const ops = user.role === 'cashier' ? undefined : data.storeOps;
  const settle = (p: Promise<void>) => {
    setError(null);
    p.catch((err: unknown) => setError(t('storeOps.error', { message: errorText(err) })));
  };
  const record = (entity: string, id: string) =>
    entity !== 'customer' ? (
      entity
    ) : data.storeOps ? (
      <CustomerName ops={data.storeOps} id={id} />
    ) : (
      t('customers.open')
    );
  const fieldName = (entity: string, field: string) => {
    const known = CUSTOMER_FIELDS.find((f) => f === field);
    return entity === 'customer' && known ? t(`customers.${known}`) : field;
  };
  // The alert stays when the list empties: a failed click must not vanish with its row.
  const alert = error && (
    <p role="alert" className="error">
      {error}
    </p>
  );
  if (!conflicts || conflicts.length === 0)
    return (
      <>
        {alert}
        <p className="muted">{t('conflicts.none')}</p>
      </>
    );
  return (
    <>
      {alert}
      <table className="conflicts">
        <thead>
          <tr>
            <th scope="col">{t('conflicts.record')}</th>
            <th scope="col">{t('conflicts.field')}</th>
            <th scope="col">{t('conflicts.kept')}</th>
            <th scope="col">{t('conflicts.other')}</th>
            <th scope="col">{t('conflicts.when')}</th>
            {ops && <th scope="col" />}
          </tr>
        </thead>
        <tbody>
          {conflicts.map((c) => (
            <tr key={c.id}>
              <td>{record(c.entity, c.recordId)}</td>
              <td>{fieldName(c.entity, c.field)}</td>
              <td>
                {show(c.kept)}{' '}
                <span className="muted">
                  {c.keptLocal ? t('conflicts.fromHere') : t('conflicts.fromElsewhere')}
                </span>
              </td>
              <td>{show(c.other)}</td>
              <td>{dateTime(c.at)}</td>
              {ops && (
                <td>
                  <button type="button" onClick={() => settle(ops.keepConflict(c.id))}>
                    {t('conflicts.keep')}
                  </button>{' '}
                  <button type="button" onClick={() => settle(ops.revertConflict(c.id))}>
                    {t('conflicts.revert')}
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
