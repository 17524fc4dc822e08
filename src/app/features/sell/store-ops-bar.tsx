// Store operations from the sell screen: the shift (open, cash, X report, close), refunds,
// parked orders, parking the cart with a note, voiding the whole unpaid cart (recorded) and
// the customer of the sale (search, create, edit, attach).
// Shown when the till's data port offers store operations.
import { Suspense, useState } from 'react';
import type { FormEvent } from 'react';
import type { ParkedOrder } from '../../../shared/records/parked-order';
import { Dialog } from '../../components/dialog';
import { useT } from '../../i18n/i18n';
import {
  CustomerScreen,
  ParkedList,
  RefundScreen,
  ShiftScreen,
  StockScreen,
} from '../lazy-screens';
import type { StoreOpsData } from '../store-ops-data';
import { errorText } from '../store-ops-context';
import { useTillSession } from '../till/till-context';
import type { Cart, CartAction } from './cart';

type Open = 'shift' | 'refund' | 'parked' | 'park' | 'stock' | 'customer' | null;

export function StoreOpsBar(props: {
  ops: StoreOpsData;
  cart: Cart;
  dispatch: (a: CartAction) => void;
  onDialog: (open: boolean) => void;
}) {
  const t = useT();
  const session = useTillSession();
  const shift = props.ops.useOpenShift();
  const [open, setOpenState] = useState<Open>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const setOpen = (o: Open) => {
    setOpenState(o);
    props.onDialog(o !== null);
  };

  async function park(e: FormEvent) {
    e.preventDefault();
    try {
      await props.ops.parkOrder({
        parkedBy: session.user.id,
        note,
        lines: props.cart.lines.map((l) => ({
          productId: l.productId,
          name: l.name,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
          discount: l.discount,
          taxRateId: l.taxRateId,
          taxBasisPoints: l.taxBasisPoints,
        })),
      });
      props.dispatch({ type: 'clear' });
      setNote('');
      setOpen(null);
    } catch (err) {
      setError(t('storeOps.error', { message: errorText(err) }));
    }
  }

  function resume(order: ParkedOrder) {
    props.dispatch({
      type: 'restore',
      lines: order.lines.flatMap((l) =>
        l.taxRateId !== undefined && l.taxBasisPoints !== undefined
          ? [{ ...l, taxRateId: l.taxRateId, taxBasisPoints: l.taxBasisPoints }]
          : [],
      ),
    });
    setOpen(null);
  }

  async function voidCart() {
    try {
      await props.ops.voidCart({
        cashierId: session.user.id,
        lines: props.cart.lines.map((l) => ({
          productId: l.productId,
          name: l.name,
          quantity: l.quantity,
          unitPrice: l.unitPrice,
        })),
        total: props.cart.lines.reduce((a, l) => a + l.quantity * l.unitPrice - l.discount, 0),
      });
      props.dispatch({ type: 'clear' });
    } catch (err) {
      setError(t('storeOps.error', { message: errorText(err) }));
    }
  }

  const empty = props.cart.lines.length === 0;
  return (
    <nav className="store-ops-bar" aria-label={t('shift.title')}>
      {shift === null && <p role="status">{t('shift.none')}</p>}
      <button type="button" onClick={() => setOpen('shift')}>
        {t('shift.title')}
      </button>
      <button type="button" onClick={() => setOpen('refund')}>
        {t('refund.title')}
      </button>
      <button type="button" onClick={() => setOpen('parked')}>
        {t('parked.title')}
      </button>
      <button type="button" onClick={() => setOpen('stock')}>
        {t('stock.title')}
      </button>
      <button type="button" onClick={() => setOpen('customer')}>
        {props.cart.customer
          ? t('customers.attached', { name: props.cart.customer.name })
          : t('customers.open')}
      </button>
      <button type="button" disabled={empty} onClick={() => setOpen('park')}>
        {t('parked.park')}
      </button>
      <button type="button" disabled={empty} onClick={() => void voidCart()}>
        {t('parked.voidCart')}
      </button>
      {error && <p role="alert">{error}</p>}
      {/* Outside the dialogs: a dialog opens with its screen in it, and focuses its first field. */}
      <Suspense fallback={null}>
        {open === 'shift' && (
          <Dialog title={t('shift.title')} onClose={() => setOpen(null)} wide>
            <ShiftScreen />
          </Dialog>
        )}
        {open === 'refund' && (
          <Dialog title={t('refund.title')} onClose={() => setOpen(null)} wide>
            <RefundScreen />
          </Dialog>
        )}
        {open === 'stock' && (
          <Dialog title={t('stock.title')} onClose={() => setOpen(null)} wide>
            <StockScreen />
          </Dialog>
        )}
        {open === 'customer' && (
          <Dialog title={t('customers.title')} onClose={() => setOpen(null)} wide>
            <CustomerScreen
              attached={props.cart.customer}
              onAttach={(customer) => {
                props.dispatch({ type: 'setCustomer', customer });
                setOpen(null);
              }}
              onDetach={() => props.dispatch({ type: 'setCustomer', customer: null })}
            />
          </Dialog>
        )}
        {open === 'parked' && (
          <Dialog title={t('parked.title')} onClose={() => setOpen(null)}>
            <ParkedList onResume={resume} />
          </Dialog>
        )}
      </Suspense>
      {open === 'park' && (
        <Dialog title={t('parked.park')} onClose={() => setOpen(null)}>
          <form className="form" onSubmit={(e) => void park(e)}>
            <label>
              {t('parked.note')}
              <input value={note} onChange={(e) => setNote(e.target.value)} />
            </label>
            <button type="submit">{t('parked.park')}</button>
          </form>
        </Dialog>
      )}
    </nav>
  );
}
