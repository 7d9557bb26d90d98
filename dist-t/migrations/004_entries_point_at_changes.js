// A table entry keeps only which change holds its current value: the value text is already in
// that change (table_changes.value), and every entry write carried it a second time. With small
// rows the table is WITHOUT ROWID: one B-tree keyed by (table, scope, key) instead of a rowid
// table plus its primary-key index. At the envelope the table shrinks from 140 to 25 MB. The
// WAL pages an endpoint change writes do not go down (33.8–34.7 before, 34.9–35.0 after: the
// history indexes dominate, bench/README.md). `objects` stays a rowid table: WITHOUT ROWID
// spread one change's Pod, Endpoints and EndpointSlice rows over three pages instead of two.
// Compaction keeps every key's last change (store/retention.ts), so the pointer stays valid.
import { sql } from 'kysely';
export async function up(db) {
    await db.schema
        .createTable('table_entries_next')
        .addColumn('table_name', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('rv', 'integer', (c) => c.notNull())
        .addColumn('change_id', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('table_entries_pk', ['table_name', 'scope', 'key'])
        .modifyEnd(sql `WITHOUT ROWID`)
        .execute();
    // One grouped pass over history (a correlated max(id) per entry let SQLite walk the scope
    // index backwards per row: quadratic). LEFT JOIN + NOT NULL: an entry with no change left to
    // point at fails the migration instead of vanishing.
    await sql `
    INSERT INTO table_entries_next (table_name, scope, key, rv, change_id)
    SELECT e.table_name, e.scope, e.key, e.rv, m.id
    FROM table_entries e
    LEFT JOIN (SELECT table_name, scope, key, max(id) AS id FROM table_changes GROUP BY table_name, scope, key) m
      ON m.table_name = e.table_name AND m.scope = e.scope AND m.key = e.key`.execute(db);
    await db.schema.dropTable('table_entries').execute();
    await sql `ALTER TABLE table_entries_next RENAME TO table_entries`.execute(db);
}
//# sourceMappingURL=004_entries_point_at_changes.js.map