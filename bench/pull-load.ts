// The server under many registers: D devices signed in, all holding the cursor of a finished
// full pull; then, per round, N products change and every device pulls that delta at once over
// HTTP on 127.0.0.1 (gzip, as a browser asks). Figure: per round, the p99 latency from the
// request to the whole body read.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { percentile } from './stats';

interface Device {
  token: string;
}

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`bench: ${res.url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

async function signIn(url: string): Promise<Device> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'cashier1', password: 'demo', deviceId: randomUUID() }),
  });
  return { token: (await json<{ accessToken: string }>(res)).accessToken };
}

interface Page {
  cursor: string;
  hasMore: boolean;
  changes: unknown[];
}

function pull(url: string, d: Device, cursor: string | null, limit: number): Promise<Page> {
  const q = new URLSearchParams({ limit: String(limit) });
  if (cursor) q.set('cursor', cursor);
  return fetch(`${url}/api/sync/pull?${q.toString()}`, {
    headers: { authorization: `Bearer ${d.token}`, 'accept-encoding': 'gzip' },
  }).then((r) => json<Page>(r));
}

export interface PullRound {
  p99: number;
  p50: number;
  /** The same pull by one device alone (median of 5): what one request costs the server. */
  solo: number;
  rows: number;
}

export async function pullLoad(
  url: string,
  databaseUrl: string,
  storeId: string,
  opts: { devices: number; rows: number; rounds: number },
): Promise<PullRound[]> {
  const devices: Device[] = [];
  for (let i = 0; i < opts.devices; i++) devices.push(await signIn(url));
  const first = devices[0];
  if (!first) throw new Error('bench: no devices');
  let cursor: string | null = null;
  for (;;) {
    const page = await pull(url, first, cursor, 5_000);
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const rounds: PullRound[] = [];
  try {
    for (let r = 0; r < opts.rounds; r++) {
      await db.query(
        `update products set price = price + 1 where id in (
           select id from products where store_id = $1 and not deleted order by id
            limit $2 offset $3)`,
        [storeId, opts.rows, r * opts.rows],
      );
      const from: string = cursor;
      const alone: number[] = [];
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await pull(url, first, from, opts.rows);
        alone.push(performance.now() - t);
      }
      const times: number[] = [];
      const pages = await Promise.all(
        devices.map(async (d) => {
          const t = performance.now();
          const page = await pull(url, d, from, opts.rows);
          times.push(performance.now() - t);
          return page;
        }),
      );
      const rows = pages[0]?.changes.length ?? 0;
      if (pages.some((p) => p.changes.length < opts.rows))
        throw new Error(`bench: a device pulled fewer than ${opts.rows} rows`);
      cursor = pages[0]?.cursor ?? from;
      rounds.push({
        p99: percentile(times, 99),
        p50: percentile(times, 50),
        solo: percentile(alone, 50),
        rows,
      });
    }
  } finally {
    await db.end();
  }
  return rounds;
}
