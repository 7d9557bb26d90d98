// SyncSql on PostgreSQL: the store's reads are synchronous (store/sync-sql.ts), and node-postgres
// only speaks promises. So one pg.Client lives on a worker thread, and each call from this thread
// posts its query there and blocks in Atomics.wait until the worker has put the answer on a
// MessagePort and raised a shared flag; the answer is then taken off the port synchronously with
// receiveMessageOnPort (the synckit pattern). One call is in flight at a time, so no sequence
// numbers: the next message on the port is always the answer to the query just sent.

import { createRequire } from 'node:module';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { SqlParam, SyncSql, SyncStatement } from '../sync-sql.js';
import { redactedUrl } from './url.js';

/** How long a call (or the connection in open) may take before the client gives up on it. */
const DEFAULT_TIMEOUT_MS = 60_000;

const WORKER = `
const { workerData } = require('node:worker_threads');
const { port, url } = workerData;
const flag = new Int32Array(workerData.flag);
const reply = (m) => {
  port.postMessage(m);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
};
// What survives the trip: structured cloning keeps an Error's message but drops pg's fields.
const failure = (e) => {
  let message = e && e.message ? String(e.message) : String(e);
  // A refused connection to a name with several addresses (localhost: ::1 and 127.0.0.1) is an
  // AggregateError whose own message is empty; the reasons are in its errors.
  if (!(e && e.message) && e && Array.isArray(e.errors)) message = e.errors.map((x) => x.message).join('; ');
  const out = { message };
  for (const k of ['code', 'severity', 'detail', 'hint', 'schema', 'table', 'column', 'constraint', 'position']) {
    if (e && typeof e[k] === 'string') out[k] = e[k];
  }
  return out;
};
let pg;
let client;
// Set when the connection goes (PostgreSQL restarted, the backend was terminated): the next query
// connects anew if the session held no transaction, whose work would be gone with it.
let lost = false;
let lastTx = 'I';
const status = () => (client && client.getTransactionStatus ? client.getTransactionStatus() : null);
const connect = async () => {
  const c = new pg.Client({ connectionString: url });
  // Unheard, a lost connection's error would kill the worker.
  c.on('error', () => { if (c === client) lost = true; });
  await c.connect();
  client = c;
  lost = false;
};
port.on('message', async (m) => {
  if (m.close) {
    try { await client.end(); } catch {}
    return reply({ closed: true });
  }
  try {
    if (lost && lastTx === 'I') await connect();
    let r = await client.query({ text: m.sql, values: m.params, rowMode: m.rowMode });
    // Several statements in one text (possible only without parameters): the last one answers.
    if (Array.isArray(r)) r = r[r.length - 1];
    reply({
      rows: m.rows ? r.rows : undefined,
      changes: r.rowCount ?? 0,
      bytea: m.rows && r.fields.some((f) => f.dataTypeID === 17),
      tx: (lastTx = status()),
    });
  } catch (e) {
    reply({ error: failure(e), tx: (lastTx = lost ? 'I' : status()) });
  }
});
(async () => {
  try {
    pg = require(workerData.module);
    // Counts and ids (int8, e.g. COUNT(*)) and sums of them (numeric) as numbers, as SQLite gives
    // them; pg's default is strings, for values past 2^53 that ours never reach.
    pg.types.setTypeParser(20, (v) => Number(v));
    pg.types.setTypeParser(1700, (v) => Number(v));
    await connect();
    reply({ ready: true, tx: status() });
  } catch (e) {
    reply({ error: failure(e) });
  }
})();
`;

interface Reply {
  ready?: boolean;
  closed?: boolean;
  rows?: unknown[];
  changes?: number;
  bytea?: boolean;
  tx?: string | null;
  error?: { message: string; code?: string; detail?: string; constraint?: string };
}

type Mode = 'objects' | 'raw' | 'pluck';

export interface PgSyncClientOptions {
  /** The longest a call, or connecting, may block the thread; past it the client is closed. */
  timeoutMs?: number;
}

