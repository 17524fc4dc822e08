// The puller against a scripted server: the next page is asked for while the one before is
// applied, each page's cursor is stored with that page only, and whatever the page asked ahead
// answers (an error, a 410, a new epoch) is handled as if it had been asked afterwards. After
// a first download into an empty log the till's catalog is handed over without a re-read.
import type { DBCore, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { allProducts, takePublishedCatalog } from '../../../src/app/db/catalog';
import type { TillDb } from '../../../src/app/db/database';
import { initDevice } from '../../../src/app/db/device-meta';
import { readSyncState, updateSyncState } from '../../../src/app/db/sync-state';
import { CatalogCache } from '../../../src/app/features/catalog-cache';
import type { ApiClient } from '../../../src/app/sync/api';
import { ApiError } from '../../../src/app/sync/http';
import { pullChanges } from '../../../src/app/sync/puller';
import type { PullResponse } from '../../../src/shared/api/pull';
import { ean13 } from '../../../src/shared/pos/ean13';
import type { Product } from '../../../src/shared/records/catalog';
import type { Faults } from '../../support/faulty-idb';
import { installFaults } from '../../support/faulty-idb';
import { freshDbName, idSource, openDb } from '../../support/till-db';

const storeId = '00000000-0000-7000-8000-00000000a001';
const taxRateId = '00000000-0000-7000-8000-00000000b001';
const now = () => Date.parse('2024-05-01T10:00:00Z');

function makeProducts(n: number, seed: number): Product[] {
  const nextId = idSource(seed);
  return Array.from({ length: n }, (_, i) => ({
    id: nextId(),
    storeId,
    sku: `SKU-${seed}-${i}`,
    barcodes: [ean13(`${seed}${String(i).padStart(11, '0')}`.slice(0, 12))],
    name: `Creamy Soup ${seed} ${i}`,
    price: 100 + i,
    taxRateId,
    categoryId: null,
    active: true,
    stockTracked: true,
  }));
}

/** One run of pages over `products` (as the server sends them), cursors `${run}-1`, … */
function run(name: string, products: Product[], per: number, epoch = 'e1'): PullResponse[] {
  const pages: PullResponse[] = [];
  for (let i = 0; i < products.length; i += per)
    pages.push({
      epoch,
      cursor: `${name}-${pages.length + 1}`,
      hasMore: i + per < products.length,
      changes: products.slice(i, i + per).map((p) => ({
        entity: 'products',
        id: p.id,
        op: 'upsert',
        version: '1',
        data: p,
      })),
    });
  return pages;
}

type Answer = PullResponse | Error;

/** A server answering from a script; every request is logged (with its cursor) in `events`. */
function scripted(answer: (from: string | null, nth: number) => Answer, events: string[]) {
  const asked: (string | null)[] = [];
  const api: ApiClient = {
    async call(path, _init, schema) {
      const from = new URL(path, 'http://till.test').searchParams.get('cursor');
      asked.push(from);
      events.push(`ask ${from}`);
      // Decided when asked, answered a moment later (over the network).
      const a = answer(from, asked.length);
      await new Promise((r) => setTimeout(r, 1));
      if (a instanceof Error) throw a;
      return schema.parse(a);
    },
    clockOffset: () => null,
  };
  return { api, asked };
}

/** Answers each cursor from the runs' pages: no cursor starts `first`, a page's cursor its next. */
function byCursor(first: PullResponse[], ...others: PullResponse[][]) {
  const next = new Map<string | null, PullResponse>([[null, first[0]!]]);
  for (const pages of [first, ...others])
    pages.forEach((p, i) => {
      if (pages[i + 1]) next.set(p.cursor, pages[i + 1]!);
    });
  return (from: string | null, _nth?: number): Answer =>
    next.get(from) ?? new Error(`no page after ${from}`);
}

/** Logs every cursor stored, in the order the writes reach IndexedDB. */
function logCursors(db: TillDb, events: string[]): void {
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'log-cursors',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (name !== 'syncState') return table;
          return {
            ...table,
            async mutate(req) {
              const res = await table.mutate(req);
              if (req.type === 'put')
                for (const v of req.values as { key: string; cursor?: string | null }[])
                  if (v.key === 'sync') events.push(`store ${v.cursor ?? null}`);
              return res;
            },
          };
        },
      };
    },
  };
  db.use(middleware);
}

