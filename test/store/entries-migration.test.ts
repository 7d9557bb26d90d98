// Migration 004 (entries point at changes) on a database written before it: a real history is
// made with the current code, turned back into the 003 layout (entries holding their value
// text), and reopened. The migrated entries must load with the same text and rv, start-up must
// find them equal to the recomputed tables, and writes must go on pointing at their changes.

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { Ledger } from '../../store/ledger.js';
import { create, ctx, node, pod, podReady, remove, service, update } from '../support/commands.js';
import type { StoredEntry } from '../../store/event-store.js';
import { removeDir, tempDir } from '../support/server.js';

const ready = (name: string) => podReady('default', name, true);
const sorted = (entries: StoredEntry[]) => entries.sort((x, y) => (x.table + x.scope + x.key).localeCompare(y.table + y.scope + y.key));

/** Rewrites the 004 tables as 003 had them and forgets that 004 (and every later one) ran. */
function downgradeTo003(path: string): void {
  const db = new Database(path);
  db.exec(`
    CREATE TABLE old_entries (table_name text not null, scope text not null, key text not null, rv integer not null, value text not null,
      constraint table_entries_pk primary key (table_name, scope, key));
    INSERT INTO old_entries SELECT e.table_name, e.scope, e.key, e.rv, c.value FROM table_entries e JOIN table_changes c ON c.id = e.change_id;
    DROP TABLE table_entries;
    ALTER TABLE old_entries RENAME TO table_entries;
    DELETE FROM kysely_migration WHERE name = '004_entries_point_at_changes';
    -- and what came after 004, so that the migrations run again in order
    DROP INDEX events_by_impersonator;
    DELETE FROM kysely_migration WHERE name = '007_events_by_impersonator';
    ALTER TABLE events DROP COLUMN impersonated_by;
    DELETE FROM kysely_migration WHERE name = '005_events_impersonated_by';
    ALTER TABLE table_changes DROP COLUMN prev_rv;
    DELETE FROM kysely_migration WHERE name = '006_changes_prev_rv';
  `);
  db.close();
}

describe('migration 004: entries point at changes', () => {
  const dataDir = tempDir();
  afterAll(() => removeDir(dataDir));

  it('keeps every entry (text and rv) of a history written in the 003 layout', async () => {
    let ledger = await Ledger.open({ dataDir });
    await ledger.submit({ ...ctx(), op: 'configure', config: ledger.state.config });
    await ledger.submit(create('Node', '', node('n1', '192.168.60.11')));
    for (const name of ['a', 'b', 'c']) {
      await ledger.submit(create('Pod', 'default', pod(name, 'n1', { app: 'web' })));
      await ledger.submit(ready(name));
    }
    await ledger.submit(create('Service', 'default', service('web', { app: 'web' })));
    await ledger.submit(remove('Pod', 'default', 'b', 0));
    const before = sorted(await ledger.store.loadEntries());
    expect(before.some((e) => e.key.startsWith('nat/KUBE-SVC-'))).toBe(true);
    await ledger.close();

    downgradeTo003(join(dataDir, 'netledger.db'));
    const warnings: unknown[] = [];
    ledger = await Ledger.open({ dataDir, log: { warn: (o) => warnings.push(o), info: () => undefined } });
    try {
      const after = sorted(await ledger.store.loadEntries());
      expect(after).toEqual(before);
      expect(warnings).toEqual([]); // start-up found the migrated entries equal to the recomputed ones

      // A write after the migration points its entries at the change it just wrote.
      await ledger.submit(remove('Pod', 'default', 'c', 0));
      const sqlite = ledger.store.sql;
      const stale = sqlite
        .prepare(
          `SELECT count(*) AS n FROM table_entries e JOIN table_changes c ON c.id = e.change_id
           WHERE c.table_name != e.table_name OR c.scope != e.scope OR c.key != e.key OR c.rv != e.rv OR c.op != 'upsert'`,
        )
        .get() as { n: number };
      expect(stale.n).toBe(0);
      for (const e of await ledger.store.loadEntries()) {
        expect(e.text).toBe(ledger.engine.tables[e.table as 'iptables'].get(e.scope, e.key)?.encoded);
      }
    } finally {
      await ledger.close();
    }
  });
});
