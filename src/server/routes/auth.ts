// Login, refresh and logout. The refresh token lives only in an httpOnly, SameSite=Strict
// cookie on /api/auth, so neither page script nor the service worker can read it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginRequest, sessionResponse } from '../../shared/api/login';
import type { SessionResponse } from '../../shared/api/login';
import type { Role } from '../../shared/records/user';
import { ACCESS_TOKEN_SECONDS } from '../auth/access-token';
import { decoyHash, verifyPassword } from '../auth/passwords';
import {
  REFRESH_TOKEN_DAYS,
  issueRefreshToken,
  revokeByToken,
  rotateRefreshToken,
} from '../auth/refresh-tokens';
import type { Queryable } from '../db/database';
import { AppError } from '../errors';
import type { ServerContext } from '../context';

export const REFRESH_COOKIE = 'till_refresh';
const COOKIE_PATH = '/api/auth';

interface UserRow {
  id: string;
  username: string;
  name: string;
  role: Role;
  store_id: string;
  password_hash: string;
}

async function findUser(db: Queryable, where: 'username' | 'id', value: string) {
  const r = await db.query<UserRow>(
    `select id, username, name, role, store_id, password_hash from users
      where ${where === 'username' ? 'lower(username) = lower($1)' : 'id = $1'} and not deleted`,
    [value],
  );
  return r.rows[0];
}

/** A device follows the store of whoever signs in on it; moving stores unbinds its register. */
async function touchDevice(db: Queryable, deviceId: string, user: UserRow) {
  await db.query(
    `insert into devices (id, store_id, last_user_id) values ($1, $2, $3)
     on conflict (id) do update set
       register_id = case when devices.store_id = excluded.store_id then devices.register_id end,
       store_id = excluded.store_id,
       last_user_id = excluded.last_user_id,
       last_seen_at = now()`,
    [deviceId, user.store_id, user.id],
  );
}

async function session(
  till: ServerContext,
  reply: FastifyReply,
  user: UserRow,
  deviceId: string,
  refreshToken: string,
): Promise<SessionResponse> {
  const accessToken = await till.tokens.sign(
    { sub: user.id, role: user.role, storeId: user.store_id, deviceId },
    till.now(),
  );
  void reply.setCookie(REFRESH_COOKIE, refreshToken, {
    httpOnly: true,
    sameSite: 'strict',
    secure: till.config.cookieSecure,
    path: COOKIE_PATH,
    maxAge: REFRESH_TOKEN_DAYS * 86_400,
  });
  return {
    accessToken,
    expiresIn: ACCESS_TOKEN_SECONDS,
    user: {
      id: user.id,
      username: user.username,
      name: user.name,
      role: user.role,
      storeId: user.store_id,
    },
  };
}

function clearRefreshCookie(reply: FastifyReply) {
  void reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
}

function refreshCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies[REFRESH_COOKIE];
  return value && value.length <= 200 ? value : undefined;
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { till } = app;

  app.post(
    '/api/auth/login',
    { schema: { tags: ['auth'], body: loginRequest, response: { 200: sessionResponse } } },
    async (request, reply) => {
      const { username, password, deviceId } = request.body;
      const keys = [`ip:${request.ip}`, `user:${username.toLowerCase()}`];
      const wait = till.loginLimiter.retryAfter(keys);
      if (wait > 0) {
        throw new AppError(
          'RateLimited',
          'Too many failed sign-ins. Try again later.',
          undefined,
          wait,
        );
      }
      const user = await findUser(till.db, 'username', username);
      const ok = await verifyPassword(password, user?.password_hash ?? (await decoyHash));
      if (!user || !ok) {
        till.loginLimiter.fail(keys);
        throw new AppError('Unauthorized', 'Wrong username or password.');
      }
      till.loginLimiter.reset(`user:${username.toLowerCase()}`);
      const refresh = await till.db.transaction(async (tx) => {
        await touchDevice(tx, deviceId, user);
        return issueRefreshToken(tx, user.id, deviceId, till.now());
      });
      return session(till, reply, user, deviceId, refresh);
    },
  );

  app.post(
    '/api/auth/refresh',
    { schema: { tags: ['auth'], response: { 200: sessionResponse } } },
    async (request, reply) => {
      const token = refreshCookie(request);
      if (!token) throw new AppError('Unauthorized', 'No session to refresh: sign in again.');
      const rotated = await till.db.transaction((tx) => rotateRefreshToken(tx, token, till.now()));
      if (!rotated.ok) {
        clearRefreshCookie(reply);
        if (rotated.reason === 'reused') {
          request.log.warn(
            { event: 'security', kind: 'RefreshTokenReuse' },
            'refresh token reused',
          );
        }
        throw new AppError('Unauthorized', 'The session has ended: sign in again.', {
          reason: rotated.reason,
        });
      }
      const user = await findUser(till.db, 'id', rotated.userId);
      if (!user) throw new AppError('Unauthorized', 'This user no longer exists.');
      return session(till, reply, user, rotated.deviceId, rotated.token);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 204: z.null() } } },
    async (request, reply) => {
      const token = refreshCookie(request);
      if (token) await revokeByToken(till.db, token, till.now());
      clearRefreshCookie(reply);
      return reply.status(204).send(null);
    },
  );
};
