// The event log, object state, table entries and their history.
export async function up(db) {
    await db.schema
        .createTable('events')
        .addColumn('rv', 'integer', (c) => c.primaryKey())
        .addColumn('time', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('namespace', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('uid', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('object', 'text', (c) => c.notNull())
        .addColumn('cause', 'integer')
        .addColumn('request_id', 'text')
        .execute();
    await db.schema.createIndex('events_by_object').on('events').columns(['kind', 'namespace', 'name', 'rv']).execute();
    await db.schema.createIndex('events_by_actor').on('events').columns(['actor', 'rv']).execute();
    await db.schema
        .createTable('objects')
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('namespace', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('rv', 'integer', (c) => c.notNull())
        .addColumn('object', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('objects_pk', ['kind', 'namespace', 'name'])
        .execute();
    await db.schema
        .createTable('table_entries')
        .addColumn('table_name', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('rv', 'integer', (c) => c.notNull())
        .addColumn('value', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('table_entries_pk', ['table_name', 'scope', 'key'])
        .execute();
    await db.schema
        .createTable('table_changes')
        .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
        .addColumn('rv', 'integer', (c) => c.notNull())
        .addColumn('table_name', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('op', 'text', (c) => c.notNull())
        .addColumn('value', 'text')
        .addColumn('prev', 'text')
        .execute();
    await db.schema.createIndex('table_changes_by_key').on('table_changes').columns(['table_name', 'key', 'rv']).execute();
    await db.schema.createIndex('table_changes_by_rv').on('table_changes').columns(['rv']).execute();
    await db.schema
        .createTable('meta')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    await db.schema
        .createTable('node_status')
        .addColumn('node', 'text', (c) => c.primaryKey())
        .addColumn('report', 'text', (c) => c.notNull())
        .addColumn('updated', 'text', (c) => c.notNull())
        .execute();
}
//# sourceMappingURL=001_initial.js.map