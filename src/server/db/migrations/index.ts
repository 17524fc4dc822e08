// The versioned migrations, in order. Append only: a migration that has shipped never changes.
import { foundation } from './0001-foundation';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [{ id: 1, name: 'foundation', sql: foundation }];
