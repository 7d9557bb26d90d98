// The batch transaction on its own thread. SQLite's share of a write (B-tree inserts, then a
// COMMIT that writes every dirty page to the WAL and fsyncs it) was ~40% of the server's main
// thread under load, with the second core partly idle. Here a worker with its own connection
// runs each batch's statements in one BEGIN IMMEDIATE … COMMIT while the event loop goes on
// parsing and answering requests. What to write stays on the main thread (event-store.ts): the
// worker only runs prepared statements with the parameters it is sent, in order.

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';
import { workerReply } from './worker-reply.js';

/** One statement run: its index in the prepared list and its positional parameters. */
export type WriteOp = [statement: number, params: (string | number | null)[]];

/** Where a batch's time went on the connection that wrote it: its statements, and its COMMIT
 * (appending the dirty pages to the WAL and the fsync, i.e. mostly waiting for the disk). */
export interface WriteTimings {
  statementsMs: number;
  commitMs: number;
}

/** The same transaction as the worker's, on a connection of this thread (a batch written in
 * place, see EventStore.commit). */
export function batchTransaction(db: BetterSqlite3.Database, statements: readonly string[]): (ops: WriteOp[]) => WriteTimings {
  const prepared = statements.map((sql) => db.prepare(sql));
  const [begin, commit, rollback] = ['BEGIN IMMEDIATE', 'COMMIT', 'ROLLBACK'].map((sql) => db.prepare(sql));
  return (ops) => {
    const started = performance.now();
    begin!.run();
    let committing = started;
    try {
      for (const [i, params] of ops) prepared[i]!.run(params);
      committing = performance.now();
      commit!.run();
    } catch (e) {
      if (db.inTransaction) rollback!.run();
      throw e;
    }
    return { statementsMs: committing - started, commitMs: performance.now() - committing };
  };
}

const SQLITE_WORKER = `
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

interface Pending {
  resolve(t: WriteTimings): void;
  reject(e: Error): void;
}

/** Batches written by better-sqlite3 on its own connection to the file at `path`. */
export function sqliteBatchWriter(path: string, pragmas: readonly string[], statements: readonly string[]): BatchWriter {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  return new BatchWriter(SQLITE_WORKER, { path, module, pragmas, statements });
}

/**
 * A worker thread that writes batches in order, one transaction each. `code` is the worker's
 * source: it answers `{ seq, ops }` with `{ seq, timings }` or `{ seq, error }` (and refuses every
 * batch after a failed one), and `'close'` with `{ closed: true }`.
 */
export class BatchWriter {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private seq = 0;
  private dead?: Error;

  constructor(code: string, workerData: unknown) {
    this.worker = new Worker(code, { eval: true, workerData });
    this.worker.on('message', (m: { seq?: number; error?: string; timings?: WriteTimings }) => {
      if (m.seq === undefined) return;
      const p = this.pending.get(m.seq);
      this.pending.delete(m.seq);
      if (m.error === undefined) p?.resolve(m.timings!);
      else p?.reject(new Error(`batch write failed: ${m.error}`));
    });
    // A writer that dies takes every unacknowledged batch with it: none of them is durable.
    this.worker.on('error', (e) => this.die(e));
    this.worker.on('exit', (code) => this.die(new Error(`batch writer exited (code ${code})`)));
  }

  /** Runs the ops in one durable transaction; resolves once it is committed and fsynced. */
  write(ops: WriteOp[]): Promise<WriteTimings> {
    if (this.dead) return Promise.reject(this.dead);
    const seq = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(seq, { resolve, reject });
      this.worker.postMessage({ seq, ops });
    });
  }

  async close(): Promise<void> {
    if (this.dead) return;
    await workerReply(this.worker, 'close', (m) => (m as { closed?: boolean }).closed === true);
    this.dead = new Error('the batch writer is closed');
    await this.worker.terminate();
  }

  private die(e: Error): void {
    this.dead ??= e;
    for (const p of this.pending.values()) p.reject(this.dead);
    this.pending.clear();
  }
}
