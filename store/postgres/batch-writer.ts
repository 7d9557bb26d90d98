// The batch transaction on PostgreSQL: the same worker protocol as SQLite's (store/batch-writer.ts),
// with a node-postgres client of its own. Batches arrive in rv order and are written one after
// the other, each in one transaction; PostgreSQL's COMMIT returns once the WAL is flushed
// (synchronous_commit, on by default), so an acknowledged batch survives a crash. One server
// writes a database at a time (server/data-lock.ts), so rv stays dense without an advisory lock
// per transaction.

import { createRequire } from 'node:module';
import { BatchWriter } from '../batch-writer.js';

const POSTGRES_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const pg = require(workerData.module);
const client = new pg.Client({ connectionString: workerData.url });
let failed;
// A lost connection loses whatever was not committed: every later batch is refused, as after a
// failed one, and the server stops taking writes (store/appender.ts).
client.on('error', (e) => { failed ??= String((e && e.stack) || e); });
let queue = client.connect().catch((e) => { failed = 'cannot connect: ' + String((e && e.message) || e); });
const write = async (ops) => {
  const started = performance.now();
  await client.query('BEGIN');
  let committing = started;
  try {
    for (const [i, params] of ops) await client.query(workerData.statements[i], params);
    committing = performance.now();
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  }
  return { statementsMs: committing - started, commitMs: performance.now() - committing };
};
parentPort.on('message', (m) => {
  queue = queue.then(async () => {
    if (m === 'close') {
      await client.end().catch(() => {});
      return parentPort.postMessage({ closed: true });
    }
    if (failed) return parentPort.postMessage({ seq: m.seq, error: 'an earlier batch failed: ' + failed });
    try {
      parentPort.postMessage({ seq: m.seq, timings: await write(m.ops) });
    } catch (e) {
      failed = String((e && e.stack) || e);
      parentPort.postMessage({ seq: m.seq, error: failed });
    }
  });
});
`;

export function postgresBatchWriter(url: string, statements: readonly string[]): BatchWriter {
  const module = createRequire(import.meta.url).resolve('pg');
  return new BatchWriter(POSTGRES_WORKER, { url, module, statements });
}
