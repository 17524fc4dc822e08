// GET /api/sync/pull and /api/sync/digest on PGlite: scope, paging, deletes, changes made by
// plain SQL, compression, and the cursors that must resync.
import { createHash } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Change } from '../../../src/shared/api/pull';
import { pullResponse } from '../../../src/shared/api/pull';
import { digestResponse } from '../../../src/shared/api/digest';
import { product } from '../../../src/shared/records/catalog';
import { sale } from '../../../src/shared/records/sale';
import { store } from '../../../src/shared/records/store';
import { purgeTombstones } from '../../../src/server/sync/purge';
import type { TestServer } from '../../support/test-app';
import { testServer } from '../../support/test-app';
import type { Register } from '../../support/sync-fixtures';
import { pullAll, signInRegister } from '../../support/sync-fixtures';

let server: TestServer;
let r1: Register;
beforeAll(async () => {
  server = await testServer();
  r1 = await signInRegister(server, 'cashier1', 'R1');
});
afterAll(() => server.close());

/** The register's copy: what applying the changes in order leaves. */
function apply(copy: Map<string, Change>, changes: Change[]) {
  for (const c of changes) {
    if (c.op === 'delete') copy.delete(`${c.entity}:${c.id}`);
    else copy.set(`${c.entity}:${c.id}`, c);
  }
  return copy;
}

const ids = (copy: Map<string, Change>, entity: string) =>
  [...copy.values()]
    .filter((c) => c.entity === entity)
    .map((c) => c.id)
    .sort();

async function liveIds(sql: string, params: unknown[]) {
  const r = await server.db.query<{ id: string }>(sql, params);
  return r.rows.map((row) => row.id).sort();
}

describe('a first pull', () => {
  it('brings everything of the device store, nothing of another, and pages give the same', async () => {
    const whole = await pullAll(r1, undefined, 5000);
    expect(whole.pages).toBe(1);
    const paged = await pullAll(r1, undefined, 7);
    expect(paged.pages).toBeGreaterThan(5);
    expect(paged.changes).toEqual(whole.changes);

    const copy = apply(new Map(), whole.changes);
    expect(ids(copy, 'stores')).toEqual([r1.storeId]);
    expect(ids(copy, 'products')).toEqual(
      await liveIds('select id from products where store_id = $1 and not deleted', [r1.storeId]),
    );
    expect(ids(copy, 'registers')).toHaveLength(2);
    expect(whole.changes.every((c) => c.op === 'upsert')).toBe(true);
    const anyProduct = whole.changes.find((c) => c.entity === 'products');
    expect(product.parse(anyProduct?.data).storeId).toBe(r1.storeId);
    expect(store.parse(whole.changes[0]?.data).id).toBe(r1.storeId);
  });

  it('counts down `remaining` over the pages of a run', async () => {
    const first = await r1.pull(undefined, 10);
    const second = await r1.pull(first.cursor, 10);
    expect(first.remaining).toBeGreaterThan(10);
    expect(second.remaining).toBe((first.remaining ?? 0) - 10);
  });
});

describe('later pulls', () => {
  it('bring a change made with plain SQL, a delete as a delete, and nothing else', async () => {
    const { cursor } = await pullAll(r1);
    const [a, b] = r1.store.products;
    if (!a || !b) throw new Error('products');
    await server.db.query(`update products set name = 'Renamed' where id = $1`, [a.id]);
    await server.db.query('update products set deleted = true where id = $1', [b.id]);
    const next = await pullAll(r1, cursor);
    expect(next.changes.map((c) => [c.entity, c.id, c.op])).toEqual([
      ['products', a.id, 'upsert'],
      ['products', b.id, 'delete'],
    ]);
    expect(next.changes[0]?.data).toMatchObject({ name: 'Renamed' });
    expect(next.changes[1]).not.toHaveProperty('data');
    expect((await r1.pull(next.cursor)).changes).toEqual([]);
  });

  it("brings the device's own register's sales, stock levels and customers, and a reinstall gets them back", async () => {
    const { cursor } = await pullAll(r1);
    const m = r1.saleMutation();
    await r1.push([m]);
    const changes = (await pullAll(r1, cursor)).changes;
    const pulledSale = changes.find((c) => c.entity === 'sales');
    expect(sale.parse(pulledSale?.data)).toEqual(m.payload);
    expect(changes.some((c) => c.entity === 'stockLevels')).toBe(true);

    const other = await signInRegister(server, 'cashier1', 'R2');
    const otherCopy = apply(new Map(), (await pullAll(other)).changes);
    expect(ids(otherCopy, 'sales')).toEqual([]);
    const reinstalled = await signInRegister(server, 'cashier1', 'R1');
    const copy = apply(new Map(), (await pullAll(reinstalled)).changes);
    expect(ids(copy, 'sales')).toEqual(
      await liveIds('select id from sales where register_id = $1', [r1.registerId]),
    );
    expect(ids(copy, 'sales')).toContain(pulledSale?.id);
  });
});

