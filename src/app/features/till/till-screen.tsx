// The till once a register is chosen and the catalog is in: sell, pay, receipt and today's
// sales, with the sync center and sign-out over any of them. The cart lives here, so looking
// at the history does not lose it.
import { useCallback, useEffect, useReducer, useState } from 'react';
import { ScreenBoundary } from '../../components/screen-boundary';
import type { Sale } from '../../../shared/records/sale';
import { useT } from '../../i18n/i18n';
import {
  HistoryScreen,
  LogoutDialog,
  PaymentScreen,
  ReceiptScreen,
  SyncCenter,
} from '../lazy-screens';
import { cartReducer, emptyCart } from '../sell/cart';
import { SellScreen } from '../sell/sell-screen';
import { updates } from '../../pwa/service-worker';
import { useTillSession } from './till-context';
import { TillHeader } from './till-header';

type View =
  | { name: 'sell' }
  | { name: 'pay' }
  | { name: 'receipt'; saleId: string; fresh: boolean }
  | { name: 'history' };

export function TillScreen(props: { onSignedOut: () => void }) {
  const t = useT();
  const { user } = useTillSession();
  const [view, setView] = useState<View>({ name: 'sell' });
  const [cart, dispatch] = useReducer(cartReducer, emptyCart);
  const [overlay, setOverlay] = useState<'sync' | 'logout' | null>(null);
  const toPay = useCallback(() => setView({ name: 'pay' }), []);
  const saleInProgress = cart.lines.length > 0 || view.name === 'pay';

  // A new build waits while a sale is open (and when this screen goes, e.g. on sign-out).
  useEffect(() => {
    updates.setSaleInProgress(saleInProgress);
    return () => updates.setSaleInProgress(false);
  }, [saleInProgress]);

  function paid(sale: Sale) {
    // Only now, with the sale committed, does the cart go and the receipt show.
    dispatch({ type: 'clear' });
    setView({ name: 'receipt', saleId: sale.id, fresh: true });
  }

  return (
    <div className="till">
      <TillHeader
        view={view.name === 'sell' || view.name === 'history' ? view.name : 'other'}
        onSell={() => setView({ name: 'sell' })}
        onHistory={() => setView({ name: 'history' })}
        onSync={() => setOverlay('sync')}
        onSignOut={() => setOverlay('logout')}
      />
      <main className="till-main">
        <ScreenBoundary
          fallback={<p className="loading">{t('common.loading')}</p>}
          onLeave={() => setView({ name: 'sell' })}
        >
          {view.name === 'sell' && (
            <SellScreen cart={cart} dispatch={dispatch} onPay={toPay} active={overlay === null} />
          )}
          {view.name === 'pay' && (
            <PaymentScreen cart={cart} onBack={() => setView({ name: 'sell' })} onPaid={paid} />
          )}
          {view.name === 'receipt' && (
            <ReceiptScreen
              saleId={view.saleId}
              fresh={view.fresh}
              onDone={() => setView(view.fresh ? { name: 'sell' } : { name: 'history' })}
            />
          )}
          {view.name === 'history' && (
            <HistoryScreen
              onOpen={(saleId) => setView({ name: 'receipt', saleId, fresh: false })}
              onBack={() => setView({ name: 'sell' })}
            />
          )}
        </ScreenBoundary>
      </main>
      <ScreenBoundary fallback={null} onLeave={() => setOverlay(null)}>
        {overlay === 'sync' && <SyncCenter onClose={() => setOverlay(null)} />}
        {overlay === 'logout' && (
          <LogoutDialog
            isManager={user.role !== 'cashier'}
            onClose={() => setOverlay(null)}
            onSignedOut={props.onSignedOut}
          />
        )}
      </ScreenBoundary>
    </div>
  );
}
