// `npm start` without DATABASE_URL: an embedded database in TILL_DATA_DIR, seeded when new,
// kept across a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../src/shared/uuidv7';
import { spawnServer } from '../support/spawn-server';

const dir = mkdtempSync(join(tmpdir(), 'till-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function signIn(url: string, deviceId: string) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'manager1', password: 'demo', deviceId }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

describe('the server on its embedded database', () => {
  it('seeds a new data folder and keeps what was written across a restart', async () => {
    const deviceId = uuidv7();
    const first = await spawnServer({ TILL_DATA_DIR: dir });
    try {
      expect(first.output()).toContain('Demo logins (password "demo")');
      const token = await signIn(first.url, deviceId);
      const catalog = (await (
        await fetch(`${first.url}/api/catalog?limit=1`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as {
        registers: { id: string }[];
      };
      const bind = await fetch(`${first.url}/api/devices/current/register`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ registerId: catalog.registers[0]?.id }),
      });
      expect(bind.status).toBe(200);
    } finally {
      await first.stop();
    }

    const second = await spawnServer({ TILL_DATA_DIR: dir });
    try {
      const token = await signIn(second.url, deviceId);
      const device = (await (
        await fetch(`${second.url}/api/devices/current`, {
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as {
        register: { code: string } | null;
      };
      expect(device.register?.code).toBe('R1');
    } finally {
      await second.stop();
    }
  });
});
