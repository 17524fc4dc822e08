// Taking one tender: pick the method, type the amount (prefilled with what is left) or press
// a quick-tender button for cash, then Enter or "Add payment".
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { PaymentMethod } from '../../../shared/records/catalog';
import { uuidv7 } from '../../../shared/uuidv7';
import { useT } from '../../i18n/i18n';
import { moneyInputValue, parseMoney } from '../../i18n/money-input';
import { useTillSession } from '../till/till-context';
import { quickTenders } from './quick-tenders';
import type { Tender } from './settle';

export function TenderForm(props: {
  methods: PaymentMethod[];
  method: PaymentMethod;
  onMethod: (m: PaymentMethod) => void;
  /** What is left to pay if this method pays it. */
  remaining: number;
  onTender: (t: Tender) => void;
}) {
  const t = useT();
  const { catalog, money } = useTillSession();
  const { currency, locale } = catalog.store;
  const { method, remaining } = props;
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | null>(null);
  const isCash = method.kind === 'cash';
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits ?? 2;

  useEffect(() => {
    setAmount(remaining > 0 ? moneyInputValue(remaining, currency, locale) : '');
    setError(null);
  }, [remaining, method.id, currency, locale]);

  function add(value: number) {
    if (value <= 0) return setError(t('pay.error.zero'));
    if (!isCash && value > remaining)
      return setError(t('pay.error.overCard', { max: money(remaining) }));
    props.onTender({ id: uuidv7(), methodId: method.id, kind: method.kind, amount: value });
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const value = parseMoney(amount, currency);
    if (value === null) return setError(t('pay.error.amount'));
    add(value);
  }

  return (
    <form className="tender-form form" onSubmit={submit} aria-label={t('pay.addTitle')}>
      <fieldset className="segmented methods">
        <legend>{t('pay.method')}</legend>
        {props.methods.map((m) => (
          <label key={m.id}>
            <input
              type="radio"
              name="method"
              checked={m.id === method.id}
              onChange={() => props.onMethod(m)}
            />
            {m.name}
          </label>
        ))}
      </fieldset>
      <label>
        {isCash ? t('pay.tendered') : t('pay.amount')}
        <input
          inputMode="decimal"
          autoFocus
          disabled={remaining <= 0}
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
      </label>
      {isCash && remaining > 0 && (
        <div className="quick" role="group" aria-label={t('pay.quick')}>
          {quickTenders(remaining, digits).map((q) => (
            <button key={q} type="button" className="secondary" onClick={() => add(q)}>
              {money(q)}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" className="secondary" disabled={remaining <= 0}>
        {t('pay.add')}
      </button>
    </form>
  );
}
