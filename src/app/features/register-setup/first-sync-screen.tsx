// The first sync on a device: the catalog comes down with a progress bar, and the till opens
// as soon as it is in.
import { useEffect, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { describeError } from '../describe-error';
import { PullProgress } from '../sync-center/pull-progress';
import { useTillData } from '../till-data-context';
import { useSyncStatus } from '../use-sync-status';

export function FirstSyncScreen(props: { registerName: string; locale: string }) {
  const t = useT();
  const data = useTillData();
  const status = useSyncStatus();
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);

  async function start() {
    if (running.current) return;
    running.current = true;
    setError(null);
    try {
      await data.syncNow();
    } catch (err) {
      setError(describeError(err, t));
    } finally {
      running.current = false;
    }
  }

  useEffect(() => {
    void start();
    // Once, on arrival; "Try again" starts it again.
  }, []);

  return (
    <section className="setup-card" aria-labelledby="first-sync-title">
      <h1 id="first-sync-title">{t('firstSync.title')}</h1>
      <p className="muted">{t('firstSync.intro', { register: props.registerName })}</p>
      {status.pull ? (
        <PullProgress pull={status.pull} locale={props.locale} unit="products" />
      ) : (
        !error && <p role="status">{t('firstSync.starting')}</p>
      )}
      {error && (
        <>
          <p role="alert" className="error">
            {error}
          </p>
          <button type="button" onClick={() => void start()}>
            {t('common.retry')}
          </button>
        </>
      )}
    </section>
  );
}
