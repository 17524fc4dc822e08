import { afterAll, beforeAll, describe } from 'vitest';
import type { Database } from '../../../src/server/db/database';
import { testDatabase } from '../../support/test-app';
import { migrationSpecs } from './migrations';

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db.close());

describe('migrations on PGlite', () => migrationSpecs(() => db));
