// The write path's statements: their SQL comes from Kysely (one source of truth for the table
// shapes), compiled once with placeholder values. The batch writer (batch-writer.ts) prepares
// them once on its own connection and runs them by index; compiling per batch cost more than
// the inserts.
/** Statement indexes, in the order writeStatementSql lists them. */
export const Stmt = { InsertEvent: 0, UpsertObject: 1, DeleteObject: 2, UpsertEntry: 3, DeleteEntry: 4, InsertChange: 5, SetMeta: 6 };
export function writeStatementSql(db) {
    const sql = (q) => q.compile().sql;
    return [
        sql(db.insertInto('events').values({ rv: 0, time: '', actor: '', kind: '', namespace: '', name: '', uid: '', type: '', object: '', cause: null, request_id: null, impersonated_by: null })),
        sql(db
            .insertInto('objects')
            .values({ kind: '', namespace: '', name: '', rv: 0 })
            .onConflict((oc) => oc.columns(['kind', 'namespace', 'name']).doUpdateSet((eb) => ({ rv: eb.ref('excluded.rv') })))),
        sql(db.deleteFrom('objects').where('kind', '=', '').where('namespace', '=', '').where('name', '=', '')),
        sql(db
            .insertInto('table_entries')
            .values({ table_name: '', scope: '', key: '', rv: 0, change_id: 0 })
            .onConflict((oc) => oc.columns(['table_name', 'scope', 'key']).doUpdateSet((eb) => ({ rv: eb.ref('excluded.rv'), change_id: eb.ref('excluded.change_id') })))),
        sql(db.deleteFrom('table_entries').where('table_name', '=', '').where('scope', '=', '').where('key', '=', '')),
        // The id is given, not generated: an entry written in the same batch points at it.
        sql(db.insertInto('table_changes').values({ id: 0, rv: 0, table_name: '', scope: '', key: '', op: '', value: null, prev: null, prev_rv: null })),
        sql(db
            .insertInto('meta')
            .values({ key: '', value: '' })
            .onConflict((oc) => oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value') })))),
    ];
}
//# sourceMappingURL=write-statements.js.map