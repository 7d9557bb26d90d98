// PostgreSQL for tests: the server a run may use (NETLEDGER_TEST_PG_URL, default the role CI
// creates), whether it answers, and a fresh database per data directory. With
// NETLEDGER_TEST_BACKEND=postgres, every server the helpers in server.ts start runs on
// PostgreSQL (--database-url) instead of SQLite in its data directory; a server restarted on the
// same directory gets the same database back, as it would get its SQLite file.

import pg from 'pg';

export const PG_URL = process.env.NETLEDGER_TEST_PG_URL ?? 'postgres://netledger:netledger@127.0.0.1:5432/netledger';

/** Servers started by the test helpers run on PostgreSQL. */
export const ON_POSTGRES = process.env.NETLEDGER_TEST_BACKEND === 'postgres';

/** Why PostgreSQL cannot be used here, or undefined when it can (tests skip with the reason). */
export async function postgresMissing(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (e) {
    return `PostgreSQL not reachable at ${PG_URL} (${(e as Error).message}); .ci/run starts it`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const databases = new Map<string, string>();

/** The URL of a database with the given name on the test server. */
function urlOf(name: string): string {
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A database of its own for a data directory: created on first use, the same one after. */
export async function databaseFor(dataDir: string): Promise<string> {
  const known = databases.get(dataDir);
  if (known) return known;
  const name = `nl_test_${process.pid}_${databases.size}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = urlOf(name);
  databases.set(dataDir, url);
  return url;
}

/** Drops a data directory's database, if it had one (best effort: a test's end, not its result). */
export async function dropDatabaseFor(dataDir: string): Promise<void> {
  const url = databases.get(dataDir);
  if (!url) return;
  databases.delete(dataDir);
  const client = new pg.Client({ connectionString: PG_URL });
  try {
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  } catch {
    /* left for the next cluster reset */
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Drops the test databases earlier runs left behind (a test process that ends before its
 * clean-up leaves its database). Those still in use, by a run going on beside this one, are not
 * dropped (no FORCE). Called at a run's start (vitest.config.ts) and end (postgres-teardown.ts).
 */
export async function dropLeftoverDatabases(): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'nl\\_test\\_%'");
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => undefined);
  } finally {
    await client.end();
  }
}
