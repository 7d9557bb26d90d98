// One server per data directory (or PostgreSQL database: lockDatabase below). A second `serve`
// on a directory in use would migrate and compact the log under the running server (its
// retention floor moves on disk, not in the running server's memory, so that one goes on
// answering from rows that are gone) before failing to bind its port.
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
import { redactedUrl } from '../store/postgres/url.js';
import { connectTo } from '../store/postgres/connect.js';

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

/** The advisory lock key a server holds on its PostgreSQL database ("netl" in ASCII). */
const PG_LOCK_KEY = 0x6e65746c;

/**
 * One server per PostgreSQL database, for the same reasons as per data directory: a session-level
 * advisory lock, held on a connection of its own for the server's life. PostgreSQL drops it when
 * that connection ends however the process ends. The connection's application_name names the
 * holder in the refusal. Should that connection drop while the server runs (PostgreSQL
 * restarted), the lock is taken again on a new one, tried every `retryMs`; `log` says so. If
 * another server took the database meanwhile, the two collide on the events' primary key and the
 * first failed batch stops this one's writes (store/appender.ts).
 */
export async function lockDatabase(url: string, log: { warn(o: unknown, m: string): void; info(o: unknown, m: string): void }, retryMs = 1000): Promise<() => Promise<void>> {
  let client = await takeLock(url);
  let released = false;
  let timer: NodeJS.Timeout | undefined;
  const retake = () => {
    timer = undefined;
    if (released) return;
    takeLock(url).then(
      (next) => {
        if (released) return void next.end().catch(() => undefined);
        hold(next);
        log.info({}, 'holds the database lock again');
      },
      (err: Error) => {
        log.warn({ err }, 'cannot take the database lock again yet');
        timer = setTimeout(retake, retryMs);
      },
    );
  };
  const hold = (c: typeof client) => {
    client = c;
    c.on('error', (err) => {
      if (released || c !== client) return;
      log.warn({ err }, 'lost the connection that holds the database lock; taking it again');
      timer = setTimeout(retake, retryMs);
    });
  };
  hold(client);
  return async () => {
    released = true;
    if (timer) clearTimeout(timer);
    await client.end().catch(() => undefined);
  };
}

/** A connection holding the lock, or the refusal naming who holds it. */
async function takeLock(url: string) {
  const client = await connectTo(url, { application_name: `netledger pid ${process.pid} on ${hostname()}` });
  try {
    const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [PG_LOCK_KEY]);
    if (!rows[0]?.ok) {
      const holder = await client.query<{ who: string }>(
        // Advisory locks are per database: another database's server holds the same key.
        "SELECT a.application_name AS who FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND l.classid = 0 AND l.objid = $1 AND l.granted",
        [PG_LOCK_KEY],
      );
      const who = holder.rows[0]?.who ? ` (${holder.rows[0].who})` : '';
      throw new Error(`--database-url ${redactedUrl(url)} is in use by another netledger server${who}: stop it first`);
    }
  } catch (e) {
    await client.end().catch(() => undefined);
    throw e;
  }
  return client;
}
