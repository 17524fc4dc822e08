import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { deviceId } from './device-id';
import { preloadScreens } from './features/lazy-screens';
import { TillDataContext } from './features/till-data-context';
import { createDexieTillData } from './features/till-data-dexie';
import type { Language } from './i18n/i18n';
import { I18nContext, loadLanguage, pickLanguage, translator } from './i18n/i18n';
import { watchBackgroundSync } from './pwa/background-sync';
import { BUILD_ID } from './pwa/build-id';
import { registerServiceWorker } from './pwa/service-worker';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
document.documentElement.dataset.build = BUILD_ID;
const data = createDexieTillData({ deviceId: deviceId() });
// The worker exists in built apps only (the dev server has none).
const withWorker = import.meta.env.PROD && 'serviceWorker' in navigator;
if (withWorker) watchBackgroundSync(data.syncStatus, navigator.serviceWorker);
const render = (language: Language) => {
  createRoot(root).render(
    <StrictMode>
      <I18nContext.Provider value={translator(language)}>
        <TillDataContext.Provider value={data}>
          <App />
        </TillDataContext.Provider>
      </I18nContext.Provider>
    </StrictMode>,
  );
  // Not needed to paint the first screen, so fetched after it: the other screens (a till that
  // loses the network later still has them) and the worker's registration.
  preloadScreens();
  if (withWorker) void registerServiceWorker();
};
// The first render waits for the device's language (German is a chunk of its own). Should it
// fail to arrive (a broken deployment, or the network lost mid-load on a first visit), a till
// in English is better than none.
const language = pickLanguage(navigator.language);
loadLanguage(language).then(
  () => render(language),
  () => render('en'),
);
