// The versioned migrations, in order. Append only: a migration that has shipped never changes.
import { foundation } from './0001-foundation';
import { sync } from './0002-sync';
import { storeOperations } from './0003-store-operations';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { id: 1, name: 'foundation', sql: foundation },
  { id: 2, name: 'sync', sql: sync },
  { id: 3, name: 'store-operations', sql: storeOperations },
];
