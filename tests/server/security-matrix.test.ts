// The security matrix: every route that needs a token refuses no token, an expired token,
// `alg: none`, a wrong signature and a wrong audience with 401. The routes come from the
// OpenAPI document (those marked with bearer security), so a new route joins the matrix by
// itself.
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCE, ISSUER } from '../../src/server/auth/access-token';
import type { TestServer } from '../support/test-app';
import { testServer } from '../support/test-app';

let server: TestServer;
let guarded: { method: string; url: string }[];
let claims: { sub: string; role: string; storeId: string; deviceId: string };
let key: Uint8Array;

beforeAll(async () => {
  server = await testServer();
  const doc = (await server.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  }>();
  guarded = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([, op]) => (op.security ?? []).length > 0)
      .map(([m]) => ({ method: m.toUpperCase(), url: path.replace(/\{(\w+)\}/g, 'x') })),
  );
  const s = await server.login('manager1');
  claims = { sub: s.userId, role: 'manager', storeId: s.storeId, deviceId: s.deviceId };
  const meta = await server.db.query<{ jwt_secret: string }>('select jwt_secret from server_meta');
  key = new TextEncoder().encode(meta.rows[0]?.jwt_secret);
});
afterAll(() => server.close());

const sign = (opts: { key?: Uint8Array; aud?: string; exp?: number } = {}) =>
  new SignJWT({ role: claims.role, storeId: claims.storeId, deviceId: claims.deviceId })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setAudience(opts.aud ?? AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(opts.exp ?? Math.floor(Date.now() / 1000) + 600)
    .sign(opts.key ?? key);

const badTokens: [string, () => Promise<string | null>][] = [
  ['no token', async () => null],
  ['an expired token', () => sign({ exp: Math.floor(Date.now() / 1000) - 1 })],
  [
    'alg: none',
    async () =>
      new UnsecuredJWT({ role: claims.role, storeId: claims.storeId, deviceId: claims.deviceId })
        .setSubject(claims.sub)
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setExpirationTime('10m')
        .encode(),
  ],
  ['a wrong signature', () => sign({ key: new TextEncoder().encode('x'.repeat(40)) })],
  ['a wrong audience', () => sign({ aud: 'till-admin' })],
];

describe('every guarded route', () => {
  it('is found in the API description', () => {
    expect(guarded.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['GET /api/catalog', 'GET /api/devices/current']),
    );
  });

  it('answers the control case (a good token) without 401', async () => {
    const token = await sign();
    for (const r of guarded) {
      const res = await server.app.inject({
        method: r.method as 'GET',
        url: r.url,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.statusCode, `${r.method} ${r.url}`).not.toBe(401);
    }
  });

  it.each(badTokens)('refuses %s with 401 Unauthorized', async (_, make) => {
    const token = await make();
    for (const r of guarded) {
      const res = await server.app.inject({
        method: r.method as 'GET',
        url: r.url,
        headers: token ? { authorization: `Bearer ${token}` } : {},
        ...(r.method === 'GET' ? {} : { payload: {} }),
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
      expect(res.json().error.kind).toBe('Unauthorized');
    }
  });
});
