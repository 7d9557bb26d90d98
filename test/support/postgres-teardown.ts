// vitest globalSetup: when the run ends, the databases its servers had on PostgreSQL are dropped
// (a test process that ends before its clean-up leaves its database behind). Those a run going on
// beside this one still uses are left (no FORCE).

import { dropLeftoverDatabases, postgresMissing } from './postgres.js';

export default function setup(): () => Promise<void> {
  return async () => {
    if (!(await postgresMissing())) await dropLeftoverDatabases();
  };
}
