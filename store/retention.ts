// Retention (--retain REVISIONS | --retain AGE like 24h, 7d): compaction moves the floor up and
// deletes history below it, keeping for every object its last event at or below the floor and for
// every table key its last change at or below it — the snapshot at the floor — so objects and
// tables stay readable at the floor itself, and the events those changes cite, so blame still
// names who and why. Below it, reads and watches answer 410.

import type { SyncSql } from './sync-sql.js';
import type { Ledger } from './ledger.js';

export type RetainPolicy = { revisions: number } | { ageSeconds: number };

export function parseRetain(text: string): RetainPolicy {
  const m = /^(\d+)([smhd]?)$/.exec(text.trim());
  if (!m) throw new Error(`--retain ${text}: expected a number of revisions (10000) or an age (90s, 30m, 24h, 7d)`);
  const n = Number(m[1]);
  if (!m[2]) return { revisions: n };
  const unit = { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
  return { ageSeconds: n * unit };
}

/** The floor a policy asks for now (never lower than the current one). */
export function targetFloor(sqlite: SyncSql, policy: RetainPolicy, head: number, now: Date, current: number): number {
  let floor: number;
  if ('revisions' in policy) floor = Math.max(0, head - policy.revisions);
  else {
    const cutoff = new Date(now.getTime() - policy.ageSeconds * 1000).toISOString();
    const row = sqlite.prepare('SELECT min(rv) AS rv FROM events WHERE time >= ?').get(cutoff) as { rv: number | null };
    floor = row.rv === null ? head : row.rv - 1;
  }
  return Math.max(current, floor);
}

/** Compacts history below `floor` in one transaction; returns the rows removed. */
export function compact(sqlite: SyncSql, floor: number): { events: number; changes: number } {
  const run = sqlite.transaction(() => {
    const changes = sqlite
      .prepare(
        `DELETE FROM table_changes WHERE rv <= ? AND id NOT IN (
           SELECT max(id) FROM table_changes WHERE rv <= ? GROUP BY table_name, scope, key)`,
      )
      .run(floor, floor).changes;
    // Kept too: the events the kept changes name as their cause, and the causes of those (the
    // request behind a derived event), so blame still says who and why for every entry the
    // tables hold at or above the floor.
    const events = sqlite
      .prepare(
        `WITH RECURSIVE cited(rv) AS (
           SELECT DISTINCT rv FROM table_changes WHERE rv <= ?
           UNION
           SELECT e.cause FROM events e JOIN cited c ON e.rv = c.rv WHERE e.cause IS NOT NULL)
         DELETE FROM events WHERE rv <= ?
           AND rv NOT IN (SELECT max(rv) FROM events WHERE rv <= ? GROUP BY kind, namespace, name)
           AND rv NOT IN (SELECT rv FROM cited)`,
      )
      .run(floor, floor, floor).changes;
    sqlite.prepare(`INSERT INTO meta (key, value) VALUES ('floor_rv', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(String(floor));
    return { events, changes };
  });
  // SQLite: BEGIN IMMEDIATE, so the write lock is taken up front rather than upgraded midway
  // (which the batch writer's connection could refuse).
  const immediate = (run as { immediate?: () => { events: number; changes: number } }).immediate;
  return immediate ? immediate() : run();
}

/** Runs compaction now and then every `intervalMs`; returns a stop function. */
export function startRetention(ledger: Ledger, policy: RetainPolicy, log: { info(o: unknown, m?: string): void }, intervalMs = 60_000): () => void {
  // Compaction writes on this thread's connection: it runs when no batch is being written (a
  // waiting reader holds the next one back), so it never waits on the batch writer's lock.
  const tick = () =>
    void ledger
      .settled()
      .then(compactNow)
      .catch((err: unknown) => log.info({ err }, 'compaction failed; it runs again at the next interval'));
  const compactNow = () => {
    const floor = targetFloor(ledger.store.sql, policy, ledger.committedRv, new Date(), ledger.floorRv);
    if (floor <= ledger.floorRv) return;
    const removed = compact(ledger.store.sql, floor);
    ledger.floorRv = floor;
    log.info({ floor, ...removed }, 'compacted history below the retention floor');
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
