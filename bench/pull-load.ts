// The server under many registers: D devices signed in, all holding the cursor of a finished
// full pull; then, per round, N products change and every device pulls that delta at once over
// HTTP on 127.0.0.1 (gzip, as a browser asks). Figure: per round, the p99 latency from the
// request to the last byte of its body. Each body is inflated and parsed after the round: a
// real device does that on its own CPU, while here one Node process stands for all of them and
// would otherwise time its own JSON parsing of the 99 other pages.
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
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

interface Received {
  /** From the request to the body's last byte. */
  ms: number;
  page(): Page;
}

/** One pull, timed to its last byte; the page is read from the bytes on demand. */
function pullTimed(url: string, d: Device, cursor: string | null, limit: number) {
  const q = new URLSearchParams({ limit: String(limit) });
  if (cursor) q.set('cursor', cursor);
  return new Promise<Received>((resolve, reject) => {
    const t = performance.now();
    const req = request(
      `${url}/api/sync/pull?${q.toString()}`,
      { headers: { authorization: `Bearer ${d.token}`, 'accept-encoding': 'gzip' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const ms = performance.now() - t;
          const body = Buffer.concat(chunks);
          resolve({
            ms,
            page: () => {
              const text = (
                res.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body
              ).toString('utf8');
              if (res.statusCode !== 200)
                throw new Error(`bench: a pull answered ${res.statusCode}: ${text}`);
              return JSON.parse(text) as Page;
            },
          });
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function pull(url: string, d: Device, cursor: string | null, limit: number): Promise<Page> {
  return (await pullTimed(url, d, cursor, limit)).page();
}

export interface PullRound {
  p99: number;
  p50: number;
  /** The same rows pulled by one device alone, in a page not shared: the server builds it. */
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
      // All at once: one of them builds the page, the others wait for it and share it.
      const received = await Promise.all(devices.map((d) => pullTimed(url, d, from, opts.rows)));
      // One device alone, with a page nobody else asked for (one row more allowed: the same
      // rows, another key), so the server builds it: what an unshared pull costs.
      const alone = (await pullTimed(url, first, from, opts.rows + 1)).ms;
      const times = received.map((r) => r.ms);
      const pages = received.map((r) => r.page());
      const rows = pages[0]?.changes.length ?? 0;
      if (pages.some((p) => p.changes.length < opts.rows))
        throw new Error(`bench: a device pulled fewer than ${opts.rows} rows`);
      cursor = pages[0]?.cursor ?? from;
      rounds.push({
        p99: percentile(times, 99),
        p50: percentile(times, 50),
        solo: alone,
        rows,
      });
    }
  } finally {
    await db.end();
  }
  return rounds;
}