async function register(events: string[] = [], prepare?: (db: TillDb) => void): Promise<TillDb> {
  const db = await openDb(freshDbName(), (d) => {
    logCursors(d, events);
    prepare?.(d);
  });
  await initDevice(db, '00000000-0000-7000-8000-00000000d001');
  return db;
}

const ids = async (db: TillDb) => [...(await allProducts(db)).keys()].sort();
const idsOf = (products: Product[]) => products.map((p) => p.id).sort();

describe('the puller', () => {
  it('asks for the next page while the one before is applied, and stores each cursor with its page', async () => {
    const products = makeProducts(90, 1);
    const events: string[] = [];
    const db = await register(events);
    const { api, asked } = scripted(byCursor(run('a', products, 30)), events);

    const summary = await pullChanges(db, api, { now });

    expect(summary).toMatchObject({ pages: 3, changes: 90, resynced: false });
    expect(asked).toEqual([null, 'a-1', 'a-2']);
    // Page 2 was on its way before page 1 (and its cursor) was stored.
    expect(events.indexOf('ask a-1')).toBeLessThan(events.indexOf('store a-1'));
    expect(events.indexOf('ask a-2')).toBeLessThan(events.indexOf('store a-2'));
    expect(events.filter((e) => e.startsWith('store'))).toEqual([
      'store a-1',
      'store a-2',
      'store a-3',
    ]);
    expect((await readSyncState(db)).cursor).toBe('a-3');
    expect(await ids(db)).toEqual(idsOf(products));
  });

  it('drops the page asked ahead when applying a page fails, and asks again from the stored cursor', async () => {
    const products = makeProducts(90, 2);
    const events: string[] = [];
    let faults!: Faults;
    const db = await register(events, (d) => (faults = installFaults(d)));
    const answer = byCursor(run('a', products, 30));
    // Page 3 is asked for once page 1 is stored and before page 2 is applied: from then on
    // writes fail (a killed tab), so page 1 and its cursor stay and nothing of page 2 does.
    const flaky = scripted((from, nth) => {
      if (from === 'a-2')
        faults.failWrites.set('productBlocks', () => new Error('the tab was killed'));
      return answer(from, nth);
    }, events);

    await expect(pullChanges(db, flaky.api, { now })).rejects.toThrow('the tab was killed');
    expect((await readSyncState(db)).cursor).toBe('a-1');
    expect(await ids(db)).toEqual(idsOf(products.slice(0, 30)));
    // Page 3 had been asked for already: it is not used, page 2 is asked for again.
    expect(flaky.asked).toEqual([null, 'a-1', 'a-2']);

    faults.failWrites.clear();
    const { api, asked } = scripted(answer, events);
    await pullChanges(db, api, { now });
    expect(asked).toEqual(['a-1', 'a-2']);
    expect((await readSyncState(db)).cursor).toBe('a-3');
    expect(await ids(db)).toEqual(idsOf(products));
  });

  it('reports an error of the page asked ahead as it is, with the pages before it kept', async () => {
    const products = makeProducts(60, 3);
    const db = await register();
    const pages = byCursor(run('a', products, 30));
    const { api } = scripted(
      (from, nth) =>
        from === 'a-1' ? new ApiError('Internal', 503, 'HTTP 503') : pages(from, nth),
      [],
    );

    await expect(pullChanges(db, api, { now })).rejects.toMatchObject({ status: 503 });
    expect((await readSyncState(db)).cursor).toBe('a-1');
    expect(await ids(db)).toEqual(idsOf(products.slice(0, 30)));
  });

  it('starts a full resync when the page asked ahead answers 410', async () => {
    const before = makeProducts(90, 4);
    const db = await register();
    await pullChanges(db, scripted(byCursor(run('a', before, 30)), []).api, { now });

    // A first page of changes comes, then the server purges tombstones: the next page's
    // cursor is too old. The full run that follows no longer has the first product.
    const delta = run('c', makeProducts(10, 5), 10)[0]!;
    const after = [...before.slice(1), ...makeProducts(10, 5)];
    const fresh = byCursor(run('b', after, 40));
    const { api, asked } = scripted((from, nth) => {
      if (from === 'a-3') return { ...delta, hasMore: true };
      if (from === 'c-1') return new ApiError('ResyncRequired', 410, 'cursor too old');
      return fresh(from, nth);
    }, []);

    const summary = await pullChanges(db, api, { now });

    expect(summary.resynced).toBe(true);
    expect(asked).toEqual(['a-3', 'c-1', null, 'b-1', 'b-2']);
    expect((await readSyncState(db)).cursor).toBe('b-3');
    expect(await ids(db)).toEqual(idsOf(after));
  });

  it('adopts a new epoch seen on the page asked ahead and pulls again from the start', async () => {
    const products = makeProducts(60, 7);
    const db = await register();
    const first = run('a', products, 30);
    const restored = run('r', products.slice(0, 50), 25, 'e2');
    const { api, asked } = scripted((from, nth) => {
      if (from === null) return nth === 1 ? first[0]! : restored[0]!;
      if (from === 'a-1') return { ...first[1]!, epoch: 'e2' };
      if (from === 'r-1') return restored[1]!;
      return new Error(`no page after ${from}`);
    }, []);

    const summary = await pullChanges(db, api, { now });

    expect(summary).toMatchObject({ epochChanged: true, resynced: true });
    expect(asked).toEqual([null, 'a-1', null, 'r-1']);
    expect(await readSyncState(db)).toMatchObject({ epoch: 'e2', cursor: 'r-2' });
    expect(await ids(db)).toEqual(idsOf(products.slice(0, 50)));
  });
});

