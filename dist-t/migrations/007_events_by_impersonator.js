// Events by the user who impersonated: `events?actor=alice` names what alice did as herself and
// what she did as someone else (`kubectl --as`), as kube-apiserver's audit log files both under
// her. Partial: only impersonated events carry the column, so the other writes pay nothing.
import { sql } from 'kysely';
export async function up(db) {
    await sql `CREATE INDEX events_by_impersonator ON events (impersonated_by, rv) WHERE impersonated_by IS NOT NULL`.execute(db);
}
//# sourceMappingURL=007_events_by_impersonator.js.map