import { defineConfig } from 'vitest/config';

// `npm test`: needs neither PostgreSQL nor a browser. PGlite stands in for PostgreSQL,
// fake-indexeddb for the browser's IndexedDB, jsdom for the DOM.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/**/*.pg.test.ts', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['tests/support/setup.ts'],
  },
});
