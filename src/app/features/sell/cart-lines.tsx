// The cart's lines, each with stock on hand for products that track stock. Mounted only while
// the cart has lines, so the stock levels are read (and re-read after writes) only then.
import { useT } from '../../i18n/i18n';
import { useTillData } from '../till-data-context';
import type { Cart, CartAction, CartLine } from './cart';
import { CartLineRow } from './cart-line-row';

const noStock = (): Map<string, number> | undefined => undefined;

/** What to show as stock on hand: nothing for untracked products or while loading. */
export function stockOf(line: CartLine, onHand: Map<string, number> | undefined) {
  if (!onHand || line.stockTracked === false) return undefined;
  const level = onHand.get(line.productId);
  // A tracked product with no level and no moves has none; a resumed line shows a known level.
  return level ?? (line.stockTracked ? 0 : undefined);
}

export function CartLines(props: {
  cart: Cart;
  lineTotals: readonly { total: number }[];
  dispatch: (a: CartAction) => void;
  onEdit: (lineId: string) => void;
}) {
  const t = useT();
  const ops = useTillData().storeOps;
  // The port is fixed for the till's life, so the same hook runs on every render.
  const useStockOnHand = ops ? ops.useStockOnHand.bind(ops) : noStock;
  const onHand = useStockOnHand();
  // The same product may sit on several lines (one discounted by hand): compare their sum.
  const inCart = new Map<string, number>();
  for (const l of props.cart.lines)
    inCart.set(l.productId, (inCart.get(l.productId) ?? 0) + l.quantity);
  return (
    <ul className="cart-lines" aria-label={t('cart.lines')}>
      {props.cart.lines.map((l, i) => (
        <CartLineRow
          key={l.id}
          line={l}
          total={props.lineTotals[i]?.total ?? 0}
          stock={stockOf(l, onHand)}
          short={(inCart.get(l.productId) ?? 0) > (stockOf(l, onHand) ?? Infinity)}
          dispatch={props.dispatch}
          onEdit={() => props.onEdit(l.id)}
        />
      ))}
    </ul>
  );
}
