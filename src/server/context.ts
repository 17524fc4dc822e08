// What every route may use: the configuration, the database, the server's epoch and the
// token signer. Decorated onto the Fastify instance as `app.till`.
import type { Config } from './config';
import type { Database } from './db/database';
import type { AccessClaims, TokenSigner } from './auth/access-token';
import type { LoginLimiter } from './auth/login-limiter';

export interface ServerContext {
  config: Config;
  db: Database;
  /** Random id made when the database was created; in every sync response. */
  epoch: string;
  tokens: TokenSigner;
  loginLimiter: LoginLimiter;
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyInstance {
    till: ServerContext;
  }
  interface FastifyRequest {
    /** Set by the auth guard on routes that need a signed-in user. */
    auth: AccessClaims | null;
  }
}
