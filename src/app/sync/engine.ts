// The sync engine: decides when to flush and what a failure means. Time, transport and
// randomness come from `env`, so tests drive every transition.
//
//            trigger (start, online, every 30 s, after a sale, Sync now)
//   ┌──────┐ ─────────────────────────────► ┌─────────┐ ── ok ──► idle (next tick in 30 s)
//   │ idle │                                │ syncing │ ── trigger meanwhile ──► syncing again
//   └──────┘ ◄──── ok ──────────────────────└─────────┘
//       ▲                        transient │       │ signed out
//       │    timer / Sync now / online     ▼       ▼
//       └─────────────────────────────  waiting   paused ── signedIn() ──► syncing
//                                  (backoff, full jitter, ≤ 5 min, ≥ Retry-After)
import type { SessionResponse } from '../../shared/api/login';
import type { TillDb } from '../db/database';
import type { MarkerStore } from '../db/storage';
import { unsyncedCounts, writeMarker } from '../db/storage';
import { readSyncState } from '../db/sync-state';
import type { ApiClient } from './api';
import { apiClient } from './api';
import type { BackoffPolicy } from './backoff';
import { backoffDelay, defaultBackoff } from './backoff';
import type { ConnectivityOptions, Heartbeat } from './connectivity';
import { ConnectivityMonitor, defaultConnectivity } from './connectivity';
import type { SyncEnv, TimerHandle } from './env';
import type { Failure } from './errors';
import { classify } from './errors';
import type { FlushSummary } from './flush';
import { flushOnce } from './flush';
import type { Locks } from './locks';
import { StatusStore } from './status';
import type { Connectivity } from './status';
import type { TokenStore } from './token-store';

export interface SyncEngineOptions {
  db: TillDb;
  env: SyncEnv;
  locks: Locks;
  tokens: TokenStore;
  status?: StatusStore;
  marker?: MarkerStore;
  batchSize?: number;
  pageSize?: number;
  /** Between flushes while online. */
  intervalMs?: number;
  /** From a recorded sale to its flush (sales in a burst share one). */
  afterSaleMs?: number;
  /** Between digest checks (default 6 h; null: never). */
  digestEveryMs?: number | null;
  backoff?: BackoffPolicy;
  /** false: no heartbeat (the service worker, some tests). */
  connectivity?: ConnectivityOptions | false;
  /**
   * Where the platform announces `online` (window or the worker's self): a hint to measure
   * again at once, never trusted by itself.
   */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
}

export type SyncResult = { ok: true; summary: FlushSummary } | { ok: false; failure: Failure };

export type Trigger = 'start' | 'online' | 'interval' | 'sale' | 'now' | 'retry' | 'signed-in';

/** What a flush says about the network: it answered, it failed, or it was unreachable. */
function measured(result: SyncResult): Connectivity {
  if (result.ok) return 'online';
  const { kind } = result.failure;
  if (kind === 'offline') return 'offline';
  return kind === 'server' || kind === 'invalid-response' ? 'degraded' : 'online';
}

export class SyncEngine {
  readonly status: StatusStore;
  private readonly api: ApiClient;
  private readonly monitor: ConnectivityMonitor | null;
  private running: Promise<SyncResult> | null = null;
  private again = false;
  private counting: Promise<void> | null = null;
  private countAgain = false;
  private attempt = 0;
  /**
   * While the server's last Retry-After holds: a timer, not a deadline on the device clock,
   * which may jump (a clock set right again) and must not stretch or cut the wait.
   */
  private serverWait: { until: number; timer: TimerHandle } | null = null;
  private timer: TimerHandle | null = null;
  private saleTimer: TimerHandle | null = null;
  private paused = false;
  private started = false;

  constructor(private readonly opts: SyncEngineOptions) {
    this.status = opts.status ?? new StatusStore();
    this.api = apiClient(opts.env, opts.tokens);
    this.monitor =
      opts.connectivity === false
        ? null
        : new ConnectivityMonitor(
            opts.env,
            (beat) => this.onHeartbeat(beat),
            opts.connectivity ?? defaultConnectivity,
          );
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.monitor?.start();
    this.opts.events?.addEventListener('online', this.onPlatformOnline);
    void this.refreshCounts();
    void readSyncState(this.opts.db).then(
      (s) => this.status.update({ lastSyncAt: s.lastSuccessAt }),
      () => undefined, // shown after the next flush instead
    );
    void this.trigger('start');
  }

  stop(): void {
    this.started = false;
    this.monitor?.stop();
    this.opts.events?.removeEventListener('online', this.onPlatformOnline);
    this.clearTimer();
    this.endServerWait();
    if (this.saleTimer !== null) this.opts.env.timers.clearTimeout(this.saleTimer);
    this.saleTimer = null;
  }

  /** "Sync now": runs at once, even while waiting out a backoff; never before a Retry-After. */
  syncNow(): Promise<SyncResult> {
    return this.trigger('now');
  }

  /** Resolves when no flush is running (logout waits for it; tests too). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** A sale committed: flush shortly (a burst of sales shares one flush). */
  saleRecorded(): void {
    void this.refreshCounts();
    if (this.saleTimer !== null) return;
    this.saleTimer = this.opts.env.timers.setTimeout(() => {
      this.saleTimer = null;
      void this.trigger('sale');
    }, this.opts.afterSaleMs ?? 1_000);
  }

  /** Someone signed in again: resume a paused engine. */
  async signedIn(session: SessionResponse): Promise<SyncResult> {
    await this.opts.tokens.signIn(session);
    this.paused = false;
    return this.trigger('signed-in');
  }

