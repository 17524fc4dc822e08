// Sign-in, refresh and sign-out. The refresh token is an httpOnly cookie the browser sends by
// itself; this code only ever holds the short-lived access token.
import { z } from 'zod/mini';
import type { LoginRequest, SessionResponse } from '../../shared/api/login';
import { sessionResponse } from '../../shared/api/login';
import type { Fetch } from './http';
import { requestJson } from './http';

const json = { 'content-type': 'application/json' };

export function login(
  fetchFn: Fetch,
  baseUrl: string,
  body: LoginRequest,
): Promise<SessionResponse> {
  return requestJson(
    fetchFn,
    `${baseUrl}/api/auth/login`,
    { method: 'POST', headers: json, body: JSON.stringify(body) },
    sessionResponse,
  );
}

export function refresh(fetchFn: Fetch, baseUrl: string): Promise<SessionResponse> {
  return requestJson(fetchFn, `${baseUrl}/api/auth/refresh`, { method: 'POST' }, sessionResponse);
}

export async function logout(fetchFn: Fetch, baseUrl: string): Promise<void> {
  await requestJson(fetchFn, `${baseUrl}/api/auth/logout`, { method: 'POST' }, z.null());
}

/**
 * A manager's sign-in on the cashier's device to approve one action (a price override, a
 * discard). `credentials: 'omit'` makes the browser ignore the manager's refresh cookie, so
 * the cashier's session stays the one this browser holds.
 */
export function approve(
  fetchFn: Fetch,
  baseUrl: string,
  body: LoginRequest,
): Promise<SessionResponse> {
  return requestJson(
    fetchFn,
    `${baseUrl}/api/auth/login`,
    { method: 'POST', headers: json, body: JSON.stringify(body), credentials: 'omit' },
    sessionResponse,
  );
}
