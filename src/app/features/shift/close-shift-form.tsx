// Closing the shift: the counted cash gives the over/short; above the store's limit a manager
// confirms. Online, the open sales are sent first; offline, the close is queued like a sale.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { storeLimits } from '../../../shared/records/store';
import { StoreOpsError } from '../../db/store-ops-error';
import { useT } from '../../i18n/i18n';
import { parseMoney } from '../../i18n/money-input';
import { ManagerConfirm } from '../manager/manager-confirm';
import { errorText, useStoreOps } from '../store-ops-context';
import { useTillData } from '../till-data-context';
import { useTillSession } from '../till/till-context';
import { useSyncStatus } from '../use-sync-status';

export function CloseShiftForm(props: { expectedCash: number; onClosed: () => void }) {
  const t = useT();
  const ops = useStoreOps();
  const data = useTillData();
  const status = useSyncStatus();
  const session = useTillSession();
  const { store } = session.catalog;
  const [counted, setCounted] = useState('');
  const [needsManager, setNeedsManager] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const countedCash = parseMoney(counted, store.currency);

  async function close(confirmedBy?: string) {
    if (countedCash === null) return setError(t('storeOps.error', { message: counted }));
    setError(null);
    if (status.connectivity === 'offline') setNote(t('shift.closeOffline'));
    else if (status.pending > 0) {
      setNote(t('shift.closeWaiting'));
      // Best effort: a failed send leaves everything queued, and the close is queued behind it.
      await data.syncNow().catch(() => setNote(t('shift.closeOffline')));
    }
    try {
      await ops.closeShift({
        closedBy: session.user.id,
        countedCash,
        ...(confirmedBy ? { confirmedBy } : {}),
      });
      props.onClosed();
    } catch (err) {
      if (err instanceof StoreOpsError && err.kind === 'NeedsManager') setNeedsManager(true);
      else setError(t('storeOps.error', { message: errorText(err) }));
    }
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    void close();
  }

  return (
    <section aria-label={t('shift.close')}>
      <form className="form" onSubmit={submit}>
        <label>
          {t('shift.counted')}
          <input
            inputMode="decimal"
            required
            value={counted}
            onChange={(e) => {
              setCounted(e.target.value);
              setNeedsManager(false);
            }}
          />
        </label>
        {countedCash !== null && (
          <p>
            {t('report.overShort')}:{' '}
            <output>{session.money(countedCash - props.expectedCash)}</output>
          </p>
        )}
        {!needsManager && <button type="submit">{t('shift.close')}</button>}
      </form>
      {note && <p className="muted">{note}</p>}
      {error && <p role="alert">{error}</p>}
      {needsManager && (
        <div role="alert">
          <p>
            {t('shift.needsManager', { limit: session.money(storeLimits(store).overShortLimit) })}
          </p>
          <ManagerConfirm label={t('shift.confirm')} onConfirmed={(id) => void close(id)} />
        </div>
      )}
    </section>
  );
}
