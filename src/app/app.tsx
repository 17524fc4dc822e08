// The root: signed out shows the login screen, signed in the till. On start the app tries a
// silent refresh (the httpOnly cookie), so a reload keeps the cashier signed in.
import { useEffect, useState } from 'react';
import type { SessionResponse } from '../shared/api/login';
import { logout, refresh } from './sync/auth-client';
import { LoginScreen } from './features/login/login-screen';
import { TillScreen } from './features/till/till-screen';
import { deviceId } from './device-id';

type State =
  | { phase: 'starting' }
  | { phase: 'signed-out' }
  | { phase: 'signed-in'; session: SessionResponse };

export function App() {
  const [state, setState] = useState<State>({ phase: 'starting' });
  const [device] = useState(() => deviceId());

  useEffect(() => {
    refresh(fetch.bind(globalThis), '').then(
      (session) => setState({ phase: 'signed-in', session }),
      () => setState({ phase: 'signed-out' }),
    );
  }, []);

  if (state.phase === 'starting') return null;
  if (state.phase === 'signed-out') {
    return (
      <LoginScreen
        deviceId={device}
        onSignedIn={(session) => setState({ phase: 'signed-in', session })}
      />
    );
  }
  return (
    <TillScreen
      user={state.session.user}
      onSignOut={() => {
        logout(fetch.bind(globalThis), '').then(
          () => setState({ phase: 'signed-out' }),
          () => setState({ phase: 'signed-out' }),
        );
      }}
    />
  );
}
