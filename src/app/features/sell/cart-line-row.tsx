// One line of the cart: name, unit price and its tags, stock on hand (for products that track
// stock), the quantity stepper, the line total, edit and remove (kept on the sale as voided).
import { useT } from '../../i18n/i18n';
import { useTillSession } from '../till/till-context';
import type { CartAction, CartLine } from './cart';

export function CartLineRow(props: {
  line: CartLine;
  total: number;
  /** Stock on hand (server level plus this register's pending moves); undefined: not shown. */
  stock: number | undefined;
  /** The cart holds more of this product than is in stock. */
  short: boolean;
  dispatch: (a: CartAction) => void;
  onEdit: () => void;
}) {
  const t = useT();
  const { money, user } = useTillSession();
  const { line, dispatch, stock, short } = props;
  const name = line.name;
  return (
    <li className="cart-line" aria-label={name}>
      <div className="line-main">
        <span className="line-name">{name}</span>
        <span className="line-unit">
          {t('cart.unitPrice', { price: money(line.unitPrice) })}
          {line.priceOverride && (
            <span className="tag">
              {t('cart.overridden', { price: money(line.priceOverride.originalPrice) })}
            </span>
          )}
          {line.discount > 0 && (
            <span className="tag">{t('cart.lineDiscount', { amount: money(line.discount) })}</span>
          )}
        </span>
        {stock !== undefined && (
          <span className={short ? 'line-stock short' : 'line-stock'}>
            {t(short ? 'cart.stockShort' : 'cart.inStock', { count: stock })}
          </span>
        )}
      </div>
      <div className="qty" role="group" aria-label={t('cart.quantityOf', { name })}>
        <button
          type="button"
          className="icon"
          aria-label={t('cart.decrease', { name })}
          disabled={line.quantity <= 1}
          onClick={() =>
            dispatch({
              type: 'quantity',
              lineId: line.id,
              quantity: line.quantity - 1,
              by: user.id,
            })
          }
        >
          −
        </button>
        <span className="qty-value" aria-live="polite">
          {line.quantity}
        </span>
        <button
          type="button"
          className="icon"
          aria-label={t('cart.increase', { name })}
          onClick={() =>
            dispatch({
              type: 'quantity',
              lineId: line.id,
              quantity: line.quantity + 1,
              by: user.id,
            })
          }
        >
          +
        </button>
      </div>
      <span className="line-total">{money(props.total)}</span>
      <div className="line-actions">
        <button
          type="button"
          className="secondary icon"
          aria-label={t('cart.edit', { name })}
          onClick={props.onEdit}
        >
          ✎
        </button>
        <button
          type="button"
          className="danger icon"
          aria-label={t('cart.remove', { name })}
          onClick={() => dispatch({ type: 'remove', lineId: line.id, voidedBy: user.id })}
        >
          ×
        </button>
      </div>
    </li>
  );
}
