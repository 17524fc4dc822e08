// Dexie middleware for tests: records the options each transaction was opened with, and makes
// writes to chosen tables fail the way a full disk does (QuotaExceededError) or any other way.
import type { DBCore, DbCoreTransactionOptions, Middleware } from 'dexie';
import type { TillDb } from '../../src/app/db/database';

export interface Faults {
  /** Options of every transaction opened, in order. */
  transactions: { tables: string[]; mode: string; options: DbCoreTransactionOptions | undefined }[];
  /** Set to make the next writes to a table fail with this error. */
  failWrites: Map<string, () => Error>;
}

export function installFaults(db: TillDb): Faults {
  const faults: Faults = { transactions: [], failWrites: new Map() };
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'test-faults',
    create(down) {
      return {
        ...down,
        transaction(tables, mode, options) {
          faults.transactions.push({ tables: [...tables], mode, options });
          return down.transaction(tables, mode, options);
        },
        table(name) {
          const table = down.table(name);
          return {
            ...table,
            mutate(req) {
              const fail = faults.failWrites.get(name);
              return fail ? Promise.reject(fail()) : table.mutate(req);
            },
          };
        },
      };
    },
  };
  db.use(middleware);
  return faults;
}

export const quotaError = () =>
  new DOMException('The quota has been exceeded.', 'QuotaExceededError');
