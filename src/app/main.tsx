import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { deviceId } from './device-id';
import { TillDataContext } from './features/till-data-context';
import { createDexieTillData } from './features/till-data-dexie';
import { I18nContext, pickLanguage, translator } from './i18n/i18n';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
const data = createDexieTillData({ deviceId: deviceId() });
createRoot(root).render(
  <StrictMode>
    <I18nContext.Provider value={translator(pickLanguage(navigator.language))}>
      <TillDataContext.Provider value={data}>
        <App />
      </TillDataContext.Provider>
    </I18nContext.Provider>
  </StrictMode>,
);
