// @vitest-environment jsdom
// The root on start: the server unreachable with a cashier known on this device opens the
// till from the local store; a refused session shows the login screen.
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/app';
import { TillDataContext } from '../../src/app/features/till-data-context';
import { saveLastSession } from '../../src/app/features/till/last-session';
import { I18nContext, translator } from '../../src/app/i18n/i18n';
import * as fixtures from './features/fixtures';
import { MemoryTillData } from './features/memory-till-data';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  localStorage.clear();
});
beforeEach(() => localStorage.clear());

function renderApp(data = new MemoryTillData()) {
  render(
    <I18nContext.Provider value={translator('en')}>
      <TillDataContext.Provider value={data}>
        <App />
      </TillDataContext.Provider>
    </I18nContext.Provider>,
  );
  return data;
}

const unauthorized = () =>
  new Response(JSON.stringify({ error: { kind: 'Unauthorized', message: 'no session' } }), {
    status: 401,
    headers: { 'content-type': 'application/json' },
  });

describe('starting the app', () => {
  it('opens the till offline for the cashier who last signed in here', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    saveLastSession(fixtures.cashier);
    const offline = new MemoryTillData();
    offline.changed({ connectivity: 'offline' });
    const data = renderApp(offline);
    expect(await screen.findByText(/^Offline: started from this device/)).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Search products' })).toBeVisible();
    // The engine gets no token to use: it refreshes with the cookie once the network is back.
    // (The session reaches the data layer in an effect, which may run after the first paint.)
    await waitFor(() => expect(data.session?.accessToken).toBe(''));
  });

  it('shows the login screen offline when nobody signed in on this device', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    renderApp();
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeVisible();
  });

  it('shows the login screen when the server refuses the session, keeping the local data', async () => {
    vi.stubGlobal('fetch', vi.fn().mockResolvedValue(unauthorized()));
    saveLastSession(fixtures.cashier);
    const data = renderApp();
    await data.seedSale();
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(data.wiped).toBe(0);
    expect(data.sales).toHaveLength(1);
  });
});