describe('the catalog of a first download', () => {
  it('is handed to the till as pulled, without reading the log again, and kept current', async () => {
    const products = makeProducts(2_500, 8);
    const db = await register();
    const pages = run('a', products, 1_000);
    await pullChanges(db, scripted(byCursor(pages), []).api, { now });

    const cache = new CatalogCache();
    const index = await cache.index(db);
    expect(index.size).toBe(products.length);
    const p = products[2_499]!;
    expect(index.lookupBarcode(p.barcodes[0]!)?.id).toBe(p.id);
    expect(index.search('creamy soup 8 249').map((x) => x.id)).toContain(p.id);
    // Handed over once: a second load reads the log (and finds the same).
    expect(await takePublishedCatalog(db)).toBeNull();

    // A later page (a rename and a delete) reaches the till's catalog.
    const renamed = { ...products[0]!, name: 'Zesty Lemonade' };
    const gone = products[1]!;
    const later: PullResponse = {
      epoch: 'e1',
      cursor: 'a-4',
      hasMore: false,
      changes: [
        { entity: 'products', id: renamed.id, op: 'upsert', version: '2', data: renamed },
        { entity: 'products', id: gone.id, op: 'delete', version: '2' },
      ],
    };
    await pullChanges(db, scripted(() => later, []).api, { now });
    const current = await new CatalogCache().index(db);
    const kept = await cache.index(db);
    for (const i of [current, kept]) {
      expect(i.size).toBe(products.length - 1);
      expect(i.search('zesty').map((x) => x.id)).toEqual([renamed.id]);
      expect(i.lookupBarcode(gone.barcodes[0]!)).toBeUndefined();
    }
  });

  it('is not handed over when the log held products before (a resync reads the log)', async () => {
    const products = makeProducts(50, 9);
    const db = await register();
    await pullChanges(db, scripted(byCursor(run('a', products, 25)), []).api, { now });
    expect(await takePublishedCatalog(db)).not.toBeNull();

    // A full resync over the filled log.
    await updateSyncState(db, { cursor: null });
    await pullChanges(db, scripted(byCursor(run('b', products.slice(5), 25)), []).api, { now });
    expect(await takePublishedCatalog(db)).toBeNull();
    expect((await new CatalogCache().index(db)).size).toBe(45);
  });
});