export class PgSyncClient implements SyncSql {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly timeoutMs: number;
  /** The server's transaction status after the last call: I(dle), T (in one) or E (failed one). */
  private txStatus = 'I';
  /** Transactions of transaction() open around the current call, to name their savepoints. */
  private depth = 0;
  private closed?: Error;

  /** Connects, or throws pg's reason (a bad URL, a refused connection, a failed login). */
  static open(connectionString: string, options: PgSyncClientOptions = {}): PgSyncClient {
    return new PgSyncClient(connectionString, options);
  }

  private constructor(url: string, options: PgSyncClientOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const module = createRequire(import.meta.url).resolve('pg');
    this.worker = new Worker(WORKER, {
      eval: true,
      workerData: { module, url, port: port2, flag: this.flag.buffer },
      transferList: [port2],
    });
    // A client nobody closed must not hold the process open: its worker and port are unref'd,
    // and this thread never listens on the port (replies are pulled with receiveMessageOnPort).
    this.worker.unref();
    this.port.unref();
    // Seen only when this thread is back in its event loop; the next call then fails at once
    // instead of waiting out the timeout for a worker that is gone.
    this.worker.on('error', (e) => this.shut(new Error(`the PostgreSQL client's worker failed: ${e.message}`)));
    this.worker.on('exit', (code) => this.shut(new Error(`the PostgreSQL client's worker exited (code ${code})`)));
    Atomics.store(this.flag, 0, 0);
    const r = this.wait('while connecting');
    if (r.error) {
      this.shut(new Error('the PostgreSQL client could not connect'));
      throw pgError(`could not connect to PostgreSQL at ${redactedUrl(url)}: ${r.error.message}`, r.error);
    }
  }

  prepare(sql: string): SyncStatement {
    return new PgStatement(pgPlaceholders(sql), (text, params, rowMode, rows) => this.query(text, params, rowMode, rows));
  }

  get inTransaction(): boolean {
    return !this.closed && this.txStatus !== 'I';
  }

  transaction<F extends (...args: never[]) => unknown>(fn: F): F {
    const run = (...args: Parameters<F>) => {
      // Nested in an open transaction: a savepoint, so that an inner failure the caller catches
      // undoes only the inner writes (what better-sqlite3 does).
      const name = `pg_sync_client_${this.depth}`;
      const [begin, commit, rollback] = this.inTransaction
        ? [`SAVEPOINT ${name}`, `RELEASE SAVEPOINT ${name}`, [`ROLLBACK TO SAVEPOINT ${name}`, `RELEASE SAVEPOINT ${name}`]]
        : ['BEGIN', 'COMMIT', ['ROLLBACK']];
      this.query(begin, [], undefined, false);
      this.depth++;
      try {
        const result = fn(...args);
        this.query(commit, [], undefined, false);
        return result;
      } catch (e) {
        // A COMMIT that failed has ended the transaction already; the caller wants fn's error,
        // not one from a rollback that could not run (e.g. on a closed client).
        if (this.inTransaction) {
          try {
            for (const sql of rollback) this.query(sql, [], undefined, false);
          } catch {
            // fall through to the original error
          }
        }
        throw e;
      } finally {
        this.depth--;
      }
    };
    return run as unknown as F;
  }