describe('digest', () => {
  const digest = async (reg: Register, entity: string) => {
    const res = await server.app.inject({
      method: 'GET',
      url: `/api/sync/digest?entity=${entity}`,
      headers: { authorization: `Bearer ${reg.token}` },
    });
    return digestResponse.parse(res.json());
  };
  const hashOf = (copy: Map<string, Change>, entity: string) => {
    const rows = [...copy.values()].filter((c) => c.entity === entity);
    const text = rows
      .sort((x, y) => (x.id < y.id ? -1 : 1))
      .map((c) => `${c.id}:${c.version}`)
      .join('\n');
    return { count: rows.length, hash: createHash('sha256').update(text).digest('hex') };
  };

  it('matches what a client computes from its pulled copy, and tells when it is behind', async () => {
    const reg = await signInRegister(server, 'cashier1', 'R1');
    const { cursor } = await pullAll(reg);
    const copy = apply(new Map(), (await pullAll(reg)).changes);
    for (const entity of ['products', 'categories', 'stores', 'sales', 'stockLevels']) {
      expect(await digest(reg, entity)).toMatchObject(hashOf(copy, entity));
    }
    const some = reg.store.products[3];
    await server.db.query(`update products set price = price + 1 where id = $1`, [some?.id]);
    expect((await digest(reg, 'products')).hash).not.toBe(hashOf(copy, 'products').hash);
    apply(copy, (await pullAll(reg, cursor)).changes);
    expect(await digest(reg, 'products')).toMatchObject(hashOf(copy, 'products'));
  });
});

describe('compression', () => {
  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ])('compresses a pull with %s when the client accepts it', async (encoding, inflate) => {
    const res = await server.app.inject({
      method: 'GET',
      url: '/api/sync/pull?limit=100',
      headers: { authorization: `Bearer ${r1.token}`, 'accept-encoding': encoding },
    });
    expect(res.headers['content-encoding']).toBe(encoding);
    const body = pullResponse.parse(JSON.parse(inflate(res.rawPayload).toString('utf8')));
    expect(body.changes).toHaveLength(100);
  });
});

describe('pages shared by registers that ask for the same', () => {
  const rawPull = (reg: Register, cursor: string, encoding?: string) =>
    server.app.inject({
      method: 'GET',
      url: `/api/sync/pull?limit=100&cursor=${encodeURIComponent(cursor)}`,
      headers: {
        authorization: `Bearer ${reg.token}`,
        ...(encoding ? { 'accept-encoding': encoding } : {}),
      },
    });

  it("gives each register its own records, the store's changes to all, and a later change after it", async () => {
    // Each signed in afresh: a register is bound to one device, the latest.
    const me = await signInRegister(server, 'cashier1', 'R1');
    const r2 = await signInRegister(server, 'cashier1', 'R2');
    const { cursor } = await pullAll(me);
    const [a, b] = me.store.products;
    if (!a || !b) throw new Error('products');
    await server.db.query('update products set price = price + 1 where id = any($1::uuid[])', [
      [a.id, b.id],
    ]);
    me.next.receipt = 500; // past the numbers the earlier tests used on R1
    const m = me.saleMutation();
    expect((await me.push([m])).results[0]).toMatchObject({ status: 'applied' });

    // Both hold the same cursor: R2 has none of its own records in the run, R1 has its sale.
    const mine = pullResponse.parse(JSON.parse((await rawPull(me, cursor)).body));
    const theirs = pullResponse.parse(JSON.parse((await rawPull(r2, cursor)).body));
    expect(mine.changes.filter((c) => c.entity === 'sales').map((c) => c.id)).toEqual([
      sale.parse(m.payload).id,
    ]);
    expect(theirs.changes.some((c) => c.entity === 'sales')).toBe(false);
    const products = (p: typeof mine) =>
      p.changes.filter((c) => c.entity === 'products').map((c) => c.id);
    expect(products(theirs).sort()).toEqual([a.id, b.id].sort());
    expect(products(mine)).toEqual(products(theirs));
    // Asked together, their heads are read in one statement: each still gets its own page.
    const together = await Promise.all([me, r2, me, r2].map((reg) => rawPull(reg, cursor)));
    const sales = (body: string) =>
      pullResponse
        .parse(JSON.parse(body))
        .changes.filter((c) => c.entity === 'sales')
        .map((c) => c.id);
    expect(together.map((res) => sales(res.body))).toEqual([
      [sale.parse(m.payload).id],
      [],
      [sale.parse(m.payload).id],
      [],
    ]);

    // The same request again after another change: a new snapshot, never the page served.
    const again = await rawPull(r2, cursor);
    expect(again.body).toBe((await rawPull(r2, cursor)).body);
    await server.db.query(`update products set name = 'Changed after' where id = $1`, [b.id]);
    const later = pullResponse.parse(JSON.parse((await rawPull(r2, cursor)).body));
    const changed = later.changes.find((c) => c.entity === 'products' && c.id === b.id);
    expect(product.parse(changed?.data).name).toBe('Changed after');
  });

  it('serves a page already built in an equal snapshot with one statement, no transaction', async () => {
    const { cursor } = await pullAll(r1);
    await server.db.query('update products set price = price + 1 where store_id = $1', [
      r1.storeId,
    ]);
    const first = await rawPull(r1, cursor);
    const transaction = vi.spyOn(server.db, 'transaction');
    const query = vi.spyOn(server.db, 'query');
    try {
      expect((await rawPull(r1, cursor)).body).toBe(first.body);
      expect(transaction).not.toHaveBeenCalled();
      expect(query).toHaveBeenCalledTimes(1);
      // After a write the snapshot differs: the page is built again, in a transaction.
      await server.db.query('update products set price = price + 1 where store_id = $1', [
        r1.storeId,
      ]);
      query.mockClear();
      const later = await rawPull(r1, cursor);
      // Its own, and the page after it, built ahead (the run goes on past 100 rows).
      expect(transaction).toHaveBeenCalledTimes(2);
      expect(later.body).not.toBe(first.body);
    } finally {
      transaction.mockRestore();
      query.mockRestore();
    }
  });

  it('sends a shared page gzipped to a client that takes gzip, the same JSON as plain', async () => {
    const { cursor } = await pullAll(r1);
    await server.db.query('update products set price = price + 1 where store_id = $1', [
      r1.storeId,
    ]);
    const plain = await rawPull(r1, cursor);
    const zipped = await rawPull(r1, cursor, 'gzip, deflate, br');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers['content-type']).toMatch(/^application\/json/);
    expect(gunzipSync(zipped.rawPayload).toString('utf8')).toBe(plain.body);
    expect(pullResponse.parse(JSON.parse(plain.body)).changes).toHaveLength(100);
  });
});

