// Shared records both sides changed: the merge picked a value, shown here next to the other.
import { useT } from '../../i18n/i18n';
import { useTillData } from '../till-data-context';
import { useTillSession } from '../till/till-context';

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function ConflictList() {
  const t = useT();
  const data = useTillData();
  const { dateTime, user } = useTillSession();
  const conflicts = data.useConflicts();
  // A manager settles a conflict: keep the merged value, or write the other one back.
  const ops = user.role === 'cashier' ? undefined : data.storeOps;
  if (!conflicts || conflicts.length === 0) return <p className="muted">{t('conflicts.none')}</p>;
  return (
    <table className="conflicts">
      <thead>
        <tr>
          <th scope="col">{t('conflicts.record')}</th>
          <th scope="col">{t('conflicts.field')}</th>
          <th scope="col">{t('conflicts.kept')}</th>
          <th scope="col">{t('conflicts.other')}</th>
          <th scope="col">{t('conflicts.when')}</th>
          {ops && <td />}
        </tr>
      </thead>
      <tbody>
        {conflicts.map((c) => (
          <tr key={c.id}>
            <td>{c.entity}</td>
            <td>{c.field}</td>
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
                <button type="button" onClick={() => void ops.keepConflict(c.id)}>
                  {t('conflicts.keep')}
                </button>{' '}
                <button type="button" onClick={() => void ops.revertConflict(c.id)}>
                  {t('conflicts.revert')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
