// One server per data directory. A second `serve` on a directory in use would migrate and compact
// the log under the running server (its retention floor moves on disk, not in the running
// server's memory, so that one goes on answering from rows that are gone) before failing to
// bind its port.
//
// The lock is SQLite's own: an exclusive transaction on a small lock database, held open for the
// server's life. The kernel drops it when the process ends however it ends (SIGKILL, a crash),
// so nothing stale is ever left to judge, and two servers racing for it cannot both win, in one
// process or two, in one PID namespace or two. `netledger.pid` beside it only names the holder
// in the refusal.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

export const LOCK_FILE = 'netledger.lock';
export const PID_FILE = 'netledger.pid';

/** Takes the directory's lock; returns its release. Throws when another server holds it. */
export function lockDataDir(dataDir: string): () => void {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  // No busy timeout: a held lock is refused at once, not waited for.
  const db = new Database(join(dir, LOCK_FILE), { timeout: 0 });
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY') throw inUse(dir);
    throw e;
  }
  writeFileSync(join(dir, PID_FILE), `${process.pid} ${hostname()}\n`);
  return () => db.close(); // the open transaction rolls back, and the lock goes with it
}

function inUse(dir: string): Error {
  let holder = '';
  try {
    const [pid, host] = readFileSync(join(dir, PID_FILE), 'utf8').trim().split(' ');
    holder = ` (pid ${pid} on ${host})`;
  } catch {
    /* not written yet */
  }
  return new Error(`--data ${dir} is in use by another netledger server${holder}: stop it first`);
}
