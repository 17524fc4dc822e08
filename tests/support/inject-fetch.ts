// The network between a register and the real server, in process: a fetch that turns each
// Request into app.inject and back, carries cookies like a browser, and fails on command
// (offline, a request lost on the way, a reply lost after the server committed).
import type { FastifyInstance } from 'fastify';
import type { Fetch } from '../../src/app/sync/http';
import { keepCookies } from './cookie-jar';

/** What happens to one request. */
export type Fate = 'deliver' | 'drop-request' | 'drop-reply';

export interface InjectNetwork {
  fetch: Fetch;
  /** Every request fails as if the cable were out. */
  offline: boolean;
  /** Decides each request's fate (default: deliver); `n` counts requests from 1. */
  plan: (req: { method: string; path: string; n: number }) => Fate;
  /** The server the requests reach (swap it to restart the server). */
  app: FastifyInstance;
  readonly log: { method: string; path: string; fate: Fate | 'offline'; status?: number }[];
  readonly cookies: Map<string, string>;
}

function headerRecord(init: RequestInit | undefined): Record<string, string> {
  return Object.fromEntries(new Headers(init?.headers).entries());
}

function payloadOf(body: BodyInit | null | undefined): string | Buffer | undefined {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  throw new TypeError('inject-fetch: unsupported body type');
}

export function injectNetwork(app: FastifyInstance): InjectNetwork {
  let n = 0;
  const net: InjectNetwork = {
    offline: false,
    plan: () => 'deliver',
    app,
    log: [],
    cookies: new Map(),
    fetch: async (input, init) => {
      const url = new URL(
        typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
        'http://till.test',
      );
      const method = init?.method ?? 'GET';
      const path = url.pathname + url.search;
      if (net.offline) {
        net.log.push({ method, path, fate: 'offline' });
        throw new TypeError('fetch failed: offline');
      }
      const fate = net.plan({ method, path, n: ++n });
      if (fate === 'drop-request') {
        net.log.push({ method, path, fate });
        throw new TypeError('fetch failed: the request was lost');
      }
      const headers = headerRecord(init);
      if (net.cookies.size > 0)
        headers.cookie = [...net.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const payload = payloadOf(init?.body);
      const res = await net.app.inject({
        method: method as 'GET',
        url: path,
        headers,
        ...(payload !== undefined ? { payload } : {}),
      });
      keepCookies(net.cookies, res.headers['set-cookie']);
      net.log.push({ method, path, fate, status: res.statusCode });
      if (fate === 'drop-reply') throw new TypeError('fetch failed: the reply was lost');
      const out = new Headers();
      for (const [k, v] of Object.entries(res.headers)) {
        if (v === undefined || k === 'set-cookie') continue;
        for (const item of Array.isArray(v) ? v : [String(v)]) out.append(k, item);
      }
      const nullBody = res.statusCode === 204 || res.statusCode === 304;
      return new Response(nullBody ? null : new Uint8Array(res.rawPayload), {
        status: res.statusCode,
        headers: out,
      });
    },
  };
  return net;
}
