import { useState } from 'react';
import type { FormEvent } from 'react';
import type { SessionResponse } from '../../../shared/api/login';
import { login } from '../../sync/auth-client';
import { ApiError, NetworkError } from '../../sync/http';
import { useT } from '../../i18n/i18n';
import type { Translate } from '../../i18n/i18n';

function describe(err: unknown, t: Translate): string {
  if (err instanceof ApiError && err.kind === 'Unauthorized') return t('login.error.credentials');
  if (err instanceof ApiError && err.kind === 'RateLimited') {
    return t('login.error.rateLimited', { seconds: Math.ceil(err.retryAfter ?? 60) });
  }
  if (err instanceof NetworkError) return t('login.error.offline');
  return t('login.error.unknown');
}

export function LoginScreen(props: { deviceId: string; onSignedIn: (s: SessionResponse) => void }) {
  const t = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const session = await login(fetch.bind(globalThis), '', {
        username,
        password,
        deviceId: props.deviceId,
      });
      props.onSignedIn(session);
    } catch (err) {
      setError(describe(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="login-card" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <h1 id="login-title">{t('login.title')}</h1>
        <label>
          {t('login.username')}
          <input
            name="username"
            autoComplete="username"
            autoFocus
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t('login.busy') : t('login.submit')}
        </button>
      </form>
    </main>
  );
}
