// First start on a device: choose which of the store's registers this device sells for. The
// server binds it (a register sells from one device at a time); receipts then carry its code.
import { useEffect, useState } from 'react';
import type { Register } from '../../../shared/records/store';
import { useT } from '../../i18n/i18n';
import { describeError } from '../describe-error';
import { useTillData } from '../till-data-context';
import { loadRegisters } from './device-api';

type State =
  | { phase: 'loading' }
  | { phase: 'choose'; registers: Register[]; current: string | null }
  | { phase: 'failed'; message: string };

export function RegisterSetupScreen(props: { accessToken: string }) {
  const t = useT();
  const data = useTillData();
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    setState({ phase: 'loading' });
    loadRegisters(fetch.bind(globalThis), props.accessToken).then(
      ({ device, registers }) =>
        current &&
        setState({
          phase: 'choose',
          registers: [...registers].sort((a, b) => a.code.localeCompare(b.code)),
          current: device.register?.id ?? null,
        }),
      (err: unknown) => current && setState({ phase: 'failed', message: describeError(err, t) }),
    );
    return () => {
      current = false;
    };
  }, [props.accessToken, attempt, t]);

  async function choose(register: Register) {
    setBusy(register.id);
    setError(null);
    try {
      await data.bindRegister(register.id);
    } catch (err) {
      setError(describeError(err, t));
      setBusy(null);
    }
  }

  return (
    <section className="setup-card" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <p className="muted">{t('setup.intro')}</p>
      {state.phase === 'loading' && <p role="status">{t('common.loading')}</p>}
      {state.phase === 'failed' && (
        <>
          <p role="alert" className="error">
            {state.message}
          </p>
          <button type="button" onClick={() => setAttempt((a) => a + 1)}>
            {t('common.retry')}
          </button>
        </>
      )}
      {state.phase === 'choose' && (
        <div className="register-list" role="group" aria-label={t('setup.registers')}>
          {state.registers.map((r) => (
            <button
              key={r.id}
              type="button"
              className="tile"
              disabled={busy !== null}
              onClick={() => void choose(r)}
            >
              <span className="tile-name">{r.name}</span>
              <span className="tile-price">
                {r.id === state.current ? t('setup.thisDevice', { code: r.code }) : r.code}
              </span>
            </button>
          ))}
          {state.registers.length === 0 && <p className="error">{t('setup.noRegisters')}</p>}
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
