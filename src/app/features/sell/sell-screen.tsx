// Selling: find products (search, categories, scanner) on the left, the cart on the right.
// F2 jumps to the search field and F9 to payment, so a whole sale works from the keyboard.
// Scanning works any time; payment waits for an open shift, which can be opened from the cart.
import { Suspense, useEffect, useRef, useState } from 'react';
import type { Product } from '../../../shared/records/catalog';
import { Dialog } from '../../components/dialog';
import { useT } from '../../i18n/i18n';
import { OpenShiftForm } from '../lazy-screens';
import { useTillData } from '../till-data-context';
import { useTillSession } from '../till/till-context';
import type { Cart, CartAction } from './cart';
import { CartPane } from './cart-pane';
import { CategoryBrowser } from './category-browser';
import { ProductSearch } from './product-search';
import { useScanner } from './use-scanner';
import { StoreOpsBar } from './store-ops-bar';
import { useShiftGate } from './use-shift-gate';

export function SellScreen(props: {
  cart: Cart;
  dispatch: (a: CartAction) => void;
  onPay: () => void;
  /** False while something else (a dialog above this screen) owns the keyboard. */
  active: boolean;
}) {
  const t = useT();
  const data = useTillData();
  const { catalog } = useTillSession();
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [openingShift, setOpeningShift] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const keyboard = props.active && !dialogOpen;
  const shift = useShiftGate();

  function askShift(open: boolean) {
    setOpeningShift(open);
    setDialogOpen(open);
  }
  // The dialog has done its job once the shift is open.
  useEffect(() => {
    if (shift === 'open' && openingShift) {
      setOpeningShift(false);
      setDialogOpen(false);
    }
  }, [shift, openingShift]);

  function add(p: Product) {
    const rate = catalog.taxRates.find((r) => r.id === p.taxRateId);
    if (!p.active || !rate) {
      setNotice({ text: t('sell.notForSale', { name: p.name }), error: true });
      return;
    }
    props.dispatch({ type: 'add', product: p, taxBasisPoints: rate.basisPoints });
    setNotice({ text: t('sell.added', { name: p.name }), error: false });
  }

  function unknownCode(code: string) {
    setNotice({ text: t('sell.unknownCode', { code }), error: true });
  }

  async function scan(code: string) {
    const p = await data.productByBarcode(code);
    if (p) add(p);
    else unknownCode(code);
  }
  useScanner((code) => void scan(code), { enabled: keyboard });

  useEffect(() => searchRef.current?.focus(), []);

  const { cart, onPay } = props;
  useEffect(() => {
    if (!keyboard) return;
    function onKey(e: KeyboardEvent) {
      if (e.key === 'F2') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === 'F9' && cart.lines.length > 0 && shift === 'open') {
        e.preventDefault();
        onPay();
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [keyboard, cart.lines.length, onPay, shift]);

  return (
    <div className="sell">
      <section className="catalog-pane" aria-label={t('sell.products')}>
        <ProductSearch
          query={query}
          onQuery={setQuery}
          onAdd={add}
          onUnknownCode={unknownCode}
          inputRef={searchRef}
        />
        <p role="status" className={notice?.error ? 'notice error' : 'notice'}>
          {notice?.text}
        </p>
        {query.trim() === '' && <CategoryBrowser onAdd={add} />}
      </section>
      <CartPane
        cart={cart}
        dispatch={props.dispatch}
        onPay={onPay}
        onDialog={setDialogOpen}
        shift={shift}
        onOpenShift={() => askShift(true)}
      />
      <Suspense fallback={null}>
        {openingShift && (
          <Dialog title={t('shift.open')} onClose={() => askShift(false)}>
            <OpenShiftForm />
          </Dialog>
        )}
      </Suspense>
      {data.storeOps && (
        <StoreOpsBar
          ops={data.storeOps}
          cart={cart}
          dispatch={props.dispatch}
          onDialog={setDialogOpen}
        />
      )}
    </div>
  );
}
