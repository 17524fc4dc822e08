// The root: signed out shows the login screen, signed in the way to the till. On start the app
// tries a silent refresh (the httpOnly cookie), so a reload keeps the cashier signed in. With
// no network (or no server) at start, a device someone signed in on before opens the till from
// its local store and says it is offline; a refused refresh shows the login screen.
import { useCallback, useEffect, useState } from 'react';
import type { SessionResponse } from '../shared/api/login';
import { logout, refresh } from './sync/auth-client';
import { ApiError, NetworkError } from './sync/http';
import { LoginScreen } from './features/login/login-screen';
import {
  clearLastSession,
  loadLastSession,
  offlineSession,
  saveLastSession,
} from './features/till/last-session';
import { SessionBanner } from './features/till/session-banner';
import { SignedIn } from './features/till/signed-in';
import { useTillData } from './features/till-data-context';
import { deviceId } from './device-id';
import { UpdateBanner } from './pwa/update-banner';

type State =
  | { phase: 'starting' }
  | { phase: 'signed-out' }
  | { phase: 'signed-in'; session: SessionResponse; startedOffline: boolean };

/** The server could not be asked (as opposed to: it said no). */
function unreachable(err: unknown): boolean {
  return (
    err instanceof NetworkError ||
    (err instanceof ApiError && (err.status >= 500 || err.status === 408 || err.status === 429))
  );
}

export function App() {
  const data = useTillData();
  const [state, setState] = useState<State>({ phase: 'starting' });
  const [device] = useState(() => deviceId());

  const signedIn = useCallback((session: SessionResponse) => {
    saveLastSession(session.user);
    setState({ phase: 'signed-in', session, startedOffline: false });
  }, []);

  useEffect(() => {
    refresh(fetch.bind(globalThis), '').then(signedIn, (err: unknown) => {
      const last = loadLastSession();
      if (last && unreachable(err))
        setState({ phase: 'signed-in', session: offlineSession(last), startedOffline: true });
      else setState({ phase: 'signed-out' });
    });
  }, [signedIn]);

  // Called once the local store is clean (or was never filled): end the server session too.
  const signedOut = useCallback(() => {
    void data.setSession(null);
    clearLastSession();
    setState({ phase: 'signed-out' });
    logout(fetch.bind(globalThis), '').catch(() => {
      // Unreachable: the refresh cookie outlives this tab's session until it expires.
    });
  }, [data]);

  if (state.phase === 'starting') return null;
  if (state.phase === 'signed-out') {
    return (
      <>
        <div className="banners">
          <UpdateBanner />
        </div>
        <LoginScreen deviceId={device} onSignedIn={signedIn} />
      </>
    );
  }
  return (
    <>
      <div className="banners">
        <UpdateBanner />
        <SessionBanner
          startedOffline={state.startedOffline}
          deviceId={device}
          onSignedIn={signedIn}
        />
      </div>
      <SignedIn session={state.session} deviceId={device} onSignedOut={signedOut} />
    </>
  );
}
