// The cart: the attached customer, its lines with quantity, stock, edit and remove; the running
// totals; order discount; clearing (recorded as a voided sale where the till has store
// operations: an unpaid sale is never silently discarded) and the way to payment, which needs
// an open shift on this register.
import { Suspense, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { LineDialog, OrderDiscountDialog } from '../lazy-screens';
import { errorText } from '../store-ops-context';
import { useTillData } from '../till-data-context';
import { useTillSession } from '../till/till-context';
import type { Cart, CartAction } from './cart';
import { cartTotals } from './cart-totals';
import { CartLines } from './cart-lines';
import { TotalsView } from './totals-view';
import type { ShiftGate } from './use-shift-gate';

export function CartPane(props: {
  cart: Cart;
  dispatch: (a: CartAction) => void;
  onPay: () => void;
  onDialog: (open: boolean) => void;
  /** Whether a shift is open: payment waits for one. */
  shift: ShiftGate;
  onOpenShift: () => void;
}) {
  const t = useT();
  const { catalog, money, user } = useTillSession();
  const ops = useTillData().storeOps;
  const [error, setError] = useState<string | null>(null);
  const { cart, dispatch } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [discountOpen, setDiscountOpen] = useState(false);
  const totals = cartTotals(cart, catalog.store, false);
  const cashTotal =
    catalog.store.cashRounding > 1 ? cartTotals(cart, catalog.store, true).total : null;
  const editLine = cart.lines.find((l) => l.id === editing);
  const empty = cart.lines.length === 0;
  const customer = cart.customer;

  function openLine(id: string | null) {
    setEditing(id);
    props.onDialog(id !== null);
  }
  function openDiscount(open: boolean) {
    setDiscountOpen(open);
    props.onDialog(open);
  }
  async function clear() {
    setError(null);
    try {
      if (ops && !empty) {
        await ops.voidCart({
          cashierId: user.id,
          lines: cart.lines.map((l) => ({
            productId: l.productId,
            name: l.name,
            quantity: l.quantity,
            unitPrice: l.unitPrice,
          })),
          total: totals.total,
        });
      }
      dispatch({ type: 'clear' });
    } catch (err) {
      setError(t('storeOps.error', { message: errorText(err) }));
    }
  }

  return (
    <section className="cart-pane" aria-labelledby="cart-title" data-shift={props.shift}>
      <h2 id="cart-title" className="pane-title">
        {t('cart.title')}
      </h2>
      {customer && (
        <p className="cart-customer">
          <span>{t('cart.customer', { name: customer.name })}</span>
          <button
            type="button"
            className="secondary icon"
            aria-label={t('cart.removeCustomer', { name: customer.name })}
            onClick={() => dispatch({ type: 'setCustomer', customer: null })}
          >
            ×
          </button>
        </p>
      )}
      {empty ? (
        <p className="cart-empty muted">{t('cart.empty')}</p>
      ) : (
        <CartLines cart={cart} lineTotals={totals.lines} dispatch={dispatch} onEdit={openLine} />
      )}
      <TotalsView totals={totals} cashTotal={cashTotal} />
      {props.shift === 'none' && (
        <div className="shift-gate" role="status">
          <span>{t('cart.noShift')}</span>
          <button type="button" onClick={props.onOpenShift}>
            {t('shift.open')}
          </button>
        </div>
      )}
      <div className="cart-actions">
        <button
          type="button"
          className="secondary"
          disabled={empty}
          onClick={() => openDiscount(true)}
        >
          {cart.orderDiscount.kind === 'none' ? t('cart.addDiscount') : t('cart.changeDiscount')}
        </button>
        <button type="button" className="secondary" disabled={empty} onClick={() => void clear()}>
          {t('cart.clear')}
        </button>
        <button
          type="button"
          className="pay"
          disabled={empty || props.shift !== 'open'}
          aria-keyshortcuts="F9"
          onClick={props.onPay}
        >
          {t('cart.pay', { total: money(totals.total) })}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <Suspense fallback={null}>
        {editLine && (
          <LineDialog line={editLine} dispatch={dispatch} onClose={() => openLine(null)} />
        )}
        {discountOpen && (
          <OrderDiscountDialog
            current={cart.orderDiscount}
            subtotal={totals.subtotal}
            onApply={(d) => dispatch({ type: 'orderDiscount', discount: d })}
            onClose={() => openDiscount(false)}
          />
        )}
      </Suspense>
    </section>
  );
}
