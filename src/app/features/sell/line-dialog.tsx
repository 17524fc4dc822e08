// One cart line: set the quantity and a discount (an amount off the line), change its price
// (with a manager), or remove it.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useT } from '../../i18n/i18n';
import { moneyInputValue, parseMoney } from '../../i18n/money-input';
import { Dialog } from '../../components/dialog';
import { useTillSession } from '../till/till-context';
import type { CartAction, CartLine } from './cart';
import { PriceOverrideDialog } from './price-override-dialog';

export function LineDialog(props: {
  line: CartLine;
  dispatch: (a: CartAction) => void;
  onClose: () => void;
}) {
  const t = useT();
  const { catalog, money, user } = useTillSession();
  const { currency, locale } = catalog.store;
  const { line } = props;
  const [quantity, setQuantity] = useState(String(line.quantity));
  const [discount, setDiscount] = useState(
    line.discount > 0 ? moneyInputValue(line.discount, currency, locale) : '',
  );
  const [error, setError] = useState<string | null>(null);
  const [override, setOverride] = useState(false);

  function submit(e: FormEvent) {
    e.preventDefault();
    const q = Number(quantity);
    if (!/^\d{1,5}$/.test(quantity.trim()) || q < 1) return setError(t('line.badQuantity'));
    const d = discount.trim() === '' ? 0 : parseMoney(discount, currency);
    if (d === null) return setError(t('line.badDiscount'));
    if (d > q * line.unitPrice)
      return setError(t('line.discountTooHigh', { max: money(q * line.unitPrice) }));
    props.dispatch({ type: 'quantity', lineId: line.id, quantity: q, by: user.id });
    props.dispatch({ type: 'lineDiscount', lineId: line.id, discount: d });
    props.onClose();
  }

  if (override) {
    return (
      <PriceOverrideDialog
        line={line}
        onClose={() => setOverride(false)}
        onApproved={(price, approvedBy) => {
          props.dispatch({ type: 'overridePrice', lineId: line.id, price, approvedBy });
          props.onClose();
        }}
      />
    );
  }

  return (
    <Dialog title={line.name} onClose={props.onClose}>
      <form className="form" onSubmit={submit}>
        <label>
          {t('line.quantity')}
          <input
            inputMode="numeric"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
          />
        </label>
        <label>
          {t('line.discount')}
          <input
            inputMode="decimal"
            placeholder={moneyInputValue(0, currency, locale)}
            value={discount}
            onChange={(e) => setDiscount(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setOverride(true)}>
            {t('line.changePrice')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              props.dispatch({ type: 'remove', lineId: line.id, voidedBy: user.id });
              props.onClose();
            }}
          >
            {t('line.remove')}
          </button>
          <button type="submit">{t('common.apply')}</button>
        </div>
      </form>
    </Dialog>
  );
}
