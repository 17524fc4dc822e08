// Cash put in or taken out of the drawer during the shift, always with a reason.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../../i18n/i18n';
import { parseMoney } from '../../i18n/money-input';
import { errorText, useStoreOps } from '../store-ops-context';
import { useTillSession } from '../till/till-context';

export function CashMoveForm() {
  const t = useT();
  const ops = useStoreOps();
  const session = useTillSession();
  const [kind, setKind] = useState<'in' | 'out'>('out');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const minor = parseMoney(amount, session.catalog.store.currency);
    if (minor === null || minor <= 0) return setError(t('storeOps.error', { message: amount }));
    try {
      await ops.moveCash({ kind, amount: minor, reason, userId: session.user.id });
      setAmount('');
      setReason('');
      setError(null);
    } catch (err) {
      setError(t('storeOps.error', { message: errorText(err) }));
    }
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label={t('shift.cashOut')}>
      <fieldset>
        <legend>
          {t('shift.cashIn')} / {t('shift.cashOut')}
        </legend>
        <label>
          <input type="radio" checked={kind === 'in'} onChange={() => setKind('in')} />
          {t('shift.cashIn')}
        </label>
        <label>
          <input type="radio" checked={kind === 'out'} onChange={() => setKind('out')} />
          {t('shift.cashOut')}
        </label>
      </fieldset>
      <label>
        {t('shift.amount')}
        <input
          inputMode="decimal"
          required
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
      </label>
      <label>
        {t('shift.reason')}
        <input required value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      {error && <p role="alert">{error}</p>}
      <button type="submit">{t('shift.record')}</button>
    </form>
  );
}
