// The batch transaction on PostgreSQL: the same worker protocol as SQLite's (store/batch-writer.ts),
// with a node-postgres client of its own. Batches arrive in rv order and are written one after
// the other, each in one transaction; PostgreSQL's COMMIT returns once the WAL is flushed
// (synchronous_commit, on by default), so an acknowledged batch survives a crash. One server
// writes a database at a time (server/data-lock.ts), so rv stays dense without an advisory lock
// per transaction.

import { createRequire } from 'node:module';
import { BatchWriter } from '../batch-writer.js';
import { Stmt } from '../write-statements.js';

/**
 * Each write statement (store/write-statements.ts, by its index) for many rows at once: the
 * batch's rows of one statement go as one array per column, unnested. One round trip per
 * statement kind instead of per row: a batch of 45 creates is ~500 rows, and with a statement
 * each the writer waited on the network for most of its time (735 creates/s under bench writes'
 * load, scratch). A batch never holds one row twice in a statement (event-store.ts keeps each
 * object's and key's last), which an upsert of many rows requires. Columns in the order of the
 * statements' parameters.
 */
const BULK: Record<number, string> = {
  [Stmt.InsertEvent]:
    'INSERT INTO events (rv, time, actor, kind, namespace, name, uid, type, object, cause, request_id, impersonated_by) SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[], $11::text[], $12::text[])',
  [Stmt.UpsertObject]:
    'INSERT INTO objects (kind, namespace, name, rv) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) ON CONFLICT (kind, namespace, name) DO UPDATE SET rv = excluded.rv',
  [Stmt.DeleteObject]:
    'DELETE FROM objects o USING unnest($1::text[], $2::text[], $3::text[]) AS d(kind, namespace, name) WHERE o.kind = d.kind AND o.namespace = d.namespace AND o.name = d.name',
  [Stmt.UpsertEntry]:
    'INSERT INTO table_entries (table_name, scope, key, rv, change_id) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[]) ON CONFLICT (table_name, scope, key) DO UPDATE SET rv = excluded.rv, change_id = excluded.change_id',
  [Stmt.DeleteEntry]:
    'DELETE FROM table_entries e USING unnest($1::text[], $2::text[], $3::text[]) AS d(table_name, scope, key) WHERE e.table_name = d.table_name AND e.scope = d.scope AND e.key = d.key',
  [Stmt.InsertChange]:
    'INSERT INTO table_changes (id, rv, table_name, scope, key, op, value, prev, prev_rv) SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[])',
  [Stmt.SetMeta]: 'INSERT INTO meta (key, value) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
};

const POSTGRES_WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const pg = require(workerData.module);
let client;
let failed;
// Set when the connection goes between batches (PostgreSQL restarted, the backend terminated):
// nothing was in flight, so the next batch connects anew. A batch that fails, a lost connection
// in the middle of one included, leaves its outcome unknown: every later batch is refused, and
// the server stops taking writes (store/appender.ts).
let lost = false;
const connect = async () => {
  const c = new pg.Client({ connectionString: workerData.url });
  c.on('error', () => { if (c === client) lost = true; });
  await c.connect();
  client = c;
  lost = false;
};
let queue = connect().catch((e) => { failed = 'cannot connect: ' + String((e && e.message) || e); });
const write = async (ops) => {
  if (lost) await connect();
  const started = performance.now();
  // Each statement's rows as columns, statements in index order (events, objects, entries,
  // changes, meta: no statement reads what another writes).
  const columns = new Map();
  for (const [i, params] of ops) {
    let cols = columns.get(i);
    if (!cols) columns.set(i, (cols = params.map(() => [])));
    for (let k = 0; k < params.length; k++) cols[k].push(params[k]);
  }
  await client.query('BEGIN');
  let committing = started;
  try {
    for (const i of [...columns.keys()].sort((a, b) => a - b)) await client.query(workerData.bulk[i], columns.get(i));
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

/** The writer for a PostgreSQL database (the statements are BULK's, by the same indexes). */
export function postgresBatchWriter(url: string): BatchWriter {
  const module = createRequire(import.meta.url).resolve('pg');
  return new BatchWriter(POSTGRES_WORKER, { url, module, bulk: BULK });
}
