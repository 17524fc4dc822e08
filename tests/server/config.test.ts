import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config';

describe('loadConfig', () => {
  it('gives the defaults for an empty environment', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: undefined,
      dataDir: './data',
      demo: false,
      jwtSecret: undefined,
    });
  });

  it('reads every variable it knows', () => {
    const c = loadConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://u@db:5432/till',
      TILL_DATA_DIR: '/var/till',
      TILL_DEMO: '1',
      TILL_JWT_SECRET: 'x'.repeat(32),
      TILL_COOKIE_SECURE: 'true',
      TILL_LOGIN_MAX_FAILURES: '3',
      TILL_LOGIN_WINDOW_SECONDS: '60',
    });
    expect(c).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      databaseUrl: 'postgres://u@db:5432/till',
      dataDir: '/var/till',
      demo: true,
      cookieSecure: true,
      login: { maxFailures: 3, windowSeconds: 60 },
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://root@localhost/till'],
    ['TILL_DEMO', 'yes please'],
    ['TILL_JWT_SECRET', 'short'],
    ['TILL_LOG_LEVEL', 'loud'],
    ['TILL_LOGIN_MAX_FAILURES', '0'],
  ])('refuses %s=%s with a message naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`\\b${name}\\b`));
  });
});
