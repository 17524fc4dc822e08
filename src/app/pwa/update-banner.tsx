// "A new version is ready": the cashier decides when to reload, and never mid-sale (the button
// waits while a sale is in progress).
import { useCallback, useSyncExternalStore } from 'react';
import { useT } from '../i18n/i18n';
import type { UpdateController } from './service-worker';
import { updates } from './service-worker';
import './banner.css';

export function UpdateBanner(props: { controller?: UpdateController }) {
  const t = useT();
  const controller = props.controller ?? updates;
  const subscribe = useCallback((l: () => void) => controller.subscribe(l), [controller]);
  const state = useSyncExternalStore(
    subscribe,
    () => `${controller.ready}:${controller.saleInProgress}`,
  );
  if (!controller.ready) return null;
  const sale = state.endsWith(':true');
  return (
    <div className="banner update-banner" role="status">
      <span>{t('pwa.updateReady')}</span>
      {sale && <span className="hint">{t('pwa.afterSale')}</span>}
      <button type="button" disabled={sale} onClick={() => controller.apply()}>
        {t('pwa.reload')}
      </button>
    </div>
  );
}
