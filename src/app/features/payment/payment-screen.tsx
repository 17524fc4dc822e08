// Payment: one or more tenders (cash with change, card, split), then "Complete sale" records
// the sale. The receipt is shown only once recordSale has committed; a failure is said in words
// and nothing counts as sold.
import { useEffect, useRef, useState } from 'react';
import type { Sale } from '../../../shared/records/sale';
import { uuidv7 } from '../../../shared/uuidv7';
import { StoreOpsError } from '../../db/store-ops-error';
import { useT } from '../../i18n/i18n';
import { describeError } from '../describe-error';
import type { Cart } from '../sell/cart';
import { cartTotals } from '../sell/cart-totals';
import { TotalsView } from '../sell/totals-view';
import { useTillData } from '../till-data-context';
import { useTillSession } from '../till/till-context';
import { buildSale } from './build-sale';
import type { Tender } from './settle';
import { isAllCash, settle } from './settle';
import { TenderForm } from './tender-form';
import { TenderList } from './tender-list';

export function PaymentScreen(props: {
  cart: Cart;
  onBack: () => void;
  onPaid: (s: Sale) => void;
}) {
  const t = useT();
  const data = useTillData();
  const { catalog, user, money } = useTillSession();
  const { store } = catalog;
  const methods = [...catalog.paymentMethods].sort((a, b) =>
    a.kind === b.kind
      ? a.name.localeCompare(b.name)
      : a.kind === 'cash'
        ? -1
        : b.kind === 'cash'
          ? 1
          : 0,
  );
  const [methodId, setMethodId] = useState(methods[0]?.id);
  const [tenders, setTenders] = useState<Tender[]>([]);
  const [saleId] = useState(() => uuidv7());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const completeRef = useRef<HTMLButtonElement>(null);
  const method = methods.find((m) => m.id === methodId) ?? methods[0];

  const allCash = tenders.length > 0 ? isAllCash(tenders) : method?.kind === 'cash';
  const totals = cartTotals(props.cart, store, allCash);
  const settlement = settle(totals.total, tenders);
  const totalIfMethodPays = cartTotals(
    props.cart,
    store,
    isAllCash(tenders) || tenders.length === 0 ? method?.kind === 'cash' : false,
  ).total;
  const remainingForMethod = settle(totalIfMethodPays, tenders).remaining;

  useEffect(() => {
    if (settlement.complete) completeRef.current?.focus();
  }, [settlement.complete]);

  async function complete() {
    const draft = buildSale({ id: saleId, cart: props.cart, store, tenders, cashierId: user.id });
    if (!draft || busy) return;
    setBusy(true);
    setError(null);
    try {
      const sale = await data.recordSale(draft);
      props.onPaid(sale);
    } catch (err) {
      // The shift may have been closed meanwhile (another tab): nothing was sold.
      const noShift = err instanceof StoreOpsError && err.kind === 'NoOpenShift';
      setError(noShift ? t('pay.noShift') : describeError(err, t));
      setBusy(false);
    }
  }

  return (
    <div className="payment">
      <section className="payment-summary" aria-labelledby="pay-summary">
        <h2 id="pay-summary" className="pane-title">
          {t('pay.summary')}
        </h2>
        <ul className="summary-lines">
          {props.cart.lines.map((l, i) => (
            <li key={l.id}>
              <span>{t('pay.lineQty', { quantity: l.quantity, name: l.name })}</span>
              <span>{money(totals.lines[i]?.total ?? 0)}</span>
            </li>
          ))}
        </ul>
        <TotalsView totals={totals} cashTotal={null} />
      </section>
      <section className="payment-tenders" aria-labelledby="pay-title">
        <h2 id="pay-title" className="pane-title">
          {t('pay.title')}
        </h2>
        {method ? (
          <TenderForm
            methods={methods}
            method={method}
            onMethod={(m) => setMethodId(m.id)}
            remaining={remainingForMethod}
            onTender={(tender) => setTenders((ts) => [...ts, tender])}
          />
        ) : (
          <p role="alert" className="error">
            {t('pay.noMethods')}
          </p>
        )}
        <TenderList
          tenders={tenders}
          methods={methods}
          onRemove={(id) => setTenders((ts) => ts.filter((x) => x.id !== id))}
        />
        <dl className="settlement">
          <div>
            <dt>{t('pay.due')}</dt>
            <dd data-testid="due">{money(totals.total)}</dd>
          </div>
          <div>
            <dt>{t('pay.paid')}</dt>
            <dd data-testid="paid">{money(settlement.paid)}</dd>
          </div>
          <div>
            <dt>{t('pay.remaining')}</dt>
            <dd data-testid="remaining">{money(settlement.remaining)}</dd>
          </div>
          <div className="change">
            <dt>{t('pay.change')}</dt>
            <dd data-testid="change">{money(settlement.change)}</dd>
          </div>
        </dl>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <div className="actions">
          <button type="button" className="secondary" disabled={busy} onClick={props.onBack}>
            {t('pay.back')}
          </button>
          <button
            ref={completeRef}
            type="button"
            className="pay"
            disabled={!settlement.complete || busy}
            onClick={() => void complete()}
          >
            {busy ? t('pay.saving') : t('pay.complete')}
          </button>
        </div>
      </section>
    </div>
  );
}
