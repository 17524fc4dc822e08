// A signed-in user's way to the till: choose the register on a device's first start, bring
// the catalog in, then sell. Everything after the first start reads the local store, so it
// is the same with and without the network.
import { useEffect, useMemo, useState } from 'react';
import { ScreenBoundary } from '../../components/screen-boundary';
import type { SessionResponse } from '../../../shared/api/login';
import { useT } from '../../i18n/i18n';
import { FirstSyncScreen, LogoutDialog, RegisterSetupScreen } from '../lazy-screens';
import { useTillData } from '../till-data-context';
import { makeSession } from './make-session';
import { SetupFrame } from './setup-frame';
import { TillContext } from './till-context';
import { TillScreen } from './till-screen';

export function SignedIn(props: {
  session: SessionResponse;
  deviceId: string;
  onSignedOut: () => void;
}) {
  const t = useT();
  const data = useTillData();
  const register = data.useRegister();
  const catalog = data.useCatalog();
  const [loggingOut, setLoggingOut] = useState(false);
  const { user } = props.session;

  useEffect(() => void data.setSession(props.session), [data, props.session]);

  const session = useMemo(
    () =>
      register && catalog?.ready
        ? makeSession({ user, catalog, register, deviceId: props.deviceId })
        : null,
    [user, catalog, register, props.deviceId],
  );

  if (register === undefined || catalog === undefined)
    return <p className="loading">{t('common.loading')}</p>;

  if (session) {
    if (session.catalog.store.id !== user.storeId) {
      return (
        <SetupFrame user={user} onSignOut={props.onSignedOut}>
          <p role="alert" className="setup-card error">
            {t('setup.otherStore', { store: session.catalog.store.name })}
          </p>
        </SetupFrame>
      );
    }
    return (
      <TillContext.Provider value={session}>
        <TillScreen onSignedOut={props.onSignedOut} />
      </TillContext.Provider>
    );
  }

  return (
    <SetupFrame user={user} onSignOut={() => setLoggingOut(true)}>
      <ScreenBoundary fallback={<p className="loading">{t('common.loading')}</p>}>
        {register === null ? (
          <RegisterSetupScreen accessToken={props.session.accessToken} />
        ) : (
          <FirstSyncScreen
            registerName={register.name}
            locale={catalog?.store.locale ?? navigator.language}
          />
        )}
      </ScreenBoundary>
      {loggingOut && (
        <ScreenBoundary fallback={null} onLeave={() => setLoggingOut(false)}>
          <LogoutDialog
            isManager={user.role !== 'cashier'}
            onClose={() => setLoggingOut(false)}
            onSignedOut={props.onSignedOut}
          />
        </ScreenBoundary>
      )}
    </SetupFrame>
  );
}
