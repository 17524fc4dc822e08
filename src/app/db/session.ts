// The access token kept in IndexedDB so the tabs and the service worker share one (it lives
// 15 minutes; the long-lived refresh token stays in an httpOnly cookie no script can read).
import type { TillDb } from './database';
import type { SessionRecord } from './records';

export type StoredSession = Omit<SessionRecord, 'key'>;

export async function loadSession(db: TillDb): Promise<StoredSession | null> {
  const record = await db.deviceMeta.get('session');
  if (record?.key !== 'session') return null;
  return { accessToken: record.accessToken, expiresAt: record.expiresAt, userId: record.userId };
}

export async function saveSession(db: TillDb, session: StoredSession | null): Promise<void> {
  if (session) await db.deviceMeta.put({ key: 'session', ...session });
  else await db.deviceMeta.delete('session');
}
