import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError, runCli } from '../../src/server/commands';
import { openPglite } from '../../src/server/db/pglite';
import { isValidEan13 } from '../../src/shared/pos/ean13';

let dir: string;
const env = () => ({ TILL_DATA_DIR: dir, TILL_LOG_LEVEL: 'silent' });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'till-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run till', () => {
  it('refuses unknown commands and bad options before opening any database', async () => {
    await expect(runCli([], env())).rejects.toThrow(UsageError);
    await expect(runCli(['explode'], env())).rejects.toThrow(/Usage: npm run till/);
    await expect(runCli(['generate-catalog', '--products', 'many'], env())).rejects.toThrow(
      /between 1 and 1,000,000/,
    );
    await expect(runCli(['create-user', '--username', 'x'], env())).rejects.toThrow(
      /needs --username/,
    );
    await expect(runCli(['seed', '--colour', 'red'], env())).rejects.toThrow(UsageError);
  });

  it('seeds a new embedded database once, then generates, then adds a user', async () => {
    expect(await runCli(['seed'], env())).toBe('Seeded the demo store.');
    expect(
      await runCli(['generate-catalog', '--products', '2500', '--store', 'S2'], env()),
    ).toMatch(/^Added 2500 products to store S2/);
    expect(
      await runCli(
        ['create-user', '--username', 'ann', '--name', 'Ann', '--role', 'manager', '--store', 'S2'],
        { ...env(), TILL_PASSWORD: 'pw' },
      ),
    ).toBe('Created manager ann in store S2.');
    await expect(
      runCli(
        [
          'create-user',
          '--username',
          'ann',
          '--name',
          'Ann',
          '--role',
          'manager',
          '--store',
          'S2',
          '--password',
          'x',
        ],
        env(),
      ),
    ).rejects.toThrow('The user ann exists already.');
    expect(await runCli(['seed'], env())).toBe('The demo store is already there.');

    const db = await openPglite(join(dir, 'pglite'));
    try {
      const gen = await db.query<{ sku: string; barcodes: string[]; price: number; store: string }>(
        `select p.sku, p.barcodes, p.price, s.code as store from products p join stores s on s.id = p.store_id
          where p.sku like 'GEN-%'`,
      );
      expect(gen.rows).toHaveLength(2500);
      expect(new Set(gen.rows.map((r) => r.sku)).size).toBe(2500);
      const codes = gen.rows.flatMap((r) => r.barcodes);
      expect(codes.every(isValidEan13)).toBe(true);
      expect(new Set(codes).size).toBe(2500);
      expect(
        gen.rows.every((r) => r.store === 'S2' && Number.isInteger(r.price) && r.price > 0),
      ).toBe(true);
      const ann = await db.query<{ role: string }>("select role from users where username = 'ann'");
      expect(ann.rows[0]?.role).toBe('manager');
    } finally {
      await db.close();
    }
  });

  it('continues SKUs and barcodes after an earlier run', async () => {
    await runCli(['generate-catalog', '--products', '10', '--store', 'S2'], env());
    const db = await openPglite(join(dir, 'pglite'));
    try {
      const r = await db.query<{ n: number; skus: number }>(
        "select count(*)::int as n, count(distinct sku)::int as skus from products where sku like 'GEN-%'",
      );
      expect(r.rows[0]).toEqual({ n: 2510, skus: 2510 });
    } finally {
      await db.close();
    }
  });
});
