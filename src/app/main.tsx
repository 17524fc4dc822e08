import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { I18nContext, pickLanguage, translator } from './i18n/i18n';
import { registerServiceWorker } from './pwa/service-worker';
import './styles.css';

// Only built apps get the worker: in `npm run dev` it would serve stale precached modules.
if (import.meta.env.PROD) registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nContext.Provider value={translator(pickLanguage(navigator.language))}>
      <App />
    </I18nContext.Provider>
  </StrictMode>,
);
