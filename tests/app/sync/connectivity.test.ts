import { describe, expect, it } from 'vitest';
import { ConnectivityMonitor, nextConnectivity } from '../../../src/app/sync/connectivity';
import type { Heartbeat } from '../../../src/app/sync/connectivity';
import type { SyncEnv } from '../../../src/app/sync/env';
import { manualClock } from '../../support/manual-timers';

const opts = { intervalMs: 15_000, timeoutMs: 5_000, slowMs: 2_000, failuresToOffline: 2 };

describe('nextConnectivity', () => {
  it.each([
    ['offline', 0, { ok: true, ms: 100 }, 'online'],
    ['online', 0, { ok: true, ms: 3_000 }, 'degraded'],
    ['degraded', 1, { ok: true, ms: 10 }, 'online'],
    ['online', 0, { ok: false }, 'degraded'],
    ['degraded', 1, { ok: false }, 'offline'],
    ['offline', 5, { ok: false }, 'offline'],
  ] as const)('%s with %i failures, then %o → %s', (from, failures, outcome, to) => {
    expect(nextConnectivity(from, failures, outcome, opts).connectivity).toBe(to);
  });
});

describe('the heartbeat', () => {
  function setup(answer: (clock: ReturnType<typeof manualClock>) => Promise<Response>) {
    const clock = manualClock();
    const beats: Heartbeat[] = [];
    const env: SyncEnv = {
      fetch: () => answer(clock),
      baseUrl: '',
      now: clock.now,
      random: () => 0.5,
      timers: clock,
    };
    const monitor = new ConnectivityMonitor(env, (b) => beats.push(b), opts);
    return { clock, beats, monitor };
  }
  const healthy = () =>
    new Response(JSON.stringify({ status: 'ok', epoch: 'e1', time: new Date().toISOString() }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });

  it('calls a quick answer online and carries the server epoch', async () => {
    const { beats, monitor } = setup(async () => healthy());
    const beat = await monitor.beat();
    expect(beat).toMatchObject({ connectivity: 'online', health: { epoch: 'e1' } });
    expect(beats).toHaveLength(1);
  });

  it('calls a slow answer degraded', async () => {
    const { monitor, clock } = setup(async (c) => {
      await c.advance(3_000); // the answer takes 3 s on the test clock
      return healthy();
    });
    expect((await monitor.beat()).connectivity).toBe('degraded');
    expect(clock.now()).toBeGreaterThan(Date.parse('2024-05-01T10:00:02Z'));
  });

  it('times out a hanging request: degraded at first, offline after repeated failures', async () => {
    let hang = false;
    const { monitor, clock } = setup(() =>
      hang ? new Promise<Response>(() => undefined) : Promise.resolve(healthy()),
    );
    expect((await monitor.beat()).connectivity).toBe('online');
    hang = true;
    const first = monitor.beat();
    await clock.advance(5_000);
    expect((await first).connectivity).toBe('degraded');
    const second = monitor.beat();
    await clock.advance(5_000);
    expect((await second).connectivity).toBe('offline');
  });

  it('beats on an interval once started, until stopped', async () => {
    let calls = 0;
    const { monitor, clock, beats } = setup(async () => {
      calls++;
      return healthy();
    });
    monitor.start();
    await clock.advance(0);
    await clock.advance(15_000);
    await clock.advance(15_000);
    expect(calls).toBe(3);
    monitor.stop();
    await clock.advance(60_000);
    expect(calls).toBe(3);
    expect(beats.every((b) => b.connectivity === 'online')).toBe(true);
  });
});