describe('a run of many pages', () => {
  it('has each next page built before it is asked for, and the same pages as built on demand', async () => {
    const whole = await pullAll(r1, undefined, 5000);
    const query = vi.spyOn(server.db, 'query');
    try {
      let page = await r1.pull(undefined, 7);
      const changes = [...page.changes];
      let asked = 1;
      while (page.hasMore) {
        query.mockClear();
        page = await r1.pull(page.cursor, 7);
        asked += 1;
        changes.push(...page.changes);
        // Built ahead: the request only read its head (one statement) and took the page. One
        // built on demand would have been read in a transaction, with no statement of its own.
        expect(query, `page ${asked}`).toHaveBeenCalledTimes(1);
      }
      expect(asked).toBeGreaterThan(5);
      expect(changes).toEqual(whole.changes);
    } finally {
      query.mockRestore();
    }
  });
});

describe('cursors that cannot be served', () => {
  const pullStatus = async (query: string) => {
    const res = await server.app.inject({
      method: 'GET',
      url: `/api/sync/pull?${query}`,
      headers: { authorization: `Bearer ${r1.token}` },
    });
    return {
      status: res.statusCode,
      kind: res.json<{ error?: { kind: string } }>().error?.kind,
    };
  };
  const forge = (cursor: string, patch: object) =>
    Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(cursor, 'base64url').toString()), ...patch }),
    ).toString('base64url');

  it('answers 410 ResyncRequired to a cursor older than purged tombstones', async () => {
    const { cursor: old } = await pullAll(r1);
    const victim = r1.store.products[5];
    await server.db.query('update products set deleted = true where id = $1', [victim?.id]);
    const { cursor: fresh } = await pullAll(r1, old);
    const result = await purgeTombstones(server.db, 0, new Date(Date.now() + 60_000));
    expect(result.purged.products).toBeGreaterThanOrEqual(1);
    expect(await pullStatus(`cursor=${old}`)).toEqual({ status: 410, kind: 'ResyncRequired' });
    expect((await pullStatus(`cursor=${fresh}`)).status).toBe(200);
    expect((await pullStatus('')).status).toBe(200);
  });

  it('answers 410 to a cursor of another epoch or ahead of the database, 400 to garbage', async () => {
    const { cursor } = await pullAll(r1);
    expect(await pullStatus(`cursor=${forge(cursor, { e: 'deadbeef' })}`)).toEqual({
      status: 410,
      kind: 'ResyncRequired',
    });
    expect((await pullStatus(`cursor=${forge(cursor, { w: '99999999999' })}`)).status).toBe(410);
    expect(await pullStatus('cursor=not-a-cursor')).toEqual({
      status: 400,
      kind: 'InvalidRequest',
    });
    expect((await pullStatus(`cursor=${forge(cursor, { w: '1e9' })}`)).status).toBe(400);
    expect((await pullStatus('limit=0')).status).toBe(400);
    expect((await pullStatus('limit=5001')).status).toBe(400);
  });
});
