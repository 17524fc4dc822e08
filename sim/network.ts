// The in-memory network between the registers and the server: each register's fetch becomes
// app.inject on whichever server instance is up now (a restart swaps it), with a browser-like
// cookie jar per register, and faults drawn from the seeded plan: offline, requests lost,
// replies lost after the server committed, pushes delivered twice, pushes held back and
// delivered late (after the register's retry: reordered), and 429 bursts with Retry-After.
import type { FastifyInstance } from 'fastify';
import type { Fetch } from '../src/app/sync/http';
import type { Rng } from './prng';
import { keepCookies } from '../tests/support/cookie-jar';

export interface LinkFaults {
  dropRequest: number;
  dropReply: number;
  duplicate: number;
  delay: number;
}

export const NO_FAULTS: LinkFaults = { dropRequest: 0, dropReply: 0, duplicate: 0, delay: 0 };

interface Held {
  at: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  payload: string | Buffer | undefined;
}

export interface FaultCounts {
  offline: number;
  droppedRequests: number;
  droppedReplies: number;
  duplicated: number;
  reordered: number;
  rateLimited: number;
}

export class SimNetwork {
  app: FastifyInstance;
  private readonly held: Held[] = [];
  readonly counts: FaultCounts = {
    offline: 0,
    droppedRequests: 0,
    droppedReplies: 0,
    duplicated: 0,
    reordered: 0,
    rateLimited: 0,
  };
  /** Requests that reached a server, by route. */
  readonly requests = new Map<string, number>();
  /** Sync requests a register sent while a Retry-After it was given still ran. */
  readonly retryAfterViolations: string[] = [];

  constructor(
    app: FastifyInstance,
    readonly now: () => number,
  ) {
    this.app = app;
  }

  /** Delivers the held-back copies that are due (their replies go nowhere). */
  async deliverHeld(all = false): Promise<void> {
    const due = this.held.filter((h) => all || h.at <= this.now());
    for (const h of due) {
      this.held.splice(this.held.indexOf(h), 1);
      await this.app.inject({
        method: h.method as 'POST',
        url: h.path,
        headers: h.headers,
        ...(h.payload !== undefined ? { payload: h.payload } : {}),
      });
    }
  }

  get heldCount(): number {
    return this.held.length;
  }

  link(name: string, random: Rng): SimLink {
    return new SimLink(this, name, random);
  }

  hold(h: Held): void {
    this.held.push(h);
  }
}

function payloadOf(body: BodyInit | null | undefined): string | Buffer | undefined {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  throw new TypeError('sim network: unsupported body type');
}

/** One register's connection: its faults, its cookies, its Retry-After window. */
export class SimLink {
  offline = false;
  faults: LinkFaults = NO_FAULTS;
  /** 429 for every request until then (a rate-limit burst); 0: none. */
  limitedUntil = 0;
  private retryAfterUntil = 0;
  readonly cookies = new Map<string, string>();

  constructor(
    private readonly net: SimNetwork,
    readonly name: string,
    private readonly random: Rng,
  ) {}

  fetch: Fetch = async (input, init) => {
    const url = new URL(
      typeof input === 'string' ? input : input instanceof URL ? input.href : input.url,
      'http://till.test',
    );
    const method = init?.method ?? 'GET';
    const path = url.pathname + url.search;
    const now = this.net.now();
    const counts = this.net.counts;
    if (process.env.SIM_TRACE) console.log(`trace ${now} ${this.name} ${method} ${path}`);
    if (path.startsWith('/api/sync/') && now < this.retryAfterUntil)
      this.net.retryAfterViolations.push(`${this.name} ${method} ${path} at ${now}`);
    if (this.offline) {
      counts.offline++;
      throw new TypeError('fetch failed: offline');
    }
    if (now < this.limitedUntil) {
      counts.rateLimited++;
      const seconds = Math.ceil((this.limitedUntil - now) / 1000);
      // The engine hears only the Retry-After of its own requests (sync, token refresh). A 429
      // to a sign-in is the login screen's to show; the cashier signing in once the burst is
      // over may start a sync before that Retry-After, rounded up to seconds, has run out.
      if (path.startsWith('/api/sync/') || path === '/api/auth/refresh')
        this.retryAfterUntil = now + seconds * 1000;
      return Response.json(
        { error: { kind: 'RateLimited', message: 'Too many requests (simulated burst).' } },
        { status: 429, headers: { 'retry-after': String(seconds) } },
      );
    }
    const f = this.faults;
    if (this.random.chance(f.dropRequest)) {
      counts.droppedRequests++;
      throw new TypeError('fetch failed: the request was lost');
    }
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    if (this.cookies.size > 0)
      headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const payload = payloadOf(init?.body);
    // Only pushes are held back or doubled: the protocol promises they are idempotent. (A
    // refresh delivered twice is a stolen refresh token by design: it ends the session.)
    const push = path === '/api/sync/push';
    if (push && this.random.chance(f.delay)) {
      counts.reordered++;
      this.net.hold({ at: now + this.random.int(1_000, 120_000), method, path, headers, payload });
      throw new TypeError('fetch failed: timed out (the request is still on its way)');
    }
    const route = `${method} ${url.pathname}`;
    const send = () => {
      this.net.requests.set(route, (this.net.requests.get(route) ?? 0) + 1);
      return this.net.app.inject({
        method: method as 'GET',
        url: path,
        headers,
        ...(payload !== undefined ? { payload } : {}),
      });
    };
    let res = await send();
    if (push && this.random.chance(f.duplicate)) {
      counts.duplicated++;
      res = await send();
    }
    if (this.random.chance(f.dropReply)) {
      // Its Set-Cookie is lost with it: a rotated refresh token the register never got.
      counts.droppedReplies++;
      throw new TypeError('fetch failed: the reply was lost');
    }
    keepCookies(this.cookies, res.headers['set-cookie']);
    const out = new Headers();
    for (const [k, v] of Object.entries(res.headers)) {
      if (v === undefined || k === 'set-cookie') continue;
      for (const item of Array.isArray(v) ? v : [String(v)]) out.append(k, item);
    }
    // A real HTTP server stamps every answer; the register corrects its clock by it.
    if (!out.has('date')) out.set('date', new Date(now).toUTCString());
    const nullBody = res.statusCode === 204 || res.statusCode === 304;
    return new Response(nullBody ? null : new Uint8Array(res.rawPayload), {
      status: res.statusCode,
      headers: out,
    });
  };

  forgetRetryAfter(): void {
    this.retryAfterUntil = 0;
  }
}
