// The ERP API as a Fastify app: `buildApp(config)` gives a ready instance that owns its
// database, or uses the one passed in (tests share one PGlite per file).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config';
import type { ServerContext } from './context';
import type { Database } from './db/database';
import { openDatabase } from './db/open';
import { migrate } from './db/migrate';
import { tokenSigner } from './auth/access-token';
import { loginLimiter } from './auth/login-limiter';
import { AppError, installErrorHandling } from './errors';
import { healthRoutes } from './routes/health';
import { authRoutes } from './routes/auth';
import { catalogRoutes } from './routes/catalog';
import { deviceRoutes } from './routes/devices';
import { syncRoutes } from './routes/sync';
import { shiftRoutes } from './routes/shifts';

// The shared schemas are zod/mini, which loads no locale of its own: the details of a 400
// InvalidRequest or an InvalidMutation are worded in English.
z.config(z.locales.en());

export interface AppDeps {
  /** A database already migrated; when absent the app opens (and later closes) its own. */
  db?: Database;
  now?: () => Date;
  /** Pino logging; off in tests unless asked for. */
  logger?: boolean;
}

/** The epoch and the JWT secret, made once per database and kept in it. */
async function serverMeta(db: Database, config: Config) {
  const secret = randomBytes(32).toString('base64url');
  const r = await db.query<{ epoch: string; jwt_secret: string }>(
    `update server_meta set jwt_secret = coalesce(jwt_secret, $1)
      returning epoch::text, jwt_secret`,
    [secret],
  );
  const row = r.rows[0];
  if (!row) throw new Error('server_meta is empty: the database was not migrated');
  return { epoch: row.epoch, jwtSecret: config.jwtSecret ?? row.jwt_secret };
}

export async function buildApp(config: Config, deps: AppDeps = {}): Promise<FastifyInstance> {
  const ownsDb = !deps.db;
  const db = deps.db ?? (await openDatabase(config));
  if (ownsDb) await migrate(db);
  const meta = await serverMeta(db, config);

  const app = Fastify({
    logger: deps.logger === false ? false : { level: config.logLevel },
    trustProxy: false,
    bodyLimit: 1024 * 1024,
    // A poisoned key is dropped rather than failing the whole request, so a hostile mutation
    // is refused on its own (per item) and never wedges the batch around it.
    onProtoPoisoning: 'remove',
    onConstructorPoisoning: 'remove',
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  const till: ServerContext = {
    config,
    db,
    epoch: meta.epoch,
    tokens: tokenSigner(meta.jwtSecret),
    loginLimiter: loginLimiter(config.login.maxFailures, config.login.windowSeconds),
    now: deps.now ?? (() => new Date()),
  };
  app.decorate('till', till);
  app.decorateRequest('auth', null);
  if (ownsDb) app.addHook('onClose', () => db.close());

  await app.register(cookie);
  await app.register(compress, { global: true, threshold: 1024 });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Till ERP API', version: '1' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(catalogRoutes);
  await app.register(deviceRoutes);
  await app.register(syncRoutes);
  await app.register(shiftRoutes);

  const staticRoot = resolve(config.staticDir);
  const serveApp = existsSync(resolve(staticRoot, 'index.html'));
  if (serveApp) {
    await app.register(fastifyStatic, {
      root: staticRoot,
      // The service worker and the page that registers it must never come from a stale cache.
      setHeaders: (reply, path) => {
        if (path.endsWith('sw.js') || path.endsWith('index.html')) {
          void reply.header('cache-control', 'no-cache');
        }
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (serveApp && request.method === 'GET' && !path.startsWith('/api')) {
      // Any unknown page is the app: the client routes it.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    throw new AppError('NotFound', `No route ${request.method} ${path}.`);
  });

  await app.ready();
  return app;
}
