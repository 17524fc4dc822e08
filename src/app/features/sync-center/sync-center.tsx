// The sync center: connection, last sync, a running pull, "Sync now"; pending sales; items
// that need attention; conflicts; and, for a manager, the export of everything unsynced.
import { useState } from 'react';
import { Dialog } from '../../components/dialog';
import { useT } from '../../i18n/i18n';
import { describeError } from '../describe-error';
import { exportPending } from '../export-pending';
import { useTillData } from '../till-data-context';
import { useTillSession } from '../till/till-context';
import { useSyncStatus } from '../use-sync-status';
import { ConflictList } from './conflict-list';
import { NeedsAttentionList } from './needs-attention-list';
import { PendingList } from './pending-list';
import { PullProgress } from './pull-progress';

export function SyncCenter(props: { onClose: () => void }) {
  const t = useT();
  const data = useTillData();
  const { user, catalog, dateTime } = useTillSession();
  const status = useSyncStatus();
  const [error, setError] = useState<string | null>(null);
  const isManager = user.role !== 'cashier';

  async function run(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(describeError(err, t));
    }
  }

  return (
    <Dialog title={t('sync.title')} onClose={props.onClose} wide>
      <div className="sync-center">
        <section aria-labelledby="sync-status-h">
          <h3 id="sync-status-h">{t('sync.status')}</h3>
          <p className={`status-line status-${status.connectivity}`}>
            {t(`sync.${status.connectivity}.long`)}
          </p>
          {status.signedOut && <p className="warning">{t('sync.signedOut')}</p>}
          <p>
            {status.lastSync
              ? t('sync.lastSync', { when: dateTime(status.lastSync) })
              : t('sync.neverSynced')}
          </p>
          {status.pull && (
            <PullProgress pull={status.pull} locale={catalog.store.locale} unit="changes" />
          )}
          <div className="actions">
            <button
              type="button"
              disabled={status.syncing}
              onClick={() => void run(() => data.syncNow())}
            >
              {status.syncing ? t('sync.syncing') : t('sync.now')}
            </button>
            {isManager && (
              <button
                type="button"
                className="secondary"
                onClick={() => void run(() => exportPending(data))}
              >
                {t('sync.export')}
              </button>
            )}
          </div>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
        </section>
        <section aria-labelledby="sync-pending-h">
          <h3 id="sync-pending-h">{t('pending.title', { count: status.pending })}</h3>
          <PendingList />
        </section>
        <section aria-labelledby="sync-attention-h">
          <h3 id="sync-attention-h">{t('attention.title', { count: status.needsAttention })}</h3>
          <NeedsAttentionList onError={setError} />
        </section>
        <section aria-labelledby="sync-conflicts-h">
          <h3 id="sync-conflicts-h">{t('conflicts.title')}</h3>
          <ConflictList />
        </section>
      </div>
      <div className="actions dialog-foot">
        <button type="button" className="secondary" onClick={props.onClose}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
