// Who impersonated: the authenticated user behind an event whose actor came from Impersonate-User
// (kube-apiserver's audit log keeps both users). Null for every other event, so older logs need
// nothing filled in.
import { sql } from 'kysely';
export async function up(db) {
    await sql `ALTER TABLE events ADD COLUMN impersonated_by TEXT`.execute(db);
}
//# sourceMappingURL=005_events_impersonated_by.js.map