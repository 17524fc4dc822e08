// One small interface over the two engines Till runs on: PGlite (embedded, the default) and
// PostgreSQL (node-postgres pool). SQL is plain, parameterised, and must run on PostgreSQL 15.

export interface QueryOptions {
  /**
   * A statement whose text never changes and that runs often (every push or pull): PostgreSQL
   * plans it once per connection instead of on every call, where planning cost more than
   * running it. PGlite plans each time.
   */
  prepare?: boolean;
}

export interface Queryable {
  query<T = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<{ rows: T[] }>;
  /** Runs several statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type Isolation = 'read committed' | 'repeatable read' | 'serializable';

export interface Database extends Queryable {
  readonly engine: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: committed if it returns, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, isolation?: Isolation): Promise<T>;
  close(): Promise<void>;
}

/** int8 arrives as a string from both drivers; every int8 Till stores is a safe integer. */
export const INT8_OID = 20;
export const parseInt8 = (v: string): number => Number(v);
