// The batch transaction on its own thread. SQLite's share of a write (B-tree inserts, then a
// COMMIT that writes every dirty page to the WAL and fsyncs it) was ~40% of the server's main
// thread under load, with the second core partly idle. Here a worker with its own connection
// runs each batch's statements in one BEGIN IMMEDIATE … COMMIT while the event loop goes on
// parsing and answering requests. What to write stays on the main thread (event-store.ts): the
// worker only runs prepared statements with the parameters it is sent, in order.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { workerReply } from './worker-reply.js';
/** The same transaction as the worker's, on a connection of this thread (a batch written in
 * place, see EventStore.commit). */
export function batchTransaction(db, statements) {
    const prepared = statements.map((sql) => db.prepare(sql));
    const [begin, commit, rollback] = ['BEGIN IMMEDIATE', 'COMMIT', 'ROLLBACK'].map((sql) => db.prepare(sql));
    return (ops) => {
        const started = performance.now();
        begin.run();
        let committing = started;
        try {
            for (const [i, params] of ops)
                prepared[i].run(params);
            committing = performance.now();
            commit.run();
        }
        catch (e) {
            if (db.inTransaction)
                rollback.run();
            throw e;
        }
        return { statementsMs: committing - started, commitMs: performance.now() - committing };
    };
}
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
for (const p of workerData.pragmas) db.pragma(p);
const statements = workerData.statements.map((sql) => db.prepare(sql));
const [begin, commit, rollback] = ['BEGIN IMMEDIATE', 'COMMIT', 'ROLLBACK'].map((sql) => db.prepare(sql));
// batchTransaction's steps and timings, on this thread's connection.
const write = (ops) => {
  const started = performance.now();
  begin.run();
  let committing = started;
  try {
    for (const [i, params] of ops) statements[i].run(params);
    committing = performance.now();
    commit.run();
  } catch (e) {
    if (db.inTransaction) rollback.run();
    throw e;
  }
  return { statementsMs: committing - started, commitMs: performance.now() - committing };
};
let failed;
parentPort.on('message', (m) => {
  if (m === 'close') {
    db.close();
    parentPort.postMessage({ closed: true });
    return;
  }
  // After a failed batch every later one is refused: it was decided on top of the lost one.
  if (failed) return parentPort.postMessage({ seq: m.seq, error: 'an earlier batch failed: ' + failed });
  try {
    parentPort.postMessage({ seq: m.seq, timings: write(m.ops) });
  } catch (e) {
    failed = String((e && e.stack) || e);
    parentPort.postMessage({ seq: m.seq, error: failed });
  }
});
`;
export class BatchWriter {
    worker;
    pending = new Map();
    seq = 0;
    dead;
    constructor(path, pragmas, statements) {
        const module = createRequire(import.meta.url).resolve('better-sqlite3');
        this.worker = new Worker(WORKER, { eval: true, workerData: { path, module, pragmas, statements } });
        this.worker.on('message', (m) => {
            if (m.seq === undefined)
                return;
            const p = this.pending.get(m.seq);
            this.pending.delete(m.seq);
            if (m.error === undefined)
                p?.resolve(m.timings);
            else
                p?.reject(new Error(`batch write failed: ${m.error}`));
        });
        // A writer that dies takes every unacknowledged batch with it: none of them is durable.
        this.worker.on('error', (e) => this.die(e));
        this.worker.on('exit', (code) => this.die(new Error(`batch writer exited (code ${code})`)));
    }
    /** Runs the ops in one durable transaction; resolves once it is committed and fsynced. */
    write(ops) {
        if (this.dead)
            return Promise.reject(this.dead);
        const seq = ++this.seq;
        return new Promise((resolve, reject) => {
            this.pending.set(seq, { resolve, reject });
            this.worker.postMessage({ seq, ops });
        });
    }
    async close() {
        if (this.dead)
            return;
        await workerReply(this.worker, 'close', (m) => m.closed === true);
        this.dead = new Error('the batch writer is closed');
        await this.worker.terminate();
    }
    die(e) {
        this.dead ??= e;
        for (const p of this.pending.values())
            p.reject(this.dead);
        this.pending.clear();
    }
}
//# sourceMappingURL=batch-writer.js.map