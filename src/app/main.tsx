import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { deviceId } from './device-id';
import { TillDataContext } from './features/till-data-context';
import { createDexieTillData } from './features/till-data-dexie';
import { I18nContext, pickLanguage, translator } from './i18n/i18n';
import { watchBackgroundSync } from './pwa/background-sync';
import { BUILD_ID } from './pwa/build-id';
import { registerServiceWorker } from './pwa/service-worker';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
document.documentElement.dataset.build = BUILD_ID;
const data = createDexieTillData({ deviceId: deviceId() });
// The worker exists in built apps only (the dev server has none).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  registerServiceWorker();
  watchBackgroundSync(data.syncStatus, navigator.serviceWorker);
}
createRoot(root).render(
  <StrictMode>
    <I18nContext.Provider value={translator(pickLanguage(navigator.language))}>
      <TillDataContext.Provider value={data}>
        <App />
      </TillDataContext.Provider>
    </I18nContext.Provider>
  </StrictMode>,
);
