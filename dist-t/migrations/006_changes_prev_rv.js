// Each change records the rv of the value it replaced (the change that had set it), so a read of
// the past knows a restored entry's cause from the row that restores it. Before, time travel
// looked each restored key up again: 6,669 keys of a node's iptables 10,000 revisions back at
// the scale envelope took 46-129 ms in one grouped query. Rows written before this migration
// keep NULL, and readers look those up as before.
import { sql } from 'kysely';
export async function up(db) {
    await sql `ALTER TABLE table_changes ADD COLUMN prev_rv INTEGER`.execute(db);
}
//# sourceMappingURL=006_changes_prev_rv.js.map