// Signing out syncs first. While anything is unsynced it refuses and says why, offering
// "Sync now" and, for a manager, the export of the pending sales; after a clean sync it wipes
// the local database, and the app drops the tokens.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Dialog } from '../../components/dialog';
import { useT } from '../../i18n/i18n';
import { describeError } from '../describe-error';
import { exportPending } from '../export-pending';
import type { UnsyncedCount } from '../till-data';
import { useTillData } from '../till-data-context';

type State =
  | { phase: 'syncing' }
  | { phase: 'refused'; unsynced: UnsyncedCount; syncError: string | null }
  | { phase: 'wiping' }
  | { phase: 'failed'; message: string };

export function LogoutDialog(props: {
  isManager: boolean;
  onClose: () => void;
  onSignedOut: () => void;
}) {
  const t = useT();
  const data = useTillData();
  const [state, setState] = useState<State>({ phase: 'syncing' });
  const [exportError, setExportError] = useState<string | null>(null);
  const running = useRef(false);
  // The parent's callback may change identity on every render; the attempt must not.
  const onSignedOut = useRef(props.onSignedOut);
  onSignedOut.current = props.onSignedOut;

  const attempt = useCallback(async () => {
    // One attempt at a time (a double click, or StrictMode running the effect twice).
    if (running.current) return;
    running.current = true;
    setState({ phase: 'syncing' });
    let syncError: string | null = null;
    try {
      await data.syncNow();
    } catch (err) {
      syncError = describeError(err, t);
    }
    try {
      const unsynced = await data.unsyncedCount();
      if (unsynced.pending > 0 || unsynced.needsAttention > 0) {
        setState({ phase: 'refused', unsynced, syncError });
        return;
      }
      setState({ phase: 'wiping' });
      await data.wipe();
      onSignedOut.current();
    } catch (err) {
      setState({ phase: 'failed', message: describeError(err, t) });
    } finally {
      running.current = false;
    }
  }, [data, t]);

  useEffect(() => {
    void attempt();
  }, [attempt]);

  async function exportNow() {
    setExportError(null);
    try {
      await exportPending(data);
    } catch (err) {
      setExportError(describeError(err, t));
    }
  }

  return (
    <Dialog title={t('logout.title')} onClose={props.onClose}>
      {state.phase === 'syncing' && <p role="status">{t('logout.syncing')}</p>}
      {state.phase === 'wiping' && <p role="status">{t('logout.wiping')}</p>}
      {state.phase === 'failed' && (
        <p role="alert" className="error">
          {state.message}
        </p>
      )}
      {state.phase === 'refused' && (
        <div role="alert" className="refused">
          <p>
            <strong>{t('logout.refused')}</strong>
          </p>
          <ul>
            {state.unsynced.pending > 0 && (
              <li>{t('logout.pending', { count: state.unsynced.pending })}</li>
            )}
            {state.unsynced.needsAttention > 0 && (
              <li>{t('logout.attention', { count: state.unsynced.needsAttention })}</li>
            )}
          </ul>
          {state.syncError && <p className="error">{state.syncError}</p>}
          <p className="muted">{props.isManager ? t('logout.hintManager') : t('logout.hint')}</p>
        </div>
      )}
      {exportError && (
        <p role="alert" className="error">
          {exportError}
        </p>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={props.onClose}>
          {t('common.cancel')}
        </button>
        {state.phase === 'refused' && props.isManager && (
          <button type="button" className="secondary" onClick={() => void exportNow()}>
            {t('sync.export')}
          </button>
        )}
        {(state.phase === 'refused' || state.phase === 'failed') && (
          <button type="button" onClick={() => void attempt()}>
            {t('sync.now')}
          </button>
        )}
      </div>
    </Dialog>
  );
}
