// Configuration comes from the environment and is checked once at start: a bad value stops the
// server with a message that names the variable.
import { z } from 'zod';

const flag = z
  .enum(['0', '1', 'true', 'false', ''])
  .transform((v) => v === '1' || v === 'true')
  .default(false);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  TILL_DATA_DIR: z.string().min(1).default('./data'),
  TILL_DEMO: flag,
  TILL_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  TILL_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  TILL_COOKIE_SECURE: flag,
  TILL_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).default(5),
  TILL_LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(300),
  TILL_STATIC_DIR: z.string().min(1).default('./dist'),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  /** Absent: the embedded PGlite database in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Seed the demo store into a PostgreSQL database that has none. */
  demo: boolean;
  /** Absent: a random secret kept in the database, so restarts keep sessions. */
  jwtSecret: string | undefined;
  logLevel: string;
  cookieSecure: boolean;
  login: { maxFailures: number; windowSeconds: number };
  /** The built app, served at /. */
  staticDir: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.TILL_DATA_DIR,
    demo: e.TILL_DEMO,
    jwtSecret: e.TILL_JWT_SECRET,
    logLevel: e.TILL_LOG_LEVEL,
    cookieSecure: e.TILL_COOKIE_SECURE,
    login: { maxFailures: e.TILL_LOGIN_MAX_FAILURES, windowSeconds: e.TILL_LOGIN_WINDOW_SECONDS },
    staticDir: e.TILL_STATIC_DIR,
  };
}
