// A scratch PostgreSQL database for a scenario's server (--database-url), on the server at
// NETLEDGER_BENCH_PG_URL (default: the role .ci/run creates), or the reason there is none.

import pg from 'pg';

export const BENCH_PG_URL = process.env.NETLEDGER_BENCH_PG_URL ?? 'postgres://netledger:netledger@127.0.0.1:5432/netledger';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function scratchDatabase(): Promise<ScratchDatabase | { missing: string }> {
  const admin = new pg.Client({ connectionString: BENCH_PG_URL, connectionTimeoutMillis: 2000 });
  const name = `nl_bench_${process.pid}_${Date.now()}`;
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (e) {
    return { missing: `PostgreSQL at ${BENCH_PG_URL}: ${(e as Error).message}` };
  } finally {
    await admin.end().catch(() => undefined);
  }
  const u = new URL(BENCH_PG_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: BENCH_PG_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
