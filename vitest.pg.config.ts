import { defineConfig } from 'vitest/config';

// `npm run test:pg`: the suites that need a real PostgreSQL (DATABASE_URL, default the local
// `test` database). Files run one at a time because they share that database.
export default defineConfig({
  test: {
    include: ['tests/**/*.pg.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
    env: { DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
  },
});
