import { describe, expect, it } from 'vitest';
import {
  clearLastSession,
  loadLastSession,
  offlineSession,
  saveLastSession,
} from '../../../../src/app/features/till/last-session';
import * as fixtures from '../fixtures';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

describe('the last session kept for an offline start', () => {
  it('keeps the user and nothing secret', () => {
    const storage = memoryStorage();
    saveLastSession(fixtures.cashier, storage);
    expect(loadLastSession(storage)).toEqual(fixtures.cashier);
    expect([...storage.map.values()].join()).not.toMatch(/token/i);
  });

  it('is gone after sign-out', () => {
    const storage = memoryStorage();
    saveLastSession(fixtures.cashier, storage);
    clearLastSession(storage);
    expect(loadLastSession(storage)).toBeNull();
  });

  it('treats a damaged or foreign entry as no session', () => {
    const storage = memoryStorage();
    storage.setItem('till.lastSession', '{not json');
    expect(loadLastSession(storage)).toBeNull();
    storage.setItem('till.lastSession', JSON.stringify({ user: { name: 'x' } }));
    expect(loadLastSession(storage)).toBeNull();
  });

  it('starts offline without an access token, so the engine refreshes once online', () => {
    const session = offlineSession(fixtures.cashier);
    expect(session.accessToken).toBe('');
    expect(session.expiresIn).toBe(0);
    expect(session.user).toEqual(fixtures.cashier);
  });
});
