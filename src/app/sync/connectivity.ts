// Connectivity is measured, not read from navigator.onLine (which says "online" behind a dead
// Wi-Fi captive portal): a heartbeat to /api/health with a timeout. A quick answer means
// online; a slow one, or the first failure, degraded; repeated failures, offline.
//
//            fast answer                 slow answer / 1st failure
//   offline ─────────────► online ───────────────────────► degraded
//      ▲                    ▲  ◄──────── fast answer ────────┘  │
//      └──────────── failures ≥ failuresToOffline ──────────────┘
import { healthResponse } from '../../shared/api/health';
import type { HealthResponse } from '../../shared/api/health';
import type { SyncEnv, TimerHandle } from './env';
import { requestJson } from './http';
import type { Connectivity } from './status';

export interface ConnectivityOptions {
  /** Between heartbeats. */
  intervalMs: number;
  /** A heartbeat with no answer after this long failed. */
  timeoutMs: number;
  /** An answer slower than this means degraded. */
  slowMs: number;
  failuresToOffline: number;
}

export const defaultConnectivity: ConnectivityOptions = {
  intervalMs: 15_000,
  timeoutMs: 5_000,
  slowMs: 2_000,
  failuresToOffline: 2,
};

export interface Heartbeat {
  connectivity: Connectivity;
  /** The server's answer when there was one (its epoch, its time). */
  health: HealthResponse | null;
}

/** The next state after one heartbeat (pure). */
export function nextConnectivity(
  current: Connectivity,
  failures: number,
  outcome: { ok: true; ms: number } | { ok: false },
  opts: Pick<ConnectivityOptions, 'slowMs' | 'failuresToOffline'>,
): { connectivity: Connectivity; failures: number } {
  if (outcome.ok)
    return { connectivity: outcome.ms > opts.slowMs ? 'degraded' : 'online', failures: 0 };
  const n = failures + 1;
  if (n >= opts.failuresToOffline || current === 'offline')
    return { connectivity: 'offline', failures: n };
  return { connectivity: 'degraded', failures: n };
}

export class ConnectivityMonitor {
  private state: Connectivity = 'offline';
  private failures = 0;
  private timer: TimerHandle | null = null;
  private running = false;

  constructor(
    private readonly env: SyncEnv,
    private readonly onChange: (beat: Heartbeat) => void,
    private readonly opts: ConnectivityOptions = defaultConnectivity,
  ) {}

  get current(): Connectivity {
    return this.state;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.beat();
  }

  stop(): void {
    this.running = false;
    if (this.timer !== null) this.env.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  /** One heartbeat now (also what start() and the interval run). */
  async beat(): Promise<Heartbeat> {
    const started = this.env.now();
    let health: HealthResponse | null = null;
    let outcome: { ok: true; ms: number } | { ok: false };
    try {
      health = await this.withTimeout((signal) =>
        requestJson(
          this.env.fetch,
          `${this.env.baseUrl}/api/health`,
          { signal, cache: 'no-store' },
          healthResponse,
        ),
      );
      outcome = { ok: true, ms: this.env.now() - started };
    } catch {
      outcome = { ok: false };
    }
    const next = nextConnectivity(this.state, this.failures, outcome, this.opts);
    this.state = next.connectivity;
    this.failures = next.failures;
    const beat = { connectivity: this.state, health };
    this.onChange(beat);
    this.schedule();
    return beat;
  }

  private schedule(): void {
    if (!this.running) return;
    if (this.timer !== null) this.env.timers.clearTimeout(this.timer);
    this.timer = this.env.timers.setTimeout(() => void this.beat(), this.opts.intervalMs);
  }

  private withTimeout<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    return new Promise<T>((resolve, reject) => {
      const timer = this.env.timers.setTimeout(() => {
        controller.abort();
        reject(new Error('heartbeat timed out'));
      }, this.opts.timeoutMs);
      work(controller.signal).then(
        (value) => {
          this.env.timers.clearTimeout(timer);
          resolve(value);
        },
        (err: unknown) => {
          this.env.timers.clearTimeout(timer);
          reject(err instanceof Error ? err : new Error(String(err)));
        },
      );
    });
  }
}
