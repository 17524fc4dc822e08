// The cart: its lines with quantity, edit and remove; the running totals; order discount and
// the way to payment.
import { useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useTillSession } from '../till/till-context';
import type { Cart, CartAction } from './cart';
import { cartTotals } from './cart-totals';
import { CartLineRow } from './cart-line-row';
import { LineDialog } from './line-dialog';
import { OrderDiscountDialog } from './order-discount-dialog';
import { TotalsView } from './totals-view';

export function CartPane(props: {
  cart: Cart;
  dispatch: (a: CartAction) => void;
  onPay: () => void;
  onDialog: (open: boolean) => void;
}) {
  const t = useT();
  const { catalog, money } = useTillSession();
  const { cart, dispatch } = props;
  const [editing, setEditing] = useState<string | null>(null);
  const [discountOpen, setDiscountOpen] = useState(false);
  const totals = cartTotals(cart, catalog.store, false);
  const cashTotal =
    catalog.store.cashRounding > 1 ? cartTotals(cart, catalog.store, true).total : null;
  const editLine = cart.lines.find((l) => l.id === editing);
  const empty = cart.lines.length === 0;

  function openLine(id: string | null) {
    setEditing(id);
    props.onDialog(id !== null);
  }
  function openDiscount(open: boolean) {
    setDiscountOpen(open);
    props.onDialog(open);
  }

  return (
    <section className="cart-pane" aria-labelledby="cart-title">
      <h2 id="cart-title" className="pane-title">
        {t('cart.title')}
      </h2>
      {empty ? (
        <p className="cart-empty muted">{t('cart.empty')}</p>
      ) : (
        <ul className="cart-lines" aria-label={t('cart.lines')}>
          {cart.lines.map((l, i) => (
            <CartLineRow
              key={l.id}
              line={l}
              total={totals.lines[i]?.total ?? 0}
              dispatch={dispatch}
              onEdit={() => openLine(l.id)}
            />
          ))}
        </ul>
      )}
      <TotalsView totals={totals} cashTotal={cashTotal} />
      <div className="cart-actions">
        <button
          type="button"
          className="secondary"
          disabled={empty}
          onClick={() => openDiscount(true)}
        >
          {cart.orderDiscount.kind === 'none' ? t('cart.addDiscount') : t('cart.changeDiscount')}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={empty}
          onClick={() => dispatch({ type: 'clear' })}
        >
          {t('cart.clear')}
        </button>
        <button
          type="button"
          className="pay"
          disabled={empty}
          aria-keyshortcuts="F9"
          onClick={props.onPay}
        >
          {t('cart.pay', { total: money(totals.total) })}
        </button>
      </div>
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
    </section>
  );
}
