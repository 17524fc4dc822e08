import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { healthResponse } from '../../src/shared/api/health';
import type { TestServer } from '../support/test-app';
import { testServer } from '../support/test-app';

let server: TestServer;
beforeAll(async () => {
  server = await testServer();
});
afterAll(() => server.close());

describe('GET /api/health', () => {
  it('answers without a token with the status, the epoch and the time', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const body = healthResponse.parse(res.json());
    const meta = await server.db.query<{ epoch: string }>('select epoch::text from server_meta');
    expect(body.epoch).toBe(meta.rows[0]?.epoch);
  });

  it('answers an unknown API route with NotFound in the error vocabulary', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { kind: 'NotFound', message: expect.any(String) } });
  });
});
