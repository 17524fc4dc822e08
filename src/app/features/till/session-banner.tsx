// Over the till: says when it started offline (from the local store, no server session yet)
// and, when the server refused the session, asks to sign in again. Nothing local is touched:
// the outbox waits and pushing resumes after the sign-in.
import { useState } from 'react';
import type { SessionResponse } from '../../../shared/api/login';
import { Dialog } from '../../components/dialog';
import { useT } from '../../i18n/i18n';
import { LoginScreen } from '../login/login-screen';
import { useSyncStatus } from '../use-sync-status';

export function SessionBanner(props: {
  startedOffline: boolean;
  deviceId: string;
  onSignedIn: (session: SessionResponse) => void;
}) {
  const t = useT();
  const status = useSyncStatus();
  const [signingIn, setSigningIn] = useState(false);
  return (
    <>
      {props.startedOffline && status.connectivity !== 'online' && !status.signedOut && (
        <div className="banner offline-banner" role="status">
          {t('session.offline')}
        </div>
      )}
      {status.signedOut && (
        <div className="banner session-banner" role="alert">
          <span>{t('session.ended')}</span>
          <button type="button" onClick={() => setSigningIn(true)}>
            {t('session.signInAgain')}
          </button>
        </div>
      )}
      {signingIn && (
        <Dialog title={t('session.signInAgain')} onClose={() => setSigningIn(false)}>
          <LoginScreen
            deviceId={props.deviceId}
            onSignedIn={(session) => {
              setSigningIn(false);
              props.onSignedIn(session);
            }}
          />
        </Dialog>
      )}
    </>
  );
}
