/**
 * Renderer entry: language first (it decides the store's initial language), then the store, the
 * core's event wiring, and the session check, then React.
 */
import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api/client';
import { App } from './app/App';
import { setupI18n } from './i18n';
import { initStore } from './store';
import { connectCoreEvents } from './store/coreEvents';
import { applyTheme } from './store/uiSlice';
import './styles.css';

const language = setupI18n();
const store = initStore(language);
applyTheme(store.getState().theme);
connectCoreEvents(getApi(), store);
void store.getState().loadSession();

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
