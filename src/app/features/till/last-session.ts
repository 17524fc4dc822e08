// Who last signed in on this device, kept so that a start with no network can open the till
// from the local store. Only the user's public record: never a token (the access token lives in
// IndexedDB for the sync engine; the refresh token stays in its httpOnly cookie).
import { z } from 'zod/mini';
import type { SessionResponse } from '../../../shared/api/login';
import { publicUser } from '../../../shared/records/user';
import type { PublicUser } from '../../../shared/records/user';

const KEY = 'till.lastSession';
const stored = z.object({ user: publicUser });

type KeyValue = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function saveLastSession(user: PublicUser, storage: KeyValue = localStorage): void {
  try {
    storage.setItem(KEY, JSON.stringify({ user }));
  } catch {
    // Storage full or blocked: an offline start then shows the login screen, nothing is lost.
  }
}

export function loadLastSession(storage: KeyValue = localStorage): PublicUser | null {
  try {
    const parsed = stored.safeParse(JSON.parse(storage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data.user : null;
  } catch {
    return null;
  }
}

export function clearLastSession(storage: KeyValue = localStorage): void {
  storage.removeItem(KEY);
}

/**
 * The session an offline start runs with: no access token (one that expired, so the engine
 * refreshes with the cookie as soon as the network is back, and pauses if that is refused).
 */
export function offlineSession(user: PublicUser): SessionResponse {
  return { accessToken: '', expiresIn: 0, user };
}
