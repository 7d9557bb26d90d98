// Opens the database: the embedded SQLite file (WAL with synchronous=FULL, so a commit is fsynced
// before it returns and an acknowledged write survives kill -9 and power loss), or PostgreSQL
// (--database-url). Both give the same three handles: Kysely for queries built in code, a
// synchronous handle for reads that must not yield, and a writer thread for batches.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';
import { migrateToLatest } from '../migrations/index.js';
import { sqliteBatchWriter, type BatchWriter } from './batch-writer.js';
import { Checkpointer } from './checkpointer.js';
import { postgresBatchWriter } from './postgres/batch-writer.js';
import { PgSyncClient } from './postgres/sync-client.js';
import type { SyncSql } from './sync-sql.js';
import { redactedUrl } from './postgres/url.js';

export type Backend = 'sqlite' | 'postgres';

export interface OpenedDatabase {
  backend: Backend;
  db: Kysely<Database>;
  /** Synchronous reads, compaction, and (SQLite) batches written in place. */
  sql: SyncSql;
  /** A worker thread with its own connection that writes batches (batch-writer.ts), given the
   * Kysely-compiled write statements (write-statements.ts); PostgreSQL's writer runs its own
   * many-rows form of each (postgres/batch-writer.ts). */
  openWriter(statements: readonly string[]): BatchWriter;
  /** Starts what keeps the database in shape while it is written (SQLite: WAL checkpoints). */
  startUpkeep(): { stop(): Promise<void> } | undefined;
}

/** Where to find the database: a data directory (SQLite) or a PostgreSQL URL. */
export interface DatabaseLocation {
  dataDir: string;
  databaseUrl?: string;
}

export function openDatabase(where: DatabaseLocation): Promise<OpenedDatabase> {
  return where.databaseUrl ? openPostgres(where.databaseUrl) : openSqlite(where.dataDir);
}

/** Every connection's settings: this one (reads, migrations) and the batch writer's. */
export const CONNECTION_PRAGMAS = [
  'synchronous = FULL',
  'busy_timeout = 5000',
  // Database pages are read through a memory map (pages still in the WAL with pread), so
  // SQLite's own page cache mostly holds the pages a transaction dirties; past the map's 2 GiB
  // a database is read through this cache alone. A small cache also keeps each COMMIT cheap:
  // while the file is under 1 GiB, a B-tree split that swaps two pages parks one at the
  // lock-byte page number (SQLite 3.53 balance_nonroot), and the commit then walks every bucket
  // of the cache's hash table to drop pages past the end of the file. With a 64 MiB cache that walk was half of the COMMIT's
  // CPU (perf, endpoint changes on bench scale's database); 8 MiB with the map took an endpoint
  // change's transaction from ~1.0 to ~0.65 ms (see bench/README.md).
  'cache_size = -8192',
  // SQLite's compile-time ceiling (SQLITE_MAX_MMAP_SIZE); pages past it are read with pread.
  'mmap_size = 2147418112',
  // Checkpoints run in a worker (checkpointer.ts), not inside a commit. Under sustained load the
  // WAL cannot restart while frames keep coming, so the writer still checkpoints itself past
  // 128 MiB of WAL (instead of SQLite's 4 MiB): a rare pause instead of a frequent one.
  'wal_autocheckpoint = 32768',
] as const;

/** The database file in a data directory. */
export const DATABASE_FILE = 'netledger.db';

export async function openSqlite(dataDir: string): Promise<OpenedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, DATABASE_FILE);
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma('journal_mode = WAL');
  for (const p of CONNECTION_PRAGMAS) sqlite.pragma(p);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  await migrateToLatest(db);
  return {
    backend: 'sqlite',
    db,
    // better-sqlite3 is the API SyncSql describes; its typings overload prepare by parameter shape.
    sql: sqlite as unknown as SyncSql,
    openWriter: (statements) => sqliteBatchWriter(path, CONNECTION_PRAGMAS, statements),
    startUpkeep: () => new Checkpointer(path),
  };
}

// Counts and sums are int8 in PostgreSQL, which node-postgres gives as strings: the store's are far
// below 2^53, and SQLite gives numbers. (The sync client's worker sets the same.)
pg.types.setTypeParser(pg.types.builtins.INT8, (v: string) => Number(v));

/** PostgreSQL: Kysely over a small pool, the synchronous client, and a writer of its own. */
export async function openPostgres(url: string): Promise<OpenedDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle pooled connection that goes (PostgreSQL restarted) is dropped by the pool and the next
  // query connects anew; unheard, its error would end the process.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db, 'postgres');
  } catch (e) {
    await db.destroy();
    throw new Error(`--database-url ${redactedUrl(url)}: ${(e as Error).message}`);
  }
  const sql = PgSyncClient.open(url);
  return { backend: 'postgres', db, sql, openWriter: () => postgresBatchWriter(url), startUpkeep: () => undefined };
}
