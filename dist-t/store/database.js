// Opens the embedded SQLite database: WAL with synchronous=FULL, so a commit is fsynced before
// it returns and an acknowledged write survives kill -9 and power loss.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from '../migrations/index.js';
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
];
/** The database file in a data directory. */
export const DATABASE_FILE = 'netledger.db';
export async function openSqlite(dataDir) {
    mkdirSync(dataDir, { recursive: true });
    const path = join(dataDir, DATABASE_FILE);
    const sqlite = new BetterSqlite3(path);
    sqlite.pragma('journal_mode = WAL');
    for (const p of CONNECTION_PRAGMAS)
        sqlite.pragma(p);
    const db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
    await migrateToLatest(db);
    return { db, sqlite, path };
}
//# sourceMappingURL=database.js.map