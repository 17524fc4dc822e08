// Tombstones on PostgreSQL: a deleted product reaches the register as a delete; the operator's
// `purge-tombstones --older-than` removes old ones, and a cursor from before the purge is then
// answered 410 ResyncRequired, while newer cursors and a pull from the start still work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/server/db/database';
import { runCli, UsageError } from '../../../src/server/commands';
import { createTempDatabase } from '../../support/pg';
import type { TestServer } from '../../support/test-app';
import { testDatabase, testServer } from '../../support/test-app';
import type { Register } from '../../support/sync-fixtures';
import { pullAll, signInRegister } from '../../support/sync-fixtures';

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let db: Database;
let server: TestServer;
let reg: Register;

beforeAll(async () => {
  temp = await createTempDatabase('till_sync');
  db = await testDatabase(temp.url);
  server = await testServer({ db });
  reg = await signInRegister(server, 'cashier1', 'R1');
});
afterAll(async () => {
  await server.close();
  await db.close();
  await temp.drop();
});

const cli = (...args: string[]) =>
  runCli(['purge-tombstones', ...args], { DATABASE_URL: temp.url, TILL_LOG_LEVEL: 'silent' });

async function pullStatus(cursor: string) {
  const res = await server.app.inject({
    method: 'GET',
    url: `/api/sync/pull?cursor=${cursor}`,
    headers: { authorization: `Bearer ${reg.token}` },
  });
  return { status: res.statusCode, kind: res.json<{ error?: { kind: string } }>().error?.kind };
}

describe('tombstones', () => {
  it('a deleted product reaches the register as a delete, and stays out of a first pull', async () => {
    const { cursor } = await pullAll(reg);
    const victim = reg.store.products[0]?.id;
    await db.query('update products set deleted = true where id = $1', [victim]);
    const next = await pullAll(reg, cursor);
    expect(next.changes).toEqual([
      { entity: 'products', id: victim, op: 'delete', version: expect.any(String) },
    ]);
    const fresh = await pullAll(reg);
    expect(fresh.changes.some((c) => c.entity === 'products' && c.id === victim)).toBe(false);
  });

  it('leaves tombstones younger than --older-than alone, and refuses a bad duration', async () => {
    expect(await cli('--older-than', '30d')).toBe('No tombstones that old.');
    await expect(cli('--older-than', 'soon')).rejects.toBeInstanceOf(UsageError);
    await expect(cli()).rejects.toBeInstanceOf(UsageError);
  });

  it('after a purge, a cursor from before it gets 410; newer cursors and a fresh start work', async () => {
    const { cursor: old } = await pullAll(reg);
    await db.query('update products set deleted = true where id = $1', [reg.store.products[1]?.id]);
    // A deleted category that live products still refer to must survive the purge.
    const used = await db.query<{ id: string }>(
      `update categories set deleted = true
        where id = (select category_id from products where not deleted and category_id is not null limit 1)
       returning id`,
    );
    const { cursor: current } = await pullAll(reg, old);

    const out = await cli('--older-than', '0s');
    expect(out).toMatch(/^Purged \d+ products; cursors at or below xid \d+ must resync\.$/);
    const left = await db.query<{ n: number }>(
      'select count(*)::int as n from products where deleted',
    );
    expect(left.rows[0]?.n).toBe(0);
    const kept = await db.query('select 1 from categories where id = $1', [used.rows[0]?.id]);
    expect(kept.rows).toHaveLength(1);

    expect(await pullStatus(old)).toEqual({ status: 410, kind: 'ResyncRequired' });
    expect((await pullStatus(current)).status).toBe(200);
    const restart = await pullAll(reg);
    expect(restart.changes.every((c) => c.op === 'upsert')).toBe(true);
    expect((await pullStatus(restart.cursor)).status).toBe(200);
  });
});
