// The synchronous SQL handle the store's reads, compaction and verify run on: the part of
// better-sqlite3's API they use. SQLite is better-sqlite3 itself; PostgreSQL is a client on a
// worker thread that the calling thread waits for (store/postgres/sync-client.ts).
//
// Synchronous on purpose: a read of history and the live entries it starts from must be one
// snapshot, and the appender applies and publishes a batch in one synchronous step; a read that
// does not yield cannot see a half-applied batch (store/table-pages.ts).

/** Positional parameters (`?` in the SQL text; `$1…` when Kysely compiled it for PostgreSQL). */
export type SqlParam = string | number | bigint | null | Buffer;

export interface SyncStatement {
  /** Every row: objects by column name, arrays in raw mode, the first column in pluck mode. */
  all(...params: SqlParam[]): unknown[];
  /** The first row, undefined when none. */
  get(...params: SqlParam[]): unknown;
  run(...params: SqlParam[]): { changes: number };
  iterate(...params: SqlParam[]): IterableIterator<unknown>;
  /** Rows as their first column's value. */
  pluck(toggle?: boolean): this;
  /** Rows as arrays of column values, in select order. */
  raw(toggle?: boolean): this;
}

export interface SyncSql {
  prepare(sql: string): SyncStatement;
  /** Wraps fn so that it runs inside BEGIN … COMMIT (ROLLBACK if it throws). */
  transaction<F extends (...args: never[]) => unknown>(fn: F): F;
  readonly inTransaction: boolean;
  close(): void;
}
