// One flush for the service worker's `sync` event (wired in the PWA issue): the same engine
// code over the same database, the access token shared through IndexedDB and refreshed with
// the httpOnly cookie. Throws when the flush could not finish, so the browser tries again.
import type { TillDb } from '../db/database';
import { loadSession, saveSession } from '../db/session';
import { apiClient } from './api';
import type { SyncEnv } from './env';
import { classify } from './errors';
import type { FlushSummary } from './flush';
import { flushOnce } from './flush';
import type { Locks } from './locks';
import type { SessionPersistence } from './token-store';
import { TokenStore } from './token-store';

export function dbSessionPersistence(db: TillDb): SessionPersistence {
  return { load: () => loadSession(db), save: (s) => saveSession(db, s) };
}

export class SyncIncomplete extends Error {
  override name = 'SyncIncomplete';
}

export async function syncOnce(db: TillDb, env: SyncEnv, locks: Locks): Promise<FlushSummary> {
  const tokens = new TokenStore(env, locks, dbSessionPersistence(db));
  try {
    return await flushOnce(db, apiClient(env, tokens), locks, { now: env.now });
  } catch (err) {
    const failure = classify(err);
    throw new SyncIncomplete(`${failure.kind}: ${failure.message}`, { cause: err });
  }
}
