// Object state keeps only which event holds each object's current version: the object text is
// already in that event, and writing it twice per event was a third of the write path.
// Compaction keeps every object's last event (store/retention.ts), so the pointer stays valid.
import { sql } from 'kysely';
export async function up(db) {
    await db.schema
        .createTable('objects_next')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('namespace', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('rv', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('objects_pk', ['kind', 'namespace', 'name'])
        .execute();
    await sql `INSERT INTO objects_next (kind, namespace, name, rv) SELECT kind, namespace, name, rv FROM objects`.execute(db);
    await db.schema.dropTable('objects').execute();
    await sql `ALTER TABLE objects_next RENAME TO objects`.execute(db);
}
//# sourceMappingURL=003_objects_point_at_events.js.map