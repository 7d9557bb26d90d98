// History of one node's view (cluster rows + its own) pages by change id without scanning past
// the other 4,999 nodes' rows.
export async function up(db) {
    await db.schema.createIndex('table_changes_by_scope').on('table_changes').columns(['table_name', 'scope', 'id']).execute();
}
//# sourceMappingURL=002_history_by_scope.js.map