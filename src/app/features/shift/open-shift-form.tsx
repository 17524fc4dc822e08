// Opening a shift: the float counted as one total or piece by piece per denomination.
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { DenominationCount } from '../../../shared/records/shift';
import { useT } from '../../i18n/i18n';
import { parseMoney } from '../../i18n/money-input';
import { errorText, useStoreOps } from '../store-ops-context';
import { useTillSession } from '../till/till-context';

/** Notes and coins in minor units, largest first (euro and dollar alike fit this set). */
const DENOMINATIONS = [10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 25, 20, 10, 5, 2, 1];

export function OpenShiftForm() {
  const t = useT();
  const ops = useStoreOps();
  const session = useTillSession();
  const currency = session.catalog.store.currency;
  const [byPiece, setByPiece] = useState(false);
  const [total, setTotal] = useState('');
  const [counts, setCounts] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);

  const pieces: DenominationCount[] = DENOMINATIONS.map((value) => ({
    value,
    count: Number(counts[value] ?? 0) || 0,
  })).filter((d) => d.count > 0);
  const pieceTotal = pieces.reduce((a, d) => a + d.value * d.count, 0);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const amount = byPiece ? pieceTotal : parseMoney(total, currency);
    if (amount === null) return setError(t('storeOps.error', { message: total }));
    try {
      await ops.openShift({
        openedBy: session.user.id,
        openingFloat: amount,
        ...(byPiece ? { floatDenominations: pieces } : {}),
      });
    } catch (err) {
      setError(t('storeOps.error', { message: errorText(err) }));
    }
  }

  return (
    <form className="form" onSubmit={(e) => void submit(e)} aria-label={t('shift.open')}>
      <p>{t('shift.none')}</p>
      <label>
        <input type="checkbox" checked={byPiece} onChange={(e) => setByPiece(e.target.checked)} />
        {t('shift.byDenomination')}
      </label>
      {byPiece ? (
        <fieldset>
          <legend>{t('shift.float')}</legend>
          {DENOMINATIONS.map((value) => (
            <label key={value}>
              {t('shift.denomination', { value: session.money(value) })}
              <input
                inputMode="numeric"
                value={counts[value] ?? ''}
                onChange={(e) => setCounts({ ...counts, [value]: e.target.value })}
              />
            </label>
          ))}
          <output>{session.money(pieceTotal)}</output>
        </fieldset>
      ) : (
        <label>
          {t('shift.float')}
          <input
            inputMode="decimal"
            required
            value={total}
            onChange={(e) => setTotal(e.target.value)}
          />
        </label>
      )}
      {error && <p role="alert">{error}</p>}
      <button type="submit">{t('shift.open')}</button>
    </form>
  );
}
