import { describe, expect, it, vi } from 'vitest';
import { updateController } from '../../../src/app/pwa/service-worker';

describe('the update controller', () => {
  it('does nothing until a new build is waiting', () => {
    const activate = vi.fn();
    const c = updateController(activate);
    expect(c.apply()).toBe(false);
    expect(activate).not.toHaveBeenCalled();
  });

  it('never activates a new build while a sale is in progress', () => {
    const activate = vi.fn();
    const c = updateController(activate);
    const seen: boolean[] = [];
    c.subscribe(() => seen.push(c.ready));
    c.setSaleInProgress(true);
    c.markReady();
    expect(c.apply()).toBe(false);
    expect(activate).not.toHaveBeenCalled();
    c.setSaleInProgress(false);
    expect(c.apply()).toBe(true);
    expect(activate).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([false, true, true]);
  });
});
