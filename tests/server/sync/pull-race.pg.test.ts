// The late-commit race on PostgreSQL: a transaction that started earlier but commits later than
// one the puller already saw must still reach the puller. Writers are separate connections
// writing plain SQL (the trigger keeps xid current), as other ERP programs would.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../src/server/db/database';
import type { Change } from '../../../src/shared/api/pull';
import { createTempDatabase } from '../../support/pg';
import type { TestServer } from '../../support/test-app';
import { testDatabase, testServer } from '../../support/test-app';
import type { Register } from '../../support/sync-fixtures';
import { pullAll, signInRegister } from '../../support/sync-fixtures';

let temp: Awaited<ReturnType<typeof createTempDatabase>>;
let db: Database;
let server: TestServer;
let reg: Register;
const clients: pg.Client[] = [];

beforeAll(async () => {
  temp = await createTempDatabase('till_sync');
  db = await testDatabase(temp.url);
  server = await testServer({ db });
  reg = await signInRegister(server, 'cashier1', 'R1');
});
afterAll(async () => {
  for (const c of clients) await c.end();
  await server.close();
  await db.close();
  await temp.drop();
});

async function connection() {
  const c = new pg.Client({ connectionString: temp.url });
  await c.connect();
  clients.push(c);
  return c;
}

const rename = (c: pg.Client, id: string, name: string) =>
  c.query('update products set name = $2 where id = $1', [id, name]);

const productIds = (changes: Change[]) =>
  changes.filter((c) => c.entity === 'products').map((c) => c.id);

function product(i: number) {
  const p = reg.store.products[i];
  if (!p) throw new Error(`no product ${i}`);
  return p.id;
}

describe('a transaction that commits late', () => {
  it('is not skipped: B commits and is pulled while A is open; the next pull brings A', async () => {
    const { cursor: start } = await pullAll(reg);
    const a = await connection();
    const b = await connection();
    await a.query('begin');
    await rename(a, product(0), 'A was here');
    await b.query('begin');
    await rename(b, product(1), 'B was here');
    await b.query('commit');

    const first = await pullAll(reg, start);
    expect(productIds(first.changes)).toEqual([product(1)]);
    await a.query('commit');
    const second = await pullAll(reg, first.cursor);
    expect(productIds(second.changes)).toContain(product(0));
    const pulledA = second.changes.find((c) => c.id === product(0));
    expect(pulledA?.data).toMatchObject({ name: 'A was here' });
  });

  it('is not skipped across pages of one page each, with commits between the pages', async () => {
    const { cursor: start } = await pullAll(reg);
    const a = await connection();
    const b = await connection();
    await a.query('begin');
    await rename(a, product(2), 'late A');
    for (const i of [3, 4, 5]) await rename(b, product(i), `early ${i}`);

    const seen: Change[] = [];
    let cursor = start;
    let page = 0;
    for (;;) {
      const res = await reg.pull(cursor, 1);
      seen.push(...res.changes);
      cursor = res.cursor;
      // Committed between pages, behind the run's position or after its first snapshot: each
      // must come in this run or the next, never be lost.
      await rename(b, product(6 + page), `between pages ${page}`);
      if (page === 1) await a.query('commit');
      page += 1;
      if (!res.hasMore) break;
    }
    expect(page).toBeGreaterThan(2);
    expect(productIds(seen)).not.toContain(product(2));

    const next = await pullAll(reg, cursor, 1);
    const all = [...seen, ...next.changes];
    const expected = [2, 3, 4, 5, ...Array.from({ length: page }, (_, i) => 6 + i)].map(product);
    expect(new Set(productIds(all))).toEqual(new Set(expected));
  });
});

/** A small seeded generator, so a failing run can be replayed from its seed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('concurrent writers and a puller', () => {
  it("ends with the puller's copy equal to the table", async () => {
    const seed = Date.now() % 1_000_000;
    const rnd = random(seed);
    const pick = () => product(Math.floor(rnd() * reg.store.products.length));
    const { changes, cursor: start } = await pullAll(reg);
    const copy = new Map<string, Change>();
    const apply = (list: Change[]) => {
      for (const c of list) {
        if (c.op === 'delete') copy.delete(`${c.entity}:${c.id}`);
        else copy.set(`${c.entity}:${c.id}`, c);
      }
    };
    apply(changes);

    let writing = true;
    const writer = async (w: number) => {
      const c = await connection();
      for (let t = 0; t < 25; t++) {
        await c.query('begin');
        const statements = 1 + Math.floor(rnd() * 3);
        for (let s = 0; s < statements; s++) {
          const roll = rnd();
          if (roll < 0.6) await rename(c, pick(), `w${w} t${t} s${s}`);
          else if (roll < 0.75)
            await c.query('update products set deleted = true where id = $1', [pick()]);
          else if (roll < 0.9)
            await c.query('update products set deleted = false where id = $1', [pick()]);
          else await c.query('update products set price = price + 1 where id = $1', [pick()]);
          await sleep(rnd() * 15);
        }
        await c.query(rnd() < 0.15 ? 'rollback' : 'commit');
      }
    };
    const puller = async () => {
      let cursor = start;
      while (writing) {
        const res = await reg.pull(cursor, 1 + Math.floor(rnd() * 20));
        apply(res.changes);
        cursor = res.cursor;
        await sleep(rnd() * 10);
      }
      return cursor;
    };
    const pulling = puller();
    await Promise.all([0, 1, 2, 3].map(writer));
    writing = false;
    const last = await pulling;
    // Finish the run in progress, then one run that starts after every writer has committed.
    const finished = await pullAll(reg, last, 7);
    apply(finished.changes);
    apply((await pullAll(reg, finished.cursor, 7)).changes);

    const table = await db.query<{ id: string; version: string; name: string; price: number }>(
      `select id, xid::text as version, name, price from products
        where store_id = $1 and not deleted order by id`,
      [reg.storeId],
    );
    const pulled = [...copy.values()]
      .filter((c) => c.entity === 'products')
      .map((c) => {
        const data = c.data as { name: string; price: number };
        return { id: c.id, version: c.version, name: data.name, price: data.price };
      })
      .sort((x, y) => (x.id < y.id ? -1 : 1));
    expect(pulled, `seed ${seed}`).toEqual(
      table.rows.map((r) => ({ ...r, price: Number(r.price) })),
    );
  });
});
