import { describe, expect, it } from 'vitest';
import { apiClient } from '../../../src/app/sync/api';
import type { SyncEnv } from '../../../src/app/sync/env';
import { memoryLocks } from '../../../src/app/sync/locks';
import { SignedOut, TokenStore, memorySessionPersistence } from '../../../src/app/sync/token-store';
import { z } from 'zod';
import { apiError, fakeFetch, json } from '../../support/fake-fetch';
import type { Handler } from '../../support/fake-fetch';
import { manualClock } from '../../support/manual-timers';

const user = {
  id: '0190a0b0-0000-7000-8000-000000000001',
  username: 'c',
  name: 'C',
  role: 'cashier',
  storeId: '0190a0b0-0000-7000-8000-000000000002',
};

function setup(routes: Record<string, Handler>) {
  const clock = manualClock();
  const { fetch, calls } = fakeFetch(routes);
  const env: SyncEnv = { fetch, baseUrl: '', now: clock.now, random: () => 0, timers: clock };
  return { env, calls, clock };
}

function refresher() {
  let n = 0;
  return async () => {
    n += 1;
    await new Promise((r) => setTimeout(r, 5));
    return json({ accessToken: `fresh-${n}`, expiresIn: 900, user });
  };
}

describe('the token store', () => {
  it('refreshes an expiring token once, even when two tabs ask at the same time', async () => {
    const { env, calls, clock } = setup({ 'POST /api/auth/refresh': refresher() });
    const locks = memoryLocks();
    const shared = memorySessionPersistence();
    const tabA = new TokenStore(env, locks, shared);
    const tabB = new TokenStore(env, locks, shared);
    await tabA.signIn({ accessToken: 'first', expiresIn: 900, user: user as never });
    expect(await tabB.token()).toBe('first');

    await clock.advance(900_000);
    const [a, b] = await Promise.all([tabA.token(), tabB.token()]);
    expect(a).toBe('fresh-1');
    expect(b).toBe('fresh-1');
    expect(calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('is signed out when the refresh is refused, and stays so until a sign-in', async () => {
    const { env } = setup({ 'POST /api/auth/refresh': () => apiError('Unauthorized', 401) });
    const persistence = memorySessionPersistence();
    const tokens = new TokenStore(env, memoryLocks(), persistence);
    await expect(tokens.token()).rejects.toBeInstanceOf(SignedOut);
    expect(await persistence.load()).toBeNull();
    await tokens.signIn({ accessToken: 'again', expiresIn: 900, user: user as never });
    expect(await tokens.token()).toBe('again');
  });

  it('passes a network failure of the refresh on as it is (retry later, not signed out)', async () => {
    const { env } = setup({});
    const tokens = new TokenStore(env, memoryLocks(), memorySessionPersistence());
    await expect(tokens.token()).rejects.toMatchObject({ name: 'NetworkError' });
  });
});

describe('authorised calls', () => {
  it('refresh the token once on a 401 and retry with the new one', async () => {
    const { env, calls } = setup({
      'POST /api/auth/refresh': refresher(),
      'GET /api/thing': (call) =>
        call.headers.authorization === 'Bearer fresh-1'
          ? json({ ok: true })
          : apiError('Unauthorized', 401),
    });
    const tokens = new TokenStore(env, memoryLocks(), memorySessionPersistence());
    await tokens.signIn({ accessToken: 'revoked', expiresIn: 900, user: user as never });
    const api = apiClient(env, tokens);
    expect(await api.call('/api/thing', { method: 'GET' }, z.object({ ok: z.boolean() }))).toEqual({
      ok: true,
    });
    expect(calls.map((c) => `${c.method} ${c.path} ${c.headers.authorization ?? ''}`)).toEqual([
      'GET /api/thing Bearer revoked',
      'POST /api/auth/refresh ',
      'GET /api/thing Bearer fresh-1',
    ]);
  });

  it('give up as signed out when even a fresh token is refused', async () => {
    const { env, calls } = setup({
      'POST /api/auth/refresh': refresher(),
      'GET /api/thing': () => apiError('Unauthorized', 401),
    });
    const tokens = new TokenStore(env, memoryLocks(), memorySessionPersistence());
    await tokens.signIn({ accessToken: 'old', expiresIn: 900, user: user as never });
    await expect(apiClient(env, tokens).call('/api/thing', {}, z.unknown())).rejects.toBeInstanceOf(
      SignedOut,
    );
    expect(calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(1);
  });

  it('learn the device clock offset from the Date header', async () => {
    const { env, clock } = setup({
      'GET /api/thing': () =>
        json({}, 200, { date: new Date(clock.now() + 120_000).toUTCString() }),
    });
    const tokens = new TokenStore(env, memoryLocks(), memorySessionPersistence());
    await tokens.signIn({ accessToken: 't', expiresIn: 900, user: user as never });
    const api = apiClient(env, tokens);
    expect(api.clockOffset()).toBeNull();
    await api.call('/api/thing', {}, z.unknown());
    expect(api.clockOffset()).toBe(120_000);
  });
});