  /** Runs a flush now unless the trigger must respect a wait; resolves when it has run. */
  trigger(why: Trigger): Promise<SyncResult> {
    if (this.paused && why !== 'signed-in' && why !== 'now')
      return Promise.resolve({
        ok: false,
        failure: { kind: 'signed-out', message: 'paused until sign-in' },
      });
    // The server said when to come back (Retry-After): not even "Sync now" asks sooner.
    if (this.serverWait && why !== 'retry')
      return Promise.resolve({
        ok: false,
        failure: {
          kind: 'server',
          message: 'the server asked to wait',
          retryAfter: Math.max(1, Math.ceil((this.serverWait.until - this.opts.env.now()) / 1000)),
        },
      });
    const waiting = this.status.getSnapshot().phase === 'waiting';
    if (waiting && (why === 'sale' || why === 'interval'))
      return Promise.resolve({
        ok: false,
        failure: { kind: 'server', message: 'waiting to retry' },
      });
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.clearTimer();
    this.running = this.run();
    return this.running;
  }

  private async run(): Promise<SyncResult> {
    let result: SyncResult;
    do {
      this.again = false;
      result = await this.flush();
    } while (this.again && result.ok);
    this.running = null;
    this.after(result);
    return result;
  }

  private async flush(): Promise<SyncResult> {
    const { db, env } = this.opts;
    this.status.update({ phase: 'syncing', retryAt: null });
    try {
      const summary = await flushOnce(db, this.api, this.opts.locks, {
        now: env.now,
        ...(this.opts.batchSize !== undefined ? { batchSize: this.opts.batchSize } : {}),
        ...(this.opts.pageSize !== undefined ? { pageSize: this.opts.pageSize } : {}),
        ...(this.opts.digestEveryMs !== null
          ? { digestEveryMs: this.opts.digestEveryMs ?? 6 * 60 * 60_000 }
          : {}),
        onProgress: (p) => this.status.update({ pull: p }),
        onBatch: () => void this.refreshCounts(),
      });
      return { ok: true, summary };
    } catch (err) {
      return { ok: false, failure: classify(err) };
    } finally {
      this.status.update({ pull: null });
      await this.refreshCounts();
    }
  }

  private after(result: SyncResult): void {
    const { env } = this.opts;
    // Without a heartbeat, the flushes themselves are the measurement.
    if (!this.monitor) this.status.update({ connectivity: measured(result) });
    if (result.ok) {
      this.attempt = 0;
      this.status.update({ phase: 'idle', lastError: null });
      void readSyncState(this.opts.db).then(
        (s) => this.status.update({ lastSyncAt: s.lastSuccessAt }),
        () => undefined, // the database closed meanwhile (a reload); the next run tells again
      );
      if (this.started && this.status.getSnapshot().connectivity !== 'offline')
        this.schedule('interval', this.opts.intervalMs ?? 30_000);
      return;
    }
    const { failure } = result;
    const lastError = { kind: failure.kind, message: failure.message };
    if (failure.kind === 'signed-out') {
      this.paused = true;
      this.status.update({ phase: 'paused', lastError });
      return;
    }
    const delay = backoffDelay(
      this.attempt++,
      env.random,
      failure.retryAfter,
      this.opts.backoff ?? defaultBackoff,
    );
    // The server's own window, not the jittered backoff: "Sync now" may go once it has passed.
    if (failure.retryAfter !== undefined) {
      const window = Math.min(delay, Math.ceil(failure.retryAfter * 1000));
      this.endServerWait();
      const timer = env.timers.setTimeout(() => this.endServerWait(), window);
      this.serverWait = { until: env.now() + window, timer };
    }
    this.status.update({ phase: 'waiting', retryAt: env.now() + delay, lastError });
    this.schedule('retry', delay);
  }

  private schedule(why: Trigger, ms: number): void {
    this.clearTimer();
    this.timer = this.opts.env.timers.setTimeout(() => {
      this.timer = null;
      void this.trigger(why);
    }, ms);
  }

  private endServerWait(): void {
    if (this.serverWait) this.opts.env.timers.clearTimeout(this.serverWait.timer);
    this.serverWait = null;
  }

  private clearTimer(): void {
    if (this.timer !== null) this.opts.env.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private readonly onPlatformOnline = (): void => {
    if (this.monitor) void this.monitor.beat();
    else void this.trigger('online');
  };

  private onHeartbeat(beat: Heartbeat): void {
    const before = this.status.getSnapshot().connectivity;
    this.status.update({ connectivity: beat.connectivity });
    if (before === 'offline' && beat.connectivity !== 'offline' && this.started)
      void this.trigger('online');
  }

  /** Counts for the status; best effort, as the database may be closing (a reload). */
  /**
   * Reads the counts the status shows (and writes the marker). Asked again while a read runs,
   * it reads once more after it, however often it was asked: a burst of sales costs two reads,
   * and the last one sees every change made before it was asked.
   */
  private refreshCounts(): Promise<void> {
    if (this.counting) {
      this.countAgain = true;
      return this.counting;
    }
    this.counting = (async () => {
      do {
        this.countAgain = false;
        await this.countOnce();
      } while (this.countAgain);
      this.counting = null;
    })();
    return this.counting;
  }

  private async countOnce(): Promise<void> {
    const { db, marker } = this.opts;
    try {
      const counts = await unsyncedCounts(db);
      this.status.update({ pending: counts.pending, needsAttention: counts.needsAttention });
      if (marker) await writeMarker(db, marker, counts);
    } catch {
      // Counts are display only; the outbox itself is untouched by this failure.
    }
  }
}
