// A stand-in for POST /api/auth/login as the server answers it, for the dialogs where a
// manager signs in to approve an action. Records each request.
import { vi } from 'vitest';
import type { PublicUser } from '../../../src/shared/records/user';

export interface LoginCall {
  body: { username: string; password: string; deviceId: string };
  credentials: RequestCredentials | undefined;
}

export function fakeLogin(users: Record<string, { password: string; user: PublicUser }>) {
  const calls: LoginCall[] = [];
  const fetchFn = vi.fn(async (url: string, init: RequestInit) => {
    if (url !== '/api/auth/login') return new Response(null, { status: 404 });
    const body = JSON.parse(init.body as string) as LoginCall['body'];
    calls.push({ body, credentials: init.credentials });
    const known = users[body.username];
    if (!known || known.password !== body.password) {
      return Response.json(
        { error: { kind: 'Unauthorized', message: 'Wrong username or password.' } },
        { status: 401 },
      );
    }
    return Response.json({ accessToken: 'token', expiresIn: 900, user: known.user });
  });
  vi.stubGlobal('fetch', fetchFn);
  return calls;
}
