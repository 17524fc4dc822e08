import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionResponse } from '../../src/shared/api/login';
import { uuidv7 } from '../../src/shared/uuidv7';
import { AUDIENCE, ISSUER } from '../../src/server/auth/access-token';
import type { TestServer } from '../support/test-app';
import { testServer } from '../support/test-app';

let server: TestServer;
beforeAll(async () => {
  server = await testServer({
    env: { TILL_LOGIN_MAX_FAILURES: '3', TILL_LOGIN_WINDOW_SECONDS: '600' },
  });
});
afterAll(() => server.close());

const login = (username: string, password: string, remoteAddress = '10.0.0.1') =>
  server.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress,
    payload: { username, password, deviceId: uuidv7() },
  });

const refresh = (cookie: string) =>
  server.app.inject({ method: 'POST', url: '/api/auth/refresh', headers: { cookie } });

const catalogWith = (token: string) =>
  server.app.inject({
    method: 'GET',
    url: '/api/catalog?limit=1',
    headers: { authorization: `Bearer ${token}` },
  });

describe('POST /api/auth/login', () => {
  it('signs in with the right password: an access token and an httpOnly SameSite=Strict refresh cookie', async () => {
    const res = await login('cashier1', 'demo', '10.0.1.1');
    expect(res.statusCode).toBe(200);
    const body = sessionResponse.parse(res.json());
    expect(body.user).toMatchObject({ username: 'cashier1', role: 'cashier' });
    expect(body.expiresIn).toBe(900);
    const cookie = res.cookies.find((c) => c.name === 'till_refresh');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    expect((await catalogWith(body.accessToken)).statusCode).toBe(200);
  });

  it('refuses a wrong password and an unknown user alike', async () => {
    for (const res of [
      await login('cashier1', 'wrong', '10.0.2.1'),
      await login('nobody', 'demo', '10.0.2.2'),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({
        error: { kind: 'Unauthorized', message: 'Wrong username or password.' },
      });
      expect(res.cookies).toHaveLength(0);
    }
  });

  it('answers 429 with Retry-After after repeated failures for one username, from any address', async () => {
    for (let i = 0; i < 3; i++)
      expect((await login('manager2', 'guess', `10.0.3.${i}`)).statusCode).toBe(401);
    const locked = await login('manager2', 'demo', '10.0.3.99');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.kind).toBe('RateLimited');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers 429 after repeated failures from one address, whatever the usernames', async () => {
    for (const u of ['a', 'b', 'c']) expect((await login(u, 'x', '10.0.4.1')).statusCode).toBe(401);
    expect((await login('cashier2', 'demo', '10.0.4.1')).statusCode).toBe(429);
    expect((await login('cashier2', 'demo', '10.0.4.2')).statusCode).toBe(200);
  });
});

describe('POST /api/auth/refresh', () => {
  it('rotates the refresh token, and a token used twice revokes its whole family', async () => {
    const first = await server.login('cashier1');
    const r1 = await refresh(first.cookie);
    expect(r1.statusCode).toBe(200);
    sessionResponse.parse(r1.json());
    const second = r1.cookies.find((c) => c.name === 'till_refresh');
    expect(second?.value).toBeTruthy();
    expect(second?.value).not.toBe(first.cookie.split('=')[1]);

    // The first token again: theft. It fails, and so does the legitimate successor.
    const replay = await refresh(first.cookie);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.details).toEqual({ reason: 'reused' });
    const successor = await refresh(`till_refresh=${second?.value ?? ''}`);
    expect(successor.statusCode).toBe(401);
    expect(successor.json().error.details).toEqual({ reason: 'revoked' });
  });

  it('refuses without a cookie and with an unknown token', async () => {
    const none = await server.app.inject({ method: 'POST', url: '/api/auth/refresh' });
    expect(none.statusCode).toBe(401);
    expect((await refresh('till_refresh=made-up')).statusCode).toBe(401);
  });

  it('logout ends the family', async () => {
    const s = await server.login('manager1');
    const out = await server.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(out.statusCode).toBe(204);
    expect((await refresh(s.cookie)).statusCode).toBe(401);
  });
});

describe('access tokens', () => {
  const claims = async () => {
    const s = await server.login('cashier1');
    return { sub: s.userId, role: 'cashier', storeId: s.storeId, deviceId: s.deviceId };
  };
  const secret = async () => {
    const r = await server.db.query<{ jwt_secret: string }>('select jwt_secret from server_meta');
    return new TextEncoder().encode(r.rows[0]?.jwt_secret);
  };
  const signed = async (
    c: Record<string, string>,
    opts: { key?: Uint8Array; aud?: string; iss?: string; exp?: number; alg?: string },
  ) =>
    new SignJWT({ role: c.role, storeId: c.storeId, deviceId: c.deviceId })
      .setProtectedHeader({ alg: opts.alg ?? 'HS256' })
      .setSubject(c.sub ?? '')
      .setIssuer(opts.iss ?? ISSUER)
      .setAudience(opts.aud ?? AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(opts.exp ?? Math.floor(Date.now() / 1000) + 600)
      .sign(opts.key ?? (await secret()));

  it('accepts a token made with the server key, issuer and audience (the control case)', async () => {
    expect((await catalogWith(await signed(await claims(), {}))).statusCode).toBe(200);
  });

  it.each([
    ['no token', async () => ''],
    [
      'alg none',
      async () =>
        new UnsecuredJWT({ ...(await claims()) })
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime('10m')
          .encode(),
    ],
    [
      'a wrong signature',
      async () =>
        signed(await claims(), {
          key: new TextEncoder().encode('another secret of 32 characters!!'),
        }),
    ],
    ['HS512 with the right key', async () => signed(await claims(), { alg: 'HS512' })],
    ['a wrong audience', async () => signed(await claims(), { aud: 'someone-else' })],
    ['a wrong issuer', async () => signed(await claims(), { iss: 'evil' })],
    [
      'an expired token',
      async () => signed(await claims(), { exp: Math.floor(Date.now() / 1000) - 5 }),
    ],
    ['garbage', async () => 'not.a.jwt'],
  ])('refuses %s with 401 Unauthorized', async (_, make) => {
    const token = await make();
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/catalog',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.kind).toBe('Unauthorized');
  });

  it('expires access tokens after 15 minutes', async () => {
    const c = await claims();
    const issued = new Date(Date.now() - 16 * 60_000);
    const token = await server.app.till.tokens.sign(
      { sub: c.sub, role: 'cashier', storeId: c.storeId, deviceId: c.deviceId },
      issued,
    );
    expect((await catalogWith(token)).statusCode).toBe(401);
  });
});