  close(): void {
    if (this.closed) return;
    // Ends the session politely (the server sees a Terminate rather than a dropped socket), but
    // waits for it only briefly.
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ close: true });
    Atomics.wait(this.flag, 0, 0, Math.min(this.timeoutMs, 5000));
    this.shut(new Error('the PostgreSQL client is closed'));
  }

  private query(sql: string, params: SqlParam[], rowMode: 'array' | undefined, rows: boolean): Reply {
    if (this.closed) throw new Error(`cannot run ${shown(sql)}: ${this.closed.message}`);
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ sql, params, rowMode, rows });
    const r = this.wait(`running ${shown(sql)}`);
    this.txStatus = r.tx ?? this.txStatus;
    if (r.error) throw pgError(r.error.message, r.error);
    // Cloning turned the worker's Buffers into plain Uint8Arrays; better-sqlite3 gives Buffers.
    if (r.bytea) r.rows = r.rows!.map(buffers);
    return r;
  }

  private wait(what: string): Reply {
    if (Atomics.wait(this.flag, 0, 0, this.timeoutMs) === 'timed-out') {
      // The answer may still come later and would be taken for the next call's: the client is done.
      const e = new Error(`PostgreSQL did not answer within ${this.timeoutMs} ms ${what}`);
      this.shut(e);
      throw e;
    }
    const m = receiveMessageOnPort(this.port);
    if (!m) throw new Error(`the PostgreSQL client's worker raised its flag without an answer ${what}`);
    return m.message as Reply;
  }

  private shut(reason: Error): void {
    if (this.closed) return;
    this.closed = reason;
    this.port.close();
    void this.worker.terminate();
  }
}

class PgStatement implements SyncStatement {
  private mode: Mode = 'objects';

  constructor(
    private readonly text: string,
    private readonly query: (text: string, params: SqlParam[], rowMode: 'array' | undefined, rows: boolean) => Reply,
  ) {}

  all(...params: SqlParam[]): unknown[] {
    const rows = this.query(this.text, params, this.mode === 'objects' ? undefined : 'array', true).rows!;
    return this.mode === 'pluck' ? rows.map((r) => (r as unknown[])[0]) : rows;
  }

  /** Fetches every row and keeps the first: callers ask get() of queries that return one. */
  get(...params: SqlParam[]): unknown {
    return this.all(...params)[0];
  }

  run(...params: SqlParam[]): { changes: number } {
    return { changes: this.query(this.text, params, undefined, false).changes ?? 0 };
  }

  /** All rows are fetched up front: a cursor would hold the connection across the caller's loop. */
  iterate(...params: SqlParam[]): IterableIterator<unknown> {
    return this.all(...params).values();
  }

  pluck(toggle = true): this {
    if (toggle) this.mode = 'pluck';
    else if (this.mode === 'pluck') this.mode = 'objects';
    return this;
  }

  raw(toggle = true): this {
    if (toggle) this.mode = 'raw';
    else if (this.mode === 'raw') this.mode = 'objects';
    return this;
  }
}

// Quoted literals and identifiers, comments, numbered placeholders and question marks, in order:
// a question mark is a placeholder only where it is not inside one of the first three.
const TOKENS = /'[^']*'|"[^"]*"|--[^\n]*|\/\*[\s\S]*?\*\/|\$\d|\?/g;

/** SQLite's `?` placeholders as PostgreSQL's `$1, $2, …`; text already numbered ($n) is left as
 * it is. Not understood (no SQL of ours uses them): dollar-quoted bodies and E'' backslash escapes. */
export function pgPlaceholders(sql: string): string {
  let n = 0;
  let numbered = false;
  const out = sql.replace(TOKENS, (t) => {
    if (t === '?') return `$${++n}`;
    if (t[0] === '$') numbered = true;
    return t;
  });
  return numbered ? sql : out;
}

function buffers(row: unknown): unknown {
  const toBuffer = (v: unknown) => (v instanceof Uint8Array && !Buffer.isBuffer(v) ? Buffer.from(v.buffer, v.byteOffset, v.byteLength) : v);
  if (Array.isArray(row)) return row.map(toBuffer);
  const r = row as Record<string, unknown>;
  for (const k in r) r[k] = toBuffer(r[k]);
  return r;
}

/** An Error of this thread (its stack is the caller's) with pg's fields: code (the SQLSTATE), detail, constraint… */
function pgError(message: string, from: { message: string; code?: string }): Error {
  const { message: _, ...fields } = from;
  return Object.assign(new Error(message), fields);
}

function shown(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 200 ? `${flat.slice(0, 200)}…` : flat);
}
