// The root: signed out shows the login screen, signed in the way to the till. On start the app
// tries a silent refresh (the httpOnly cookie), so a reload keeps the cashier signed in.
import { useCallback, useEffect, useState } from 'react';
import type { SessionResponse } from '../shared/api/login';
import { logout, refresh } from './sync/auth-client';
import { LoginScreen } from './features/login/login-screen';
import { SignedIn } from './features/till/signed-in';
import { useTillData } from './features/till-data-context';
import { deviceId } from './device-id';

type State =
  | { phase: 'starting' }
  | { phase: 'signed-out' }
  | { phase: 'signed-in'; session: SessionResponse };

export function App() {
  const data = useTillData();
  const [state, setState] = useState<State>({ phase: 'starting' });
  const [device] = useState(() => deviceId());

  useEffect(() => {
    refresh(fetch.bind(globalThis), '').then(
      (session) => setState({ phase: 'signed-in', session }),
      () => setState({ phase: 'signed-out' }),
    );
  }, []);

  // Called once the local store is clean (or was never filled): end the server session too.
  const signedOut = useCallback(() => {
    void data.setSession(null);
    setState({ phase: 'signed-out' });
    logout(fetch.bind(globalThis), '').catch(() => {
      // Unreachable: the refresh cookie outlives this tab's session until it expires.
    });
  }, [data]);

  if (state.phase === 'starting') return null;
  if (state.phase === 'signed-out') {
    return (
      <LoginScreen
        deviceId={device}
        onSignedIn={(session) => setState({ phase: 'signed-in', session })}
      />
    );
  }
  return <SignedIn session={state.session} deviceId={device} onSignedOut={signedOut} />;
}
