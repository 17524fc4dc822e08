// `DATABASE_URL=... TILL_DEMO=1 npm start` serves the demo store on PostgreSQL; without
// TILL_DEMO nothing is seeded into a production database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/uuidv7';
import { createTempDatabase } from '../support/pg';
import { spawnServer } from '../support/spawn-server';

const dbs: Awaited<ReturnType<typeof createTempDatabase>>[] = [];
beforeAll(async () => {
  dbs.push(
    await createTempDatabase('till_start_demo'),
    await createTempDatabase('till_start_prod'),
  );
});
afterAll(async () => {
  for (const d of dbs) await d.drop();
});

const login = (url: string) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'cashier1', password: 'demo', deviceId: uuidv7() }),
  });

describe('the server on PostgreSQL', () => {
  it('with TILL_DEMO=1 migrates, seeds the demo store, prints the logins and signs cashier1 in', async () => {
    const server = await spawnServer({ DATABASE_URL: dbs[0]?.url ?? '', TILL_DEMO: '1' });
    try {
      expect(server.output()).toMatch(/Till is running at http:\/\/127\.0\.0\.1:\d+\//);
      expect(server.output()).toContain('cashier1');
      expect((await login(server.url)).status).toBe(200);
    } finally {
      await server.stop();
    }
  });

  it('without TILL_DEMO seeds nothing', async () => {
    const server = await spawnServer({ DATABASE_URL: dbs[1]?.url ?? '' });
    try {
      expect(server.output()).not.toContain('Demo logins');
      const res = await login(server.url);
      expect(res.status).toBe(401);
    } finally {
      await server.stop();
    }
  });

  it('stops with a message naming a bad variable', async () => {
    await expect(spawnServer({ DATABASE_URL: 'mysql://nope' })).rejects.toThrow(/DATABASE_URL/);
  });
});
