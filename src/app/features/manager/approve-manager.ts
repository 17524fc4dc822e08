// A manager approves an action on the spot by signing in on the cashier's dialog. The server
// checks the password; the screen requires the role and the store. (Needs the network.)
import type { PublicUser } from '../../../shared/records/user';
import { approve } from '../../sync/auth-client';
import type { Fetch } from '../../sync/http';
import { ApiError, NetworkError } from '../../sync/http';

export type ApprovalResult =
  | { ok: true; manager: PublicUser }
  | {
      ok: false;
      reason: 'credentials' | 'notManager' | 'otherStore' | 'offline' | 'rateLimited' | 'failed';
    };

export async function approveManager(input: {
  username: string;
  password: string;
  deviceId: string;
  storeId: string;
  fetchFn?: Fetch;
}): Promise<ApprovalResult> {
  try {
    const session = await approve(input.fetchFn ?? fetch.bind(globalThis), '', {
      username: input.username,
      password: input.password,
      deviceId: input.deviceId,
    });
    const { user } = session;
    if (user.role !== 'manager' && user.role !== 'admin')
      return { ok: false, reason: 'notManager' };
    if (user.storeId !== input.storeId) return { ok: false, reason: 'otherStore' };
    return { ok: true, manager: user };
  } catch (err) {
    if (err instanceof ApiError && err.kind === 'Unauthorized')
      return { ok: false, reason: 'credentials' };
    if (err instanceof ApiError && err.kind === 'RateLimited')
      return { ok: false, reason: 'rateLimited' };
    if (err instanceof NetworkError) return { ok: false, reason: 'offline' };
    return { ok: false, reason: 'failed' };
  }
}
