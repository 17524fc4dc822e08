// A scripted fetch for unit tests: routes by method and path to handlers, and records calls.
import type { Fetch } from '../../src/app/sync/http';

export interface Call {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
  raw: BodyInit | null;
}

/** The JSON a call sent, gunzipped when it was compressed. */
export async function bodyOf(call: Call): Promise<unknown> {
  if (call.raw === null) return null;
  if (call.headers['content-encoding'] === 'gzip') {
    const stream = new Blob([call.raw as Uint8Array<ArrayBuffer>])
      .stream()
      .pipeThrough(new DecompressionStream('gzip'));
    return JSON.parse(await new Response(stream).text());
  }
  return JSON.parse(call.body ?? 'null');
}

export type Handler = (call: Call) => Response | Promise<Response>;

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function apiError(kind: string, status: number, headers: Record<string, string> = {}) {
  return json({ error: { kind, message: `${kind} for the test` } }, status, headers);
}

export function fakeFetch(routes: Record<string, Handler>): { fetch: Fetch; calls: Call[] } {
  const calls: Call[] = [];
  const fetch: Fetch = async (input, init) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      'http://till.test',
    );
    const method = init?.method ?? 'GET';
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const body = typeof init?.body === 'string' ? init.body : init?.body ? '[binary]' : null;
    const call = {
      method,
      path: url.pathname + url.search,
      headers,
      body,
      raw: init?.body ?? null,
    };
    calls.push(call);
    const handler = routes[`${method} ${url.pathname}`];
    if (!handler) throw new TypeError(`fetch failed: no route ${method} ${url.pathname}`);
    return handler(call);
  };
  return { fetch, calls };
}
