// Starting real servers for tests: in-process (fast; real HTTP over loopback, real SQLite in a
// temp dir, or a PostgreSQL database of its own on a PostgreSQL run: postgres.ts) or as a child
// process of the built binary (kubectl, durability, CLI tests).

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { parseServeFlags, type ServeOptions } from '../../server/flags.js';
import { startServer, type RunningServer } from '../../server/serve.js';
import { databaseFor, dropDatabaseFor, ON_POSTGRES } from './postgres.js';
import { PgSyncClient } from '../../store/postgres/sync-client.js';
import type { SyncSql } from '../../store/sync-sql.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'dist', 'bin', 'netledger.js');

export function tempDir(prefix = 'netledger-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export interface TestServer extends RunningServer {
  dataDir: string;
  stop(): Promise<void>;
}

/** A server in this process on 127.0.0.1:<free port> with its own temp database. */
export async function startTestServer(flags: string[] = [], dataDir = tempDir(), overrides: Partial<ServeOptions> = {}): Promise<TestServer> {
  const opts = { ...parseServeFlags(['--listen', '127.0.0.1:0', ...(await databaseFlags(dataDir)), ...flags]), ...overrides };
  const server = await startServer(opts, pino({ level: process.env.NETLEDGER_TEST_LOG ?? 'silent' }));
  return {
    ...server,
    dataDir,
    async stop() {
      await server.close();
    },
  };
}

/**
 * A server for the enclosing suite: started before its tests, stopped and its data removed after.
 * The returned object is filled in when the suite starts (read it inside tests and hooks).
 */
export function suiteServer(flags: string[] = []): TestServer {
  const s = {} as TestServer;
  beforeAll(async () => {
    Object.assign(s, await startTestServer(flags));
  });
  afterAll(async () => {
    await s.stop();
    removeDir(s.dataDir);
  });
  return s;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  void dropDatabaseFor(dir);
}

/** `netledger verify`'s flags for a test server's database (the data directory, or its PostgreSQL
 * database on a PostgreSQL run). */
export async function verifyFlagsFor(dataDir: string): Promise<string[]> {
  return ON_POSTGRES ? ['--database-url', await databaseFor(dataDir)] : ['--data', dataDir];
}

/** A synchronous handle on a test server's database: its SQLite file, or its PostgreSQL database
 * on a PostgreSQL run (close it after). */
export async function databaseOf(dataDir: string): Promise<SyncSql> {
  if (ON_POSTGRES) return PgSyncClient.open(await databaseFor(dataDir));
  return new Database(join(dataDir, 'netledger.db')) as unknown as SyncSql;
}

/** Rows of a query on a test server's database, read beside the server (or after it stopped). */
export async function queryDatabase<T>(dataDir: string, text: string): Promise<T[]> {
  const db = await databaseOf(dataDir);
  try {
    return db.prepare(text).all() as T[];
  } finally {
    db.close();
  }
}

/** The flags that put a server's database where this run keeps them: its data directory, or
 * (NETLEDGER_TEST_BACKEND=postgres) a PostgreSQL database of that directory's own. */
async function databaseFlags(dataDir: string): Promise<string[]> {
  return ON_POSTGRES ? ['--data', dataDir, '--database-url', await databaseFor(dataDir)] : ['--data', dataDir];
}

export interface ChildServer {
  url: string;
  child: ChildProcess;
  dataDir: string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** The built `netledger serve` as a child process; resolves once it prints its address. */
export async function startChildServer(flags: string[] = [], dataDir = tempDir(), port = 0): Promise<ChildServer> {
  const child = spawn(process.execPath, [BIN, 'serve', '--listen', `127.0.0.1:${port}`, ...(await databaseFlags(dataDir)), ...flags], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NETLEDGER_LOG_LEVEL: 'info' },
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s: ${stderr}`)), 30_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      try {
        const rec = JSON.parse(line);
        if (rec.msg === 'netledger serving') {
          clearTimeout(timer);
          resolve(rec.address);
        }
      } catch {
        /* not a log line */
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}: ${stderr}`));
    });
  });
  return {
    url,
    child,
    dataDir,
    stop(signal: NodeJS.Signals = 'SIGTERM') {
      return new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      });
    },
  };
}

/** Reads a watch stream for at most `ms` or until `untilCount` events; returns them parsed. */
export async function readWatch(url: string, untilCount: number, ms = 5000, headers: Record<string, string> = {}): Promise<any[]> {
  const ctl = new AbortController();
  const res = await fetch(url, { signal: ctl.signal, headers });
  if (res.status !== 200) throw new Error(`watch ${url}: ${res.status} ${await res.text()}`);
  const events: any[] = [];
  const reader = res.body!.getReader();
  let buf = '';
  const timer = setTimeout(() => ctl.abort(), ms);
  try {
    while (events.length < untilCount) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += new TextDecoder().decode(value);
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.trim()) events.push(JSON.parse(line));
      }
    }
  } catch (e) {
    if ((e as Error).name !== 'AbortError') throw e;
  } finally {
    clearTimeout(timer);
    ctl.abort();
  }
  return events;
}

/** JSON over real HTTP. */
export async function api(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}
