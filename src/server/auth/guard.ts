// The per-route check, as an onRequest hook so it runs before the body is even parsed: a
// valid access token, and a role the route allows. Store scope is then
// the route's job, always from `request.auth.storeId`, never from the request body.
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Role } from '../../shared/records/user';
import type { AccessClaims } from './access-token';
import { AppError } from '../errors';

const ALL_ROLES: readonly Role[] = ['cashier', 'manager', 'admin'];

export function requireRole(...roles: Role[]): onRequestAsyncHookHandler {
  const allowed = roles.length > 0 ? roles : ALL_ROLES;
  return async function guard(this: unknown, request: FastifyRequest) {
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) throw new AppError('Unauthorized', 'Sign in first: no access token was sent.');
    const claims = await request.server.till.tokens.verify(token, request.server.till.now());
    if (!claims) throw new AppError('Unauthorized', 'The access token is invalid or expired.');
    if (!allowed.includes(claims.role)) {
      throw new AppError('Forbidden', `This needs the role ${allowed.join(' or ')}.`);
    }
    request.auth = claims;
  };
}

/** The claims of a guarded route; throws if the route forgot its guard. */
export function authOf(request: FastifyRequest): AccessClaims {
  if (!request.auth) throw new AppError('Unauthorized', 'Sign in first.');
  return request.auth;
}
