// @vitest-environment jsdom
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignedIn } from '../../../../src/app/features/till/signed-in';
import { MemoryTillData } from '../memory-till-data';
import { renderTill } from '../render-till';
import * as fixtures from '../fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
});

const register2 = {
  ...fixtures.register,
  id: '0190a000-0000-7000-8000-0000000000b2',
  code: 'R2',
  name: 'Register 2',
};

function fakeServer() {
  const calls: { method: string; url: string; auth: string | null; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      calls.push({
        method: init.method ?? 'GET',
        url,
        auth: headers.get('authorization'),
        body: init.body ? (JSON.parse(init.body as string) as unknown) : null,
      });
      if (url === '/api/devices/current')
        return Response.json({
          id: '0190a000-0000-7000-8000-00000000dddd',
          storeId: fixtures.store.id,
          register: null,
        });
      if (url === '/api/catalog?limit=1')
        return Response.json({
          store: fixtures.store,
          registers: [register2, fixtures.register],
          categories: [],
          taxRates: [],
          paymentMethods: [],
          products: [],
          nextCursor: null,
        });
      if (url === '/api/devices/current/register')
        return Response.json({
          id: '0190a000-0000-7000-8000-00000000dddd',
          storeId: fixtures.store.id,
          register: register2,
        });
      return new Response(null, { status: 404 });
    }),
  );
  return calls;
}

describe('first start on a device', () => {
  it('binds a register of the store, shows the first sync with its progress, then opens the till', async () => {
    const user = userEvent.setup();
    const calls = fakeServer();
    const data = new MemoryTillData();
    data.register = null;
    data.registers = [fixtures.register, register2];
    data.catalogReady = false;
    const session = { accessToken: 'access-1', expiresIn: 900, user: fixtures.cashier };
    renderTill(<SignedIn session={session} deviceId="device-1" onSignedOut={vi.fn()} />, { data });

    expect(screen.getByText('Signed in as Clara Cashier (cashier)')).toBeInTheDocument();
    expect(data.session).toBe(session);
    const choices = await screen.findAllByRole('button', { name: /Register/ });
    expect(choices.map((b) => b.textContent)).toEqual(['Register 1R1', 'Register 2R2']);
    await user.click(screen.getByRole('button', { name: /Register 2/ }));

    expect(calls.map((c) => [c.method, c.url, c.auth])).toEqual([
      ['GET', '/api/devices/current', 'Bearer access-1'],
      ['GET', '/api/catalog?limit=1', 'Bearer access-1'],
    ]);
    expect(await screen.findByRole('heading', { name: 'Getting the catalog' })).toBeInTheDocument();
    expect(data.register).toEqual(register2);

    act(() => data.changed({ pull: { done: 12_400, total: 100_000 } }));
    expect(screen.getByRole('progressbar', { name: 'Download progress' })).toHaveAttribute(
      'value',
      '12400',
    );
    expect(screen.getByText('12,400 of 100,000 products')).toBeInTheDocument();

    act(() => {
      data.catalogReady = true;
      data.changed({ pull: null });
    });
    expect(await screen.findByRole('combobox', { name: 'Search products' })).toBeInTheDocument();
    expect(screen.getByText('Test Market · Register 2')).toBeInTheDocument();
  });

  it('says in words when the server cannot be reached on first start', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    );
    const data = new MemoryTillData();
    data.register = null;
    const session = { accessToken: 'a', expiresIn: 900, user: fixtures.cashier };
    renderTill(<SignedIn session={session} deviceId="device-1" onSignedOut={vi.fn()} />, { data });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server cannot be reached. Check the network and try again.',
    );
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
