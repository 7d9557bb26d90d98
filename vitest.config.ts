import { defineConfig } from 'vitest/config';
import { dropLeftoverDatabases, postgresMissing } from './test/support/postgres.js';

// Two projects: every suite on the embedded SQLite default, and the suites that start servers
// again with those servers on PostgreSQL (--database-url, a database per server:
// test/support/postgres.ts). Without a reachable PostgreSQL the second is left out, and says why.
export default defineConfig(async () => {
  const missing = await postgresMissing();
  if (missing) console.log(`postgres project skipped: ${missing}`);
  else await dropLeftoverDatabases();
  const onPostgres = {
    extends: true,
    test: {
      name: 'postgres',
      include: ['test/{api,clients,cli,server,agent,lab}/**/*.test.ts', 'test/store/durability.test.ts'],
      // PostgreSQL's own suites run once, in the sqlite project (they pick their database themselves).
      exclude: ['test/server/postgres-backend.test.ts'],
      env: { NETLEDGER_TEST_BACKEND: 'postgres' },
    },
  };
  return {
    test: {
      globalSetup: ['test/support/postgres-teardown.ts'],
      testTimeout: 60_000,
      hookTimeout: 60_000,
      // Lab and client tests start servers and namespaces; two cores cannot run many at once.
      maxWorkers: 2,
      minWorkers: 1,
      projects: [{ extends: true, test: { name: 'sqlite', include: ['test/**/*.test.ts'] } }, ...(missing ? [] : [onPostgres])],
    },
  };
});
