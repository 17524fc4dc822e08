// The access token and its refresh. Refreshes are serialised across tabs and the worker by a
// lock (a refresh token used twice looks like theft and revokes the session), and a holder that
// waited first looks whether someone else refreshed meanwhile. When the refresh is refused the
// store is signed out: pushing pauses until someone signs in, and nothing local is touched.
//
//   signed-in ──token expiring / 401──► refreshing ──ok──► signed-in
//       ▲                                   │ Unauthorized
//       └──────────── signIn() ─────── signed-out ◄┘
import type { SessionResponse } from '../../shared/api/login';
import { refresh as refreshRequest } from './auth-client';
import type { SyncEnv } from './env';
import { ApiError } from './http';
import type { Locks } from './locks';

export interface Session {
  accessToken: string;
  /** Epoch ms. */
  expiresAt: number;
  userId: string;
}

export interface SessionPersistence {
  load(): Promise<Session | null>;
  save(session: Session | null): Promise<void>;
}

export function memorySessionPersistence(): SessionPersistence {
  let session: Session | null = null;
  return {
    load: async () => session,
    save: async (s) => {
      session = s;
    },
  };
}

/** Nobody is signed in (or the session ended): sign in again to sync. */
export class SignedOut extends Error {
  override name = 'SignedOut';
}

export const REFRESH_LOCK = 'till-token-refresh';
/** Refresh this long before the token expires, so a request never leaves with a dying one. */
const EARLY_MS = 30_000;

export class TokenStore {
  private session: Session | null = null;
  private loaded = false;

  constructor(
    private readonly env: Pick<SyncEnv, 'fetch' | 'baseUrl' | 'now'>,
    private readonly locks: Locks,
    private readonly persistence: SessionPersistence,
  ) {}

  /** After a sign-in (or a refresh done elsewhere): the session to use from now on. */
  async signIn(response: SessionResponse): Promise<void> {
    this.session = this.fromResponse(response);
    this.loaded = true;
    await this.persistence.save(this.session);
  }

  async signOut(): Promise<void> {
    this.session = null;
    this.loaded = true;
    await this.persistence.save(null);
  }

  /** A token good for at least a little while, refreshing if needed; throws SignedOut. */
  async token(): Promise<string> {
    if (!this.loaded) {
      this.session = await this.persistence.load();
      this.loaded = true;
    }
    if (this.session && this.session.expiresAt - EARLY_MS > this.env.now())
      return this.session.accessToken;
    return this.refresh(this.session?.accessToken ?? null);
  }

  /**
   * Gets a new token because `stale` was refused or is expiring. Under the lock, a token that
   * another tab already saved (different from `stale` and not expiring) is taken instead.
   */
  async refresh(stale: string | null): Promise<string> {
    return this.locks.request(REFRESH_LOCK, async () => {
      const saved = await this.persistence.load();
      if (saved && saved.accessToken !== stale && saved.expiresAt - EARLY_MS > this.env.now()) {
        this.session = saved;
        return saved.accessToken;
      }
      try {
        const response = await refreshRequest(this.env.fetch, this.env.baseUrl);
        await this.signIn(response);
        return response.accessToken;
      } catch (err) {
        if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
          await this.signOut();
          throw new SignedOut('The session has ended: sign in again to sync.');
        }
        throw err;
      }
    });
  }

  private fromResponse(response: SessionResponse): Session {
    return {
      accessToken: response.accessToken,
      expiresAt: this.env.now() + response.expiresIn * 1000,
      userId: response.user.id,
    };
  }
}
