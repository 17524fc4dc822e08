// A discount on the whole sale, as a percentage or an amount. It is shared over the lines by
// the shared rules when the totals are computed.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../../i18n/i18n';
import { moneyInputValue, parseMoney, parsePercent } from '../../i18n/money-input';
import { Dialog } from '../../components/dialog';
import { useTillSession } from '../till/till-context';
import type { OrderDiscount } from './cart';

export function OrderDiscountDialog(props: {
  current: OrderDiscount;
  subtotal: number;
  onApply: (d: OrderDiscount) => void;
  onClose: () => void;
}) {
  const t = useT();
  const { catalog, money } = useTillSession();
  const { currency, locale } = catalog.store;
  const c = props.current;
  const [kind, setKind] = useState<'percent' | 'amount'>(
    c.kind === 'amount' ? 'amount' : 'percent',
  );
  const [value, setValue] = useState(
    c.kind === 'percent'
      ? String(c.basisPoints / 100)
      : c.kind === 'amount'
        ? moneyInputValue(c.amount, currency, locale)
        : '',
  );
  const [error, setError] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (kind === 'percent') {
      const bp = parsePercent(value);
      if (bp === null) return setError(t('discount.badPercent'));
      props.onApply(bp === 0 ? { kind: 'none' } : { kind: 'percent', basisPoints: bp });
    } else {
      const amount = parseMoney(value, currency);
      if (amount === null) return setError(t('discount.badAmount'));
      if (amount > props.subtotal)
        return setError(t('discount.tooHigh', { max: money(props.subtotal) }));
      props.onApply(amount === 0 ? { kind: 'none' } : { kind: 'amount', amount });
    }
    props.onClose();
  }

  return (
    <Dialog title={t('discount.title')} onClose={props.onClose}>
      <form className="form" onSubmit={submit}>
        <fieldset className="segmented">
          <legend>{t('discount.kind')}</legend>
          <label>
            <input
              type="radio"
              name="discount-kind"
              checked={kind === 'percent'}
              onChange={() => setKind('percent')}
            />
            {t('discount.percent')}
          </label>
          <label>
            <input
              type="radio"
              name="discount-kind"
              checked={kind === 'amount'}
              onChange={() => setKind('amount')}
            />
            {t('discount.amount')}
          </label>
        </fieldset>
        <label>
          {kind === 'percent' ? t('discount.percentValue') : t('discount.amountValue')}
          <input
            inputMode="decimal"
            required
            data-autofocus
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="actions">
          {c.kind !== 'none' && (
            <button
              type="button"
              className="danger"
              onClick={() => {
                props.onApply({ kind: 'none' });
                props.onClose();
              }}
            >
              {t('discount.remove')}
            </button>
          )}
          <button type="button" className="secondary" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit">{t('common.apply')}</button>
        </div>
      </form>
    </Dialog>
  );
}
