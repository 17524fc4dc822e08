// Every route, with malformed bodies and query strings: the answer is a 4xx in the error
// vocabulary, never a 5xx. The routes come from the OpenAPI document, so a new route is
// covered the day it is added.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiErrorBody } from '../../src/shared/api/error';
import type { TestServer } from '../support/test-app';
import { testServer } from '../support/test-app';

let server: TestServer;
let token: string;
let routes: { method: string; url: string }[];

beforeAll(async () => {
  server = await testServer({ env: { TILL_LOGIN_MAX_FAILURES: '100000' } });
  token = (await server.login('manager1')).token;
  const doc = (await server.app.inject({ method: 'GET', url: '/api/docs/json' })).json<{
    paths: Record<string, Record<string, unknown>>;
  }>();
  routes = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => ({
      method: m.toUpperCase(),
      url: path.replace(/\{(\w+)\}/g, 'x'),
    })),
  );
});
afterAll(() => server.close());

type Injected = Awaited<ReturnType<TestServer['app']['inject']>>;

function expectClientError(res: Injected, what: string) {
  if (res.statusCode >= 500) throw new Error(`${what} → ${res.statusCode} ${res.body}`);
  if (res.statusCode >= 400) {
    const parsed = apiErrorBody.safeParse(res.json());
    if (!parsed.success)
      throw new Error(`${what} → ${res.statusCode} without the error vocabulary: ${res.body}`);
    expect(res.body).not.toMatch(/\bat .+\.(ts|js):\d+/); // no stack trace
  }
}

describe('malformed requests', () => {
  it('finds the routes to attack', () => {
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login',
        'GET /api/catalog',
        'PUT /api/devices/current/register',
      ]),
    );
  });

  it.each([
    ['invalid JSON', '{"username": ', 'application/json'],
    ['an array', '[1,2,3]', 'application/json'],
    ['a string', '"hello"', 'application/json'],
    ['null', 'null', 'application/json'],
    [
      'wrong types',
      '{"username": 5, "password": [], "deviceId": {}, "registerId": 7}',
      'application/json',
    ],
    ['deep nesting', `${'['.repeat(5000)}${']'.repeat(5000)}`, 'application/json'],
    ['a form body', 'a=1&b=2', 'application/x-www-form-urlencoded'],
    ['plain text', 'hello', 'text/plain'],
  ])('answers %s with a 4xx on every route', async (what, payload, contentType) => {
    for (const r of routes) {
      const res = await server.app.inject({
        method: r.method as 'GET',
        url: r.url,
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
        ...(r.method === 'GET' ? {} : { payload }),
      });
      expectClientError(res, `${r.method} ${r.url} with ${what}`);
    }
  });

  it('answers a body with invalid fields with 400 InvalidRequest and the paths at fault', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: '', password: 'x', deviceId: 'not-a-uuid' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.kind).toBe('InvalidRequest');
    expect(JSON.stringify(body.error.details)).toContain('deviceId');
  });

  it('answers generated garbage bodies and query strings with 4xx, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.jsonValue(),
        fc.dictionary(fc.constantFrom('limit', 'cursor', 'entity', 'x', 'limit[]'), fc.string(), {
          maxKeys: 3,
        }),
        async (route, body, query) => {
          const qs = new URLSearchParams(query).toString();
          const res = await server.app.inject({
            method: route.method as 'GET',
            url: `${route.url}${qs ? `?${qs}` : ''}`,
            headers: { authorization: `Bearer ${token}` },
            ...(route.method === 'GET'
              ? {}
              : {
                  payload: JSON.stringify(body),
                  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
                }),
          });
          expectClientError(res, `${route.method} ${route.url}?${qs}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers a body over the limit with 413 PayloadTooLarge', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        username: 'x'.repeat(2 * 1024 * 1024),
        password: 'y',
        deviceId: 'z',
      }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.kind).toBe('PayloadTooLarge');
  });
});
